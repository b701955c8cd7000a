/**
 * A badge beside an article's heading: a widget decoration at the end of the
 * heading, given to the view as a prop (not a plugin) so no node view and no
 * plugin list changes — y-prosemirror's plugin views are left alone.
 */
import type { Node } from 'prosemirror-model'
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view'

/** Shows `badge` after the heading of the article `articleId` finds; returns the function that removes it. */
export function showHeadingBadge(
  view: EditorView,
  articleId: (doc: Node) => string | null,
  badge: HTMLElement,
): () => void {
  let doc: Node | null = null
  let set = DecorationSet.empty
  view.setProps({
    decorations(state) {
      // Recomputed per document version only: articles are top-level, so the walk is short.
      if (state.doc === doc) return set
      doc = state.doc
      set = DecorationSet.empty
      const id = articleId(state.doc)
      state.doc.forEach((node, offset) => {
        if (node.type.name !== 'article' || node.attrs.id !== id || node.firstChild?.type.name !== 'heading') return
        const end = offset + 1 + node.firstChild.nodeSize - 1
        set = DecorationSet.create(state.doc, [
          Decoration.widget(end, () => badge, {
            side: 1,
            key: 'heading-badge',
            ignoreSelection: true,
            stopEvent: () => true,
          }),
        ])
      })
      return set
    },
  })
  // The page may tear the editor down first: a destroyed view takes no props.
  return () => {
    if (!view.isDestroyed) view.setProps({ decorations: undefined })
  }
}
