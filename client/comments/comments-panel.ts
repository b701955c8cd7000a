/**
 * The side panel's comments, per section in text order: who speaks, the
 * opening of the comment, the words it is on, its replies, and a button that
 * shows it beside its words; resolved threads and those whose words are gone
 * below. Counts say how many are open, and how many speak for a Party or group.
 */
import type { EditorView } from 'prosemirror-view'
import type { ThreadSpan } from '../../shared/comments/comment-spans.ts'
import { perSection } from '../anchors/per-section.ts'
import { button, el } from '../dom/element.ts'
import { authorLine, speakerLabel } from './comment-card.ts'
import type { LiveComments } from './live-comments.ts'

/** The panel section and what keeps it drawn. */
export interface CommentsPanel {
  dom: HTMLElement
  destroy(): void
}

const RENDER_DELAY_MS = 250
const EXCERPT_CHARS = 160

/** The comments section; `go` shows a thread beside its words. */
export function createCommentsPanel(
  comments: LiveComments,
  view: () => EditorView | null,
  go: (span: ThreadSpan) => void,
): CommentsPanel {
  const heading = el('h2', {}, 'Comments')
  const open = el('div', { class: 'comments-open' })
  const closedSummary = el('summary')
  const closedList = el('div')
  const closed = el('details', { class: 'comments-closed' }, closedSummary, closedList)
  const hint = el(
    'p',
    { class: 'comments-hint' },
    comments.mayComment
      ? 'Select words in the text and press Comment (Ctrl+Alt+M) to comment on them.'
      : 'Observers read the comments.',
  )
  const dom = el('section', { class: 'comments-panel', 'aria-label': 'Comments' }, heading, hint, open, closed)

  const item = (span: ThreadSpan) => {
    const { comment, replies } = span.thread
    const body = comment.body.length > EXCERPT_CHARS ? `${comment.body.slice(0, EXCERPT_CHARS - 1)}…` : comment.body
    const entry = el(
      'div',
      { class: `comment-item${comment.resolved ? ' resolved' : ''}`, 'data-thread': comment.id },
      el('strong', { class: 'comment-speaker' }, speakerLabel(comment)),
      ' ',
      el('span', { class: 'comment-by' }, authorLine(comment)),
      el('div', { class: 'comment-body' }, body),
    )
    if (comment.quote) entry.append(el('div', { class: 'comment-quote' }, `On “${comment.quote.slice(0, 100)}”`))
    const meta = [replies.length ? `${replies.length} repl${replies.length === 1 ? 'y' : 'ies'}` : '']
    if (comment.resolved) meta.push(`resolved by ${comment.resolved.by}`)
    if (meta.some(Boolean)) entry.append(el('div', { class: 'comment-by' }, meta.filter(Boolean).join(' · ')))
    if (span.range)
      entry.append(
        button('Show', { class: 'comment-go', 'aria-label': `Show the comment by ${speakerLabel(comment)}` }, () =>
          go(span),
        ),
      )
    return entry
  }

  const grouped = (spans: ThreadSpan[]) => perSection(view()?.state.doc, spans, item, 'comments-section')

  const render = () => {
    const spans = comments.spans()
    const openOnes = spans.filter((s) => !s.thread.comment.resolved)
    const done = spans.filter((s) => s.thread.comment.resolved)
    const speaking = openOnes.filter((s) => s.thread.comment.for).length
    heading.textContent = `Comments (${openOnes.length} open, ${speaking} for a Party or group)`
    open.replaceChildren(
      ...(openOnes.length ? grouped(openOnes) : [el('p', { class: 'comments-none' }, 'No open comments.')]),
    )
    closedSummary.textContent = `Resolved (${done.length})`
    closed.hidden = done.length === 0
    closedList.replaceChildren(...grouped(done))
  }

  let timer: ReturnType<typeof setTimeout> | undefined
  const stop = comments.subscribe(() => {
    clearTimeout(timer)
    timer = setTimeout(render, RENDER_DELAY_MS)
  })
  render()
  return {
    dom,
    destroy() {
      clearTimeout(timer)
      stop()
    },
  }
}
