/**
 * A range of the shared text that follows its words: two Yjs relative
 * positions into the text room's fragment, the start sticking to the first
 * character of the range and the end to the last, so text typed just before
 * or just after the range stays outside it and text typed inside it joins it.
 * Comments and pending changes are anchored this way; the editor turns an
 * anchor into decorations through the same positions.
 */
import { z } from 'zod'
import { loadPosition, storePosition, type PositionMapper, type StoredPosition } from './relative-positions.ts'

const ItemId = z.object({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() }).strict()

/** A Yjs relative position in its JSON form (`Y.relativePositionToJSON`). */
export const StoredPositionSchema = z
  .object({
    type: ItemId.optional(),
    tname: z.string().max(200).optional(),
    item: ItemId.optional(),
    assoc: z.number().int().optional(),
  })
  .strict()
  .refine(
    (p) => p.item !== undefined || p.type !== undefined || p.tname !== undefined,
    'a position names an item or a type',
  )

/** A range of the text room's text. */
export const TextAnchorSchema = z.object({ from: StoredPositionSchema, to: StoredPositionSchema }).strict()

/** A range of the text. */
export type TextAnchor = z.infer<typeof TextAnchorSchema>

/** The anchor of document range `[from, to)` (positions as ProseMirror counts them). */
export function anchorRange(mapper: PositionMapper, from: number, to: number): TextAnchor {
  return {
    from: storePosition(mapper.toRelative(from, 0)),
    to: storePosition(mapper.toRelative(to, -1)),
  } as TextAnchor
}

/** The document range an anchor covers now, or null when its words are gone. */
export function anchoredRange(mapper: PositionMapper, anchor: TextAnchor): { from: number; to: number } | null {
  const from = mapper.toAbsolute(loadPosition(anchor.from as StoredPosition))
  const to = mapper.toAbsolute(loadPosition(anchor.to as StoredPosition))
  if (from === null || to === null) return null
  return to >= from ? { from, to } : { from, to: from }
}
