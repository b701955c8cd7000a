/**
 * How deep a bracket sits: the number of bracket groups around it, counting
 * itself. Shown on nested brackets so that `[a [b [c …]]]` reads at any depth.
 */
import type { EditorView } from 'prosemirror-view'

/** Depth (1 for an outermost group) of the group at `pos`, or 1 when unknown. */
export function bracketDepth(view: EditorView, pos: number | undefined): number {
  if (pos === undefined || pos > view.state.doc.content.size) return 1
  const $pos = view.state.doc.resolve(pos)
  let depth = 1
  for (let d = $pos.depth; d > 0; d--) if ($pos.node(d).type.name === 'bracket_group') depth++
  return depth
}
