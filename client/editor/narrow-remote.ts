/**
 * y-prosemirror renders every change made to the Y.Doc (a collaborator's keystroke, an
 * undo, a server write) as one step replacing the whole document. Mapped through it,
 * every position and decoration is lost, and every plugin that asks "did this touch a
 * table, a bracket, a structure node?" has to say yes and re-read 300 pages. The new
 * document shares every unchanged node with the old one, so the changed range is found
 * by identity in microseconds: the same change, as one step over that range.
 */
import { Selection, type EditorState, type Transaction } from 'prosemirror-state'

/** `tr` (y-prosemirror's whole-document replacement) as a step over the changed range; `tr` itself if it is not one. */
export function narrowed(state: EditorState, tr: Transaction): Transaction {
  if (tr.steps.length !== 1 || tr.before !== state.doc) return tr
  const before = state.doc
  const after = tr.doc
  const start = before.content.findDiffStart(after.content)
  const narrow = state.tr
  if (start !== null) {
    const end = before.content.findDiffEnd(after.content)
    if (!end) return tr
    // Repeated content lets the two ends cross: widen the end as prosemirror-view does.
    let { a: endA, b: endB } = end
    const overlap = start - Math.min(endA, endB)
    if (overlap > 0) {
      endA += overlap
      endB += overlap
    }
    narrow.replace(start, endA, after.slice(start, endB))
    if (!narrow.doc.eq(after)) return tr
  }
  for (const [key, value] of Object.entries((tr as unknown as { meta: Record<string, unknown> }).meta))
    narrow.setMeta(key, value)
  if (tr.selectionSet) narrow.setSelection(Selection.fromJSON(narrow.doc, tr.selection.toJSON()))
  if (tr.scrolledIntoView) narrow.scrollIntoView()
  narrow.time = tr.time
  return narrow
}
