/**
 * What y-prosemirror dispatches for a change made to the Y.Doc: every top-level node of
 * `state`'s document replaced by `next`'s, marked as coming from the Y.Doc.
 */
import { Slice, type Node } from 'prosemirror-model'
import type { EditorState, Transaction } from 'prosemirror-state'
import { ySyncPluginKey } from 'y-prosemirror'

/** y-prosemirror's rendering of a change that makes `state`'s document `next`. */
export const fromYjs = (state: EditorState, next: Node): Transaction =>
  state.tr
    .replace(0, state.doc.content.size, new Slice(next.content, 0, 0))
    .setMeta(ySyncPluginKey, { isChangeOrigin: true })
