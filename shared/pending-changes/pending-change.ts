/**
 * Pending changes: an insertion or a deletion proposed in the text itself and
 * waiting for a co-chair's decision — a tracked change carried over from Word,
 * or a suggestion typed in suggestion mode (a delegation's, or a co-chair's who
 * turned it on). Both are the same record. The words are always in the text
 * while the change is pending: an inserted span is there (shown underlined) and
 * goes if the insertion is rejected; a deleted span stays (shown struck) and
 * goes if the deletion is accepted. So a suggestion writes its words and an
 * insertion record over them, and a delete key becomes a deletion record over
 * the words, deleting nothing (`suggest.ts`; the server writes both and dates
 * them). A move is a deletion and an insertion sharing `move`, decided
 * together. Records live in the text room's `pendingChanges` map and are never
 * deleted: a decision sets `status` and signs it.
 */
import { z } from 'zod'
import { TextAnchorSchema } from '../document/text-anchor.ts'

/** Largest text a pending change records (the words of its span when recorded). */
export const MAX_PENDING_TEXT_CHARS = 100_000

/** What a decision did. */
export const PendingStatus = z.enum(['pending', 'accepted', 'rejected'])

/** A stored pending change. */
export const PendingChangeSchema = z
  .object({
    id: z.string().min(1).max(100),
    kind: z.enum(['insertion', 'deletion']),
    /** The span of the text the change covers. */
    anchor: TextAnchorSchema,
    /** The span's words when the change was recorded. */
    text: z.string().max(MAX_PENDING_TEXT_CHARS),
    /** Who made the change: the Word author, or the suggesting account. */
    author: z.string().min(1).max(200),
    /** The Party a delegation suggested for (suggestions by a delegation only). */
    party: z.string().min(1).max(200).optional(),
    /** When the change was made, as its source dates it. */
    date: z.string().optional(),
    /** The account that recorded it (the importing account for Word changes). */
    by: z.string().min(1),
    at: z.string().min(1),
    /** Where it came from. */
    source: z.enum(['word', 'suggestion']),
    /** Pairs the deletion and insertion of a move. */
    move: z.string().max(200).optional(),
    /** True when the span is a paragraph or table-row break (accepting a deleted break joins the blocks). */
    blockBreak: z.literal(true).optional(),
    status: PendingStatus,
    /** Who decided, when. */
    decision: z
      .object({ by: z.string().min(1), at: z.string().min(1) })
      .strict()
      .optional(),
  })
  .strict()

/** A pending change. */
export type PendingChange = z.infer<typeof PendingChangeSchema>

/** Whether deciding `change` with `accept` removes its span from the text. */
export function removesText(change: Pick<PendingChange, 'kind'>, accept: boolean): boolean {
  return (change.kind === 'deletion') === accept
}
