/**
 * The comments margin: a column beside the text where each open thread's card
 * sits level with the first line of its words, stacked so none hides another,
 * the thread in front aligned with its words and the others moved aside. It
 * follows the text (scroll, edits by anyone, resizing) and the threads; a card
 * whose words are in a part of the text the browser has not laid out (far off
 * screen) waits until it is. Selecting words offers "Comment" here
 * (Ctrl+Alt+M too), and the new comment is written in a card at its words.
 */
import type { EditorView } from 'prosemirror-view'
import type { ThreadSpan } from '../../shared/comments/comment-spans.ts'
import { button, el, setHidden } from '../dom/element.ts'
import { speakerPicker, threadCard, type ReplyDrafts } from './comment-card.ts'
import type { CommentTarget, LiveComments } from './live-comments.ts'

const GAP_PX = 6
const COMPOSER = '#composer'
/** Fired on an element with `content-visibility: auto` when the browser starts or stops skipping its content. */
const VISIBILITY_CHANGE = 'contentvisibilityautostatechange'

interface Placed {
  dom: HTMLElement
  signature: string
  from: number
}

/** The margin of one editor view. */
export class CommentMargin {
  readonly dom = el('div', { class: 'comment-margin', 'aria-label': 'Comments in the margin' })
  private readonly cards = new Map<string, Placed>()
  private readonly drafts: ReplyDrafts = new Map()
  private readonly add: HTMLButtonElement
  private composer: { dom: HTMLElement; from: number; target: CommentTarget } | null = null
  private frame = 0
  private readonly slot: HTMLElement
  private readonly stops: (() => void)[] = []

  constructor(
    private readonly view: EditorView,
    private readonly comments: LiveComments,
  ) {
    this.slot = view.dom.parentElement!
    this.slot.classList.add('with-comment-margin')
    this.slot.append(this.dom)
    this.add = button('Comment', { class: 'comment-add', title: 'Comment on the selected words (Ctrl+Alt+M)' }, () =>
      this.compose(),
    )
    // Keep the selection when the button is pressed.
    this.add.addEventListener('mousedown', (event) => event.preventDefault())
    this.add.hidden = true
    this.dom.append(this.add)
    this.dom.addEventListener('mousedown', (event) => this.clicked(event))
    const onScroll = () => this.schedule()
    this.slot.addEventListener('scroll', onScroll, { passive: true })
    window.addEventListener('resize', onScroll)
    // A section of the text the browser starts (or stops) laying out moves the cards beside it.
    this.slot.addEventListener(VISIBILITY_CHANGE, onScroll, { capture: true })
    this.stops.push(() => {
      this.slot.removeEventListener('scroll', onScroll)
      window.removeEventListener('resize', onScroll)
      this.slot.removeEventListener(VISIBILITY_CHANGE, onScroll, { capture: true })
    })
    this.stops.push(comments.subscribe(() => this.render()))
    this.render()
  }

  /** The view changed: the text moved, or the selection did. */
  update(docChanged: boolean, selectionChanged: boolean): void {
    if (selectionChanged) this.offerComment()
    if (docChanged || selectionChanged) this.schedule()
  }

  /** Write a new comment on the selected words. */
  compose(): void {
    const { from, to, empty } = this.view.state.selection
    if (empty || !this.comments.mayComment) return
    this.composer?.dom.remove()
    const target = this.comments.target(this.view.state.doc, from, to)
    const text = el('textarea', {
      class: 'comment-new-text',
      rows: '3',
      'aria-label': 'Comment',
      placeholder: 'Comment…',
    })
    const speakers = this.comments.speakers()
    const pick = speakerPicker(speakers, 'Comment for')
    const close = () => {
      this.composer?.dom.remove()
      this.composer = null
      this.schedule()
    }
    const save = button('Comment', { class: 'comment-new-send' }, () => {
      if (!text.value.trim()) return text.focus()
      if (this.comments.comment(target, text.value, speakers[pick ? Number(pick.value) : 0] ?? null)) close()
    })
    const dom = el(
      'div',
      { class: 'comment-card comment-composer active', role: 'form', 'aria-label': 'New comment' },
      el('div', { class: 'comment-quote' }, `On “${target.quote.slice(0, 120)}”`),
      text,
      ...(pick ? [pick] : []),
      el('div', { class: 'comment-actions' }, save, button('Cancel', { class: 'comment-new-cancel' }, close)),
    )
    this.composer = { dom, from, target }
    this.dom.append(dom)
    this.add.hidden = true
    this.layout()
    text.focus()
  }

  /** Frees the margin. */
  destroy(): void {
    cancelAnimationFrame(this.frame)
    this.stops.forEach((stop) => stop())
    this.dom.remove()
    this.slot.classList.remove('with-comment-margin')
  }

  private clicked(event: MouseEvent): void {
    const target = event.target as HTMLElement
    if (target.closest('button, textarea, select, input')) return
    const card = target.closest<HTMLElement>('.comment-card[data-thread]')
    if (card) this.comments.focus(card.dataset.thread!)
  }

  private offerComment(): void {
    const { empty } = this.view.state.selection
    setHidden(this.add, empty || !this.comments.mayComment || this.composer !== null)
  }

  // Draws the cards whose thread changed; a card keeps its DOM (and an unsent reply) otherwise.
  private render(): void {
    const shown = new Set<string>()
    for (const span of this.comments.spans()) {
      const { comment } = span.thread
      const active = this.comments.active === comment.id
      if (!span.range || !this.comments.inMargin(comment)) continue
      shown.add(comment.id)
      const signature = JSON.stringify([span.thread, active, span.range.to > span.range.from])
      const placed = this.cards.get(comment.id)
      if (placed && placed.signature === signature) {
        placed.from = span.range.from
        continue
      }
      const dom = this.redraw(placed?.dom, span, active)
      this.cards.set(comment.id, { dom, signature, from: span.range.from })
    }
    for (const [id, placed] of this.cards)
      if (!shown.has(id)) {
        placed.dom.remove()
        this.cards.delete(id)
      }
    this.schedule()
  }

  private redraw(old: HTMLElement | undefined, span: ThreadSpan, active: boolean): HTMLElement {
    const focused = old?.contains(document.activeElement) ? (document.activeElement as HTMLTextAreaElement) : null
    const dom = threadCard(span, this.comments, active, this.drafts)
    if (old) old.replaceWith(dom)
    else this.dom.append(dom)
    if (focused?.classList.contains('comment-reply-text')) {
      const again = dom.querySelector<HTMLTextAreaElement>('.comment-reply-text')
      again?.focus()
      again?.setSelectionRange(focused.selectionStart, focused.selectionEnd)
    }
    return dom
  }

  private schedule(): void {
    if (this.frame) return
    this.frame = requestAnimationFrame(() => {
      this.frame = 0
      this.layout()
    })
  }

  private layout(): void {
    if (!this.dom.isConnected) return
    const box = this.slot.getBoundingClientRect()
    this.dom.style.left = `${this.view.dom.offsetLeft + this.view.dom.offsetWidth + 16}px`
    const items: { id: string; dom: HTMLElement; want: number }[] = []
    const place = (id: string, dom: HTMLElement, from: number) => {
      const want = this.topOf(from, box)
      setHidden(dom, want === null)
      if (want !== null) items.push({ id, dom, want })
    }
    for (const [id, placed] of this.cards) place(id, placed.dom, placed.from)
    if (this.composer) place(COMPOSER, this.composer.dom, this.composer.from)
    items.sort((a, b) => a.want - b.want)
    const heights = items.map((i) => i.dom.offsetHeight)
    const tops = items.map((i) => i.want)
    const front = this.composer ? COMPOSER : this.comments.active
    const pivot = Math.max(
      0,
      items.findIndex((i) => i.id === front),
    )
    for (let i = pivot + 1; i < items.length; i++) tops[i] = Math.max(tops[i], tops[i - 1] + heights[i - 1] + GAP_PX)
    for (let i = pivot - 1; i >= 0; i--) tops[i] = Math.min(tops[i], tops[i + 1] - heights[i] - GAP_PX)
    const lift = Math.min(0, tops[0] ?? 0)
    items.forEach((item, i) => (item.dom.style.top = `${tops[i] - lift}px`))
    if (!this.add.hidden) {
      const top = this.topOf(this.view.state.selection.from, box)
      setHidden(this.add, top === null)
      if (top !== null) this.add.style.top = `${top}px`
    }
  }

  // Where position `pos` sits in the margin's coordinates; null while its part of the text is not laid out.
  private topOf(pos: number, box: DOMRect): number | null {
    if (pos > this.view.state.doc.content.size) return null
    const at = this.view.domAtPos(pos)
    const node = at.node.nodeType === Node.TEXT_NODE ? at.node.parentElement : (at.node as Element)
    const check = node as Element & { checkVisibility?: (o: object) => boolean }
    if (check?.checkVisibility && !check.checkVisibility({ contentVisibilityAuto: true })) return null
    return this.view.coordsAtPos(pos).top - box.top + this.slot.scrollTop
  }
}
