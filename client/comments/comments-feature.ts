/**
 * Comments as a feature of the editor: the commented words highlighted, the
 * threads in the margin beside them, a new comment on selected words, and the
 * panel section listing them per section. Delegations comment for their Party
 * (or a group it belongs to), co-chairs and the secretariat comment and
 * resolve, observers read; the server judges every entry.
 */
import { TextSelection } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type { ThreadSpan } from '../../shared/comments/comment-spans.ts'
import type { EditorFeature } from '../editor/editor-feature.ts'
import { rebuildDecorations } from '../anchors/anchored-decorations.ts'
import { commentHighlights, commentMarginPlugin, commentsKey } from './comments-plugin.ts'
import { createCommentsPanel, type CommentsPanel } from './comments-panel.ts'
import { LiveComments, type CommentsSource } from './live-comments.ts'
import './comments.css'

/** The comments of an open document: the editor feature and the panel section. */
export interface CommentsSide {
  feature: EditorFeature
  comments: LiveComments
  /** The panel section (call once the editor is mounted). */
  panel(): HTMLElement
  destroy(): void
}

/** The comments of the document whose rooms `source` reads. */
export function commentsSide(source: CommentsSource): CommentsSide {
  const comments = new LiveComments(source)
  let view: EditorView | null = null
  let panel: CommentsPanel | null = null
  const stop = comments.subscribe(() => view && rebuildDecorations(view, commentsKey))

  const go = (span: ThreadSpan) => {
    if (!view || !span.range) return
    comments.focus(span.thread.comment.id, !!span.thread.comment.resolved)
    const { from } = span.range
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from)))
    // Sections far off screen are not laid out: scroll to the element, which makes the browser lay it out.
    const at = view.domAtPos(from).node
    ;(at instanceof Element ? at : at.parentElement)?.scrollIntoView({ block: 'center' })
  }

  return {
    comments,
    feature: {
      plugins: () => [commentHighlights(comments), commentMarginPlugin(comments)],
      mounted(editor) {
        view = editor.view
        rebuildDecorations(view, commentsKey)
      },
    },
    panel() {
      panel = createCommentsPanel(comments, () => view, go)
      return panel.dom
    },
    destroy() {
      stop()
      panel?.destroy()
      comments.destroy()
    },
  }
}
