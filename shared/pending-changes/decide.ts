/**
 * Pending changes on a shared text room: recording one over a span, listing
 * them with the spans they cover now (for the editor's underline and
 * strike-through), and deciding one — accepting or rejecting writes the text
 * (removing the span when the decision says so: in the Yjs tree when the span
 * lies in one element, else through y-prosemirror's diffing writer; either way
 * only those characters change for everyone) and signs the record, in one
 * transaction. Deciding one half of a move decides the other.
 */
import { Transform } from 'prosemirror-transform'
import { prosemirrorToYXmlFragment } from 'y-prosemirror'
import type * as Y from 'yjs'
import { readNegotiationDoc } from '../document/negotiation-doc.ts'
import { textRoom } from '../document/text-room.ts'
import { PositionMapper } from '../document/relative-positions.ts'
import { anchoredRange, anchorRange } from '../document/text-anchor.ts'
import { removesText, type PendingChange } from './pending-change.ts'
import { elementSpan, removeSpan } from './y-span.ts'

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
  const removing = group.filter((c) => removesText(c, accept))
  // Spans within one element are removed in the Yjs tree; one across blocks goes through the whole text.
  const spans = removing.map((c) => elementSpan(fragment, c.anchor))
  const direct = spans.every((span) => span !== null)
  const tr = direct ? null : removalsThroughText(ydoc, removing)
  if (tr && 'refused' in tr) return tr
  const decided = group.map((c): PendingChange => ({ ...c, status: accept ? 'accepted' : 'rejected', decision }))
  ydoc.transact(() => {
    if (tr?.docChanged) prosemirrorToYXmlFragment(tr.doc, fragment)
    else if (direct)
      // Each span read again from its anchor: removing one moves the indices of another in the same element.
      for (const c of removing) {
        const span = elementSpan(fragment, c.anchor)
        if (span && span !== 'gone') removeSpan(span)
      }
    for (const c of decided) map.set(c.id, c)
  })
  return decided
}

// The whole text with the changes' spans removed, for spans across blocks (a tracked paragraph mark).
function removalsThroughText(ydoc: Y.Doc, removing: PendingChange[]): Transform | DecisionRefusal {
  const mapper = new PositionMapper(textRoom(ydoc).text)
  const removals = removing
    .map((c) => anchoredRange(mapper, c.anchor))
    .filter((r): r is { from: number; to: number } => r !== null && r.to > r.from)
    .sort((a, b) => b.from - a.from)
  const tr = new Transform(readNegotiationDoc(ydoc))
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
  return tr
}
