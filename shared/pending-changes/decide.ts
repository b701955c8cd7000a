/**
 * Pending changes on a shared text room: recording one over a span, listing
 * them with the spans they cover now (for the editor's underline and
 * strike-through), and deciding one — accepting or rejecting writes the text
 * (removing the span when the decision says so, through y-prosemirror's
 * diffing writer, so only those characters change for everyone) and signs the
 * record, in one transaction. Deciding one half of a move decides the other.
 */
import { Transform } from 'prosemirror-transform'
import { prosemirrorToYXmlFragment } from 'y-prosemirror'
import type * as Y from 'yjs'
import { readNegotiationDoc } from '../document/negotiation-doc.ts'
import { textRoom } from '../document/text-room.ts'
import { PositionMapper } from '../document/relative-positions.ts'
import { anchoredRange, anchorRange } from '../document/text-anchor.ts'
import { removesText, type PendingChange } from './pending-change.ts'

/** What a caller gives to record a change over document range `[from, to)`. */
export type PendingDraft = Omit<PendingChange, 'anchor' | 'status' | 'decision'> & { from: number; to: number }

/** A pending change with the document range it covers now (null: its words are gone). */
export interface PendingSpan {
  change: PendingChange
  range: { from: number; to: number } | null
}

/** Record pending changes over their ranges, in one transaction (positions of the present text). */
export function recordPendingChanges(ydoc: Y.Doc, drafts: PendingDraft[]): PendingChange[] {
  const mapper = new PositionMapper(textRoom(ydoc).text)
  const map = textRoom(ydoc).pendingChanges
  const out: PendingChange[] = []
  ydoc.transact(() => {
    for (const { from, to, ...draft } of drafts) {
      const change: PendingChange = { ...draft, anchor: anchorRange(mapper, from, to), status: 'pending' }
      map.set(change.id, change)
      out.push(change)
    }
  })
  return out
}

/** Every pending change still waiting, with its present range, in text order. */
export function pendingSpans(ydoc: Y.Doc): PendingSpan[] {
  const mapper = new PositionMapper(textRoom(ydoc).text)
  const spans: PendingSpan[] = []
  for (const change of textRoom(ydoc).pendingChanges.values())
    if (change.status === 'pending') spans.push({ change, range: anchoredRange(mapper, change.anchor) })
  return spans.sort(
    (a, b) => (a.range?.from ?? Infinity) - (b.range?.from ?? Infinity) || a.change.id.localeCompare(b.change.id),
  )
}

/** Why a decision could not be taken. */
export interface DecisionRefusal {
  refused: string
}

/**
 * Accept (`accept`) or reject pending change `id` and the other half of its
 * move, signed `decision`. The text changes only where a span is removed.
 */
export function decidePendingChange(
  ydoc: Y.Doc,
  id: string,
  accept: boolean,
  decision: { by: string; at: string },
): PendingChange[] | DecisionRefusal {
  const map = textRoom(ydoc).pendingChanges
  const change = map.get(id)
  if (!change) return { refused: `no pending change "${id}"` }
  if (change.status !== 'pending') return { refused: `the change is already ${change.status}` }
  const group = [change]
  if (change.move !== undefined)
    for (const other of map.values())
      if (other.id !== id && other.move === change.move && other.status === 'pending') group.push(other)
  const fragment = textRoom(ydoc).text
  const mapper = new PositionMapper(fragment)
  const removals = group
    .filter((c) => removesText(c, accept))
    .map((c) => anchoredRange(mapper, c.anchor))
    .filter((r): r is { from: number; to: number } => r !== null && r.to > r.from)
    .sort((a, b) => b.from - a.from)
  const doc = readNegotiationDoc(ydoc)
  const tr = new Transform(doc)
  try {
    let floor = Infinity
    for (const r of removals) {
      const to = Math.min(r.to, floor)
      if (to > r.from) tr.delete(r.from, to)
      floor = r.from
    }
  } catch (e) {
    return {
      refused: `the span cannot be removed from the text as it stands (${(e as Error).message}); edit it by hand`,
    }
  }
  const decided = group.map((c): PendingChange => ({ ...c, status: accept ? 'accepted' : 'rejected', decision }))
  ydoc.transact(() => {
    if (tr.docChanged) prosemirrorToYXmlFragment(tr.doc, fragment)
    for (const c of decided) map.set(c.id, c)
  })
  return decided
}
