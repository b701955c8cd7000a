/**
 * A comment thread as a card: who speaks (the Party or group first, then who
 * typed it — the account, or the Word author it was recorded by — and when),
 * the comment and its replies, and what this account may do: reply (for its
 * Party or one of its groups), withdraw its own, resolve or reopen (co-chairs
 * and the secretariat). Collapsed, a card shows its opening lines.
 */
import type { ThreadSpan } from '../../shared/comments/comment-spans.ts'
import type { Comment } from '../../shared/comments/comment.ts'
import type { Speaker } from '../../shared/parties/speaker.ts'
import { shownDate } from '../anchors/attribution.ts'
import { button, el } from '../dom/element.ts'
import type { LiveComments } from './live-comments.ts'

/** Who a comment speaks as, as the card's first words. */
export function speakerLabel(c: Comment): string {
  if (c.for) return c.for.name
  return c.source === 'word' ? c.recordedBy || 'Word comment' : c.by
}

/** Who typed it and when. */
export function authorLine(c: Comment): string {
  const who = c.source === 'word' ? `recorded by ${c.recordedBy || 'unknown'} (Word)` : c.for ? `by ${c.by}` : ''
  return [who, shownDate(c.at), c.editedAt ? 'edited' : ''].filter(Boolean).join(' · ')
}

/** Unsent replies by thread, kept while cards are redrawn. */
export type ReplyDrafts = Map<string, string>

/** A select of the speakers an account may use, or null when it has one voice. */
export function speakerPicker(speakers: (Speaker | null)[], label: string): HTMLSelectElement | null {
  if (speakers.length < 2) return null
  const select = el('select', { class: 'comment-speaker-pick', 'aria-label': label })
  speakers.forEach((s, i) => select.append(el('option', { value: String(i) }, s ? s.name : 'my own remark')))
  return select
}

/** The card of `span`'s thread; `expanded` shows everything and the actions. */
export function threadCard(
  span: ThreadSpan,
  comments: LiveComments,
  expanded: boolean,
  drafts: ReplyDrafts,
): HTMLElement {
  const { comment, replies } = span.thread
  const card = el('div', {
    class: `comment-card${expanded ? ' active' : ''}${comment.resolved ? ' resolved' : ''}`,
    'data-thread': comment.id,
    'data-speaker': comment.for?.name ?? '',
    role: 'article',
    'aria-label': `Comment by ${speakerLabel(comment)}`,
  })
  card.append(entry(comment, comments, expanded))
  if (!expanded) {
    if (replies.length)
      card.append(
        el('div', { class: 'comment-replies-count' }, `${replies.length} repl${replies.length === 1 ? 'y' : 'ies'}`),
      )
    return card
  }
  if (!span.range && comment.quote)
    card.append(el('div', { class: 'comment-quote' }, `On “${comment.quote}” (words no longer in the text)`))
  for (const reply of replies) card.append(entry(reply, comments, true, 'comment-reply'))
  if (comment.resolved)
    card.append(
      el('div', { class: 'comment-resolved' }, `Resolved by ${comment.resolved.by}, ${shownDate(comment.resolved.at)}`),
    )
  const actions = el('div', { class: 'comment-actions' })
  if (comments.mayComment && !comment.resolved) card.append(replyForm(comment.id, comments, drafts))
  if (comments.mayResolve)
    actions.append(
      button(comment.resolved ? 'Reopen' : 'Resolve', { class: 'comment-resolve' }, () =>
        comments.settle(comment.id, !comment.resolved),
      ),
    )
  if (actions.childElementCount) card.append(actions)
  return card
}

function entry(c: Comment, comments: LiveComments, full: boolean, cls = 'comment-entry'): HTMLElement {
  const head = el(
    'div',
    { class: 'comment-head' },
    el('strong', { class: 'comment-speaker' }, speakerLabel(c)),
    ' ',
    el('span', { class: 'comment-by' }, authorLine(c)),
  )
  const body = el('div', { class: `comment-body${full ? '' : ' clamped'}${c.withdrawn ? ' withdrawn' : ''}` }, c.body)
  const out = el('div', { class: cls, 'data-comment': c.id }, head, body)
  if (c.withdrawn) out.append(el('div', { class: 'comment-withdrawn' }, 'withdrawn by its author'))
  else if (full && c.by === comments.me && c.source === 'accord')
    out.append(button('Withdraw', { class: 'comment-withdraw' }, () => comments.withdraw(c.id)))
  return out
}

function replyForm(thread: string, comments: LiveComments, drafts: ReplyDrafts): HTMLElement {
  const text = el('textarea', { class: 'comment-reply-text', rows: '2', 'aria-label': 'Reply', placeholder: 'Reply…' })
  text.value = drafts.get(thread) ?? ''
  text.addEventListener('input', () => drafts.set(thread, text.value))
  const speakers = comments.speakers()
  const pick = speakerPicker(speakers, 'Reply for')
  const send = button('Reply', { class: 'comment-reply-send' }, () => {
    if (!text.value.trim()) return text.focus()
    const speaker = speakers[pick ? Number(pick.value) : 0] ?? null
    if (comments.reply(thread, text.value, speaker)) drafts.delete(thread)
  })
  return el('div', { class: 'comment-reply-form' }, text, ...(pick ? [pick] : []), send)
}
