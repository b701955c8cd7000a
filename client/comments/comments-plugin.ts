/**
 * Comments in the text: the words of every open thread highlighted (the
 * thread in front more strongly), a click on them bringing their card to the
 * front, Ctrl+Alt+M commenting on the selected words, and the margin beside
 * the text (`comment-margin.ts`).
 */
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import { anchoredDecorations } from '../anchors/anchored-decorations.ts'
import { CommentMargin } from './comment-margin.ts'
import type { LiveComments } from './live-comments.ts'

/** The key of the comments' highlights. */
export const commentsKey = new PluginKey<DecorationSet>('accord-comments')

/** The highlights of `comments`' open threads. */
export function commentHighlights(comments: LiveComments): Plugin {
  return anchoredDecorations(commentsKey, (state: EditorState) => {
    const size = state.doc.content.size
    const out: Decoration[] = []
    for (const { thread, range } of comments.spans()) {
      const { comment } = thread
      const active = comments.active === comment.id
      if (!range || range.to <= range.from || range.to > size || !comments.inMargin(comment)) continue
      out.push(
        // Overlapping highlights share one element, whose classes ProseMirror joins: the ids go there.
        Decoration.inline(range.from, range.to, {
          class: `commented comment-on-${comment.id}${active ? ' active' : ''}`,
        }),
      )
    }
    return DecorationSet.create(state.doc, out)
  })
}

/** The margin and the interactions with commented words. */
export function commentMarginPlugin(comments: LiveComments): Plugin {
  let margin: CommentMargin | null = null
  return new Plugin({
    view(view) {
      margin = new CommentMargin(view, comments)
      return {
        update: (v, before) => margin?.update(v.state.doc !== before.doc, !v.state.selection.eq(before.selection)),
        destroy: () => {
          margin?.destroy()
          margin = null
        },
      }
    },
    props: {
      handleClick(_view, pos) {
        // The innermost (shortest) open thread holding the click comes to the front.
        const holding = comments
          .spans()
          .filter((s) => s.range && !s.thread.comment.resolved && s.range.from <= pos && pos <= s.range.to)
          .sort((a, b) => a.range!.to - a.range!.from - (b.range!.to - b.range!.from))
        if (holding.length) comments.focus(holding[0].thread.comment.id)
        return false
      },
      handleKeyDown(_view, event) {
        if (event.ctrlKey && event.altKey && event.code === 'KeyM') {
          margin?.compose()
          return true
        }
        return false
      },
    },
  })
}
