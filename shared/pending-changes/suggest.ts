/**
 * A suggestion: words typed into the text, or words struck from it, that wait
 * for a co-chair's decision instead of changing the text. It is the same
 * record as Word's tracked changes: an insertion writes its words into the
 * text with an insertion record over them (rejecting it takes them out), a
 * deletion only records the span (accepting it takes the words out). Typing
 * over a selection is both, in one step, as Word records it. The caller — the
 * server — signs and dates it; places are Yjs relative positions, so a
 * suggestion sent while others type lands where its author typed it. Both are
 * written in the Yjs tree directly (`y-span.ts`): their cost does not grow
 * with the length of the text.
 */
import type * as Y from 'yjs'
import { z } from 'zod'
import { freshId } from '../document/fresh-id.ts'
import type { StoredPosition } from '../document/relative-positions.ts'
import { StoredPositionSchema, TextAnchorSchema } from '../document/text-anchor.ts'
import { textRoom } from '../document/text-room.ts'
import type { PendingChange } from './pending-change.ts'
import { elementSpan, holdsWords, insertWords, pointAt, spanAnchor, spanWords, wordsAnchor } from './y-span.ts'

/** Largest insertion one suggestion makes, in characters. */
export const MAX_SUGGESTED_CHARS = 10_000

/** What a suggestion asks for: words inserted at a place, a span struck, or both. */
export const SuggestionSchema = z
  .object({
    insert: z
      .object({
        at: StoredPositionSchema,
        text: z
          .string()
          .min(1)
          .max(MAX_SUGGESTED_CHARS)
          .refine((t) => !/[\u0000-\u001f\u007f]/.test(t), 'words within one line: no line breaks, tabs or controls'),
      })
      .strict()
      .optional(),
    delete: TextAnchorSchema.optional(),
  })
  .strict()
  .refine((s) => s.insert || s.delete, 'a suggestion inserts words, deletes a span, or both')

/** A suggestion as sent. */
export type Suggestion = z.infer<typeof SuggestionSchema>

/** Who suggests, for whom, and when (the server's clock). */
export interface SuggestionSignature {
  by: string
  /** The Party a delegation speaks for. */
  party?: string
  at: string
}

/** Why a suggestion cannot be made, at the field of the request at fault. */
export interface SuggestionRefusal {
  refused: string
  field: 'insert' | 'delete'
}

/** Make `suggestion` in the text room `ydoc`, signed `signature`; the records it made, or why not. */
export function suggestChange(
  ydoc: Y.Doc,
  suggestion: Suggestion,
  signature: SuggestionSignature,
): PendingChange[] | SuggestionRefusal {
  const fragment = textRoom(ydoc).text
  const struck = suggestion.delete ? elementSpan(fragment, suggestion.delete) : undefined
  if (struck === 'gone')
    return { refused: 'the words to strike are gone: someone changed them meanwhile', field: 'delete' }
  if (struck === null || (struck && !holdsWords(struck.parent)))
    return {
      refused: 'strike words within one paragraph, cell or bracket: select them again inside it',
      field: 'delete',
    }
  const place = suggestion.insert ? pointAt(fragment, suggestion.insert.at as StoredPosition) : undefined
  if (place === null)
    return { refused: 'the place to insert at is gone: someone deleted the words around it', field: 'insert' }
  if (place && !holdsWords(place.parent))
    return { refused: 'words go inside a paragraph, cell or bracket, not between blocks', field: 'insert' }
  const signed = {
    author: signature.by,
    ...(signature.party ? { party: signature.party } : {}),
    by: signature.by,
    at: signature.at,
    source: 'suggestion' as const,
    status: 'pending' as const,
  }
  const made: PendingChange[] = []
  const map = textRoom(ydoc).pendingChanges
  ydoc.transact(() => {
    if (struck)
      made.push({ id: freshId('s'), kind: 'deletion', anchor: spanAnchor(struck), text: spanWords(struck), ...signed })
    if (place && suggestion.insert) {
      const words = suggestion.insert.text
      const { type, index } = insertWords(place, words)
      made.push({
        id: freshId('s'),
        kind: 'insertion',
        anchor: wordsAnchor(type, index, words.length),
        text: words,
        ...signed,
      })
    }
    for (const change of made) map.set(change.id, change)
  })
  return made
}
