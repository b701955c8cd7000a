/**
 * Square brackets as things that can be chosen. A group shows its alternatives
 * bracketed as in the paper text (`[2013 to 2017][2013 to 2020]`); the brackets
 * themselves are the handles: clicking an alternative's bracket chooses it (an
 * optional bracket's: keeps it) in one action; a delegation's click proposes that
 * choice for its Party. Unresolved groups are marked;
 * once resolved, the surviving text reads plainly and the rest is struck
 * through. Depth is shown on the brackets so nesting stays readable at 7+.
 */
import type { Node } from 'prosemirror-model'
import type { EditorView, NodeView, ViewMutationRecord } from 'prosemirror-view'
import { choiceOffer } from '../editor-feature.ts'
import type { EditorContext } from '../editor-context.ts'
import { bracketDepth } from './bracket-depth.ts'

/** The view of a bracket group (its alternatives are `AlternativeView`s inside it). */
export class BracketGroupView implements NodeView {
  dom: HTMLElement
  contentDOM: HTMLElement
  private unwatch: () => void

  constructor(
    private node: Node,
    private view: EditorView,
    private getPos: () => number | undefined,
    private cx: EditorContext,
  ) {
    this.dom = this.contentDOM = document.createElement('span')
    this.dom.className = `bracket-group ${node.attrs.style}`
    this.dom.setAttribute('role', 'group')
    this.dom.dataset.id = node.attrs.id
    if (node.attrs.guess) this.dom.dataset.guess = node.attrs.guess
    this.unwatch = cx.decisions.watch(node.attrs.id, () => this.render())
    this.render()
    // The view places the alternatives after this constructor: the chosen one is marked then.
    if (this.dom.dataset.state === 'resolved') queueMicrotask(() => this.render())
  }

  update(node: Node): boolean {
    if (node.type !== this.node.type || node.attrs.id !== this.node.attrs.id) return false
    this.node = node
    // Alternatives may have been redrawn: mark them again after the view has placed them.
    queueMicrotask(() => this.render())
    return true
  }

  ignoreMutation(mutation: ViewMutationRecord): boolean {
    return mutation.type === 'attributes' && mutation.target === this.dom
  }

  destroy(): void {
    this.unwatch()
  }

  private render(): void {
    const id = this.node.attrs.id
    const alternatives = this.node.childCount ? countAlternatives(this.node) : 0
    const depth = bracketDepth(this.view, this.getPos())
    const state = this.cx.decisions.state(id)
    let summary: string
    let chosen: string | null = null
    if (state?.kind === 'optional') {
      if (this.dom.dataset.state !== state.state) this.dom.dataset.state = state.state
      summary = `optional text, ${state.state}`
    } else {
      chosen = state?.kind === 'group' ? state.choice : null
      const shown = chosen ? 'resolved' : 'unresolved'
      if (this.dom.dataset.state !== shown) this.dom.dataset.state = shown
      summary = `${alternatives} alternatives, ${chosen ? 'one chosen' : 'open'}`
    }
    if (this.dom.dataset.depth !== String(depth)) {
      this.dom.dataset.depth = String(depth)
      this.dom.style.setProperty('--depth-hue', String((depth * 67) % 360))
    }
    const label = `${summary}, depth ${depth}`
    if (this.dom.getAttribute('aria-label') !== label) this.dom.setAttribute('aria-label', label)
    for (const alt of this.dom.querySelectorAll<HTMLElement>(':scope > .alternative')) {
      alt.classList.toggle('chosen', chosen !== null && alt.dataset.id === chosen)
      alt.classList.toggle('rejected', chosen !== null && alt.dataset.id !== chosen)
    }
  }
}

/** An alternative of a group: its text between two bracket handles. */
export class AlternativeView implements NodeView {
  dom: HTMLElement
  contentDOM: HTMLElement
  /** The opening and the closing bracket. */
  private readonly handles: [HTMLElement, HTMLElement]

  constructor(
    private node: Node,
    private view: EditorView,
    private getPos: () => number | undefined,
    private cx: EditorContext,
  ) {
    this.dom = document.createElement('span')
    this.dom.className = 'alternative'
    this.dom.dataset.id = node.attrs.id
    this.handles = [this.handle('[', 'open'), this.handle(']', 'close')]
    this.contentDOM = document.createElement('span')
    this.contentDOM.className = 'alternative-text'
    this.dom.append(this.handles[0], this.contentDOM, this.handles[1])
    // Labelled before the view places it: written into the page, the 40,000 attributes of a
    // 300-page text were as many mutation records for ProseMirror's observer to sift.
    this.label()
  }

  update(node: Node): boolean {
    if (node.type !== this.node.type || node.attrs.id !== this.node.attrs.id) return false
    this.node = node
    this.label()
    return true
  }

  // The handles are the view's own: PM must not treat clicks on them as caret moves.
  stopEvent(event: Event): boolean {
    return (event.target as HTMLElement).classList?.contains('bracket')
  }

  ignoreMutation(mutation: ViewMutationRecord): boolean {
    return (
      !this.contentDOM.contains(mutation.target) || (mutation.type === 'attributes' && mutation.target === this.dom)
    )
  }

  private handle(text: string, side: string): HTMLElement {
    const el = document.createElement('span')
    el.className = `bracket ${side}`
    el.contentEditable = 'false'
    el.textContent = text
    el.setAttribute('role', 'button')
    el.addEventListener('mousedown', (event) => {
      event.preventDefault()
      this.choose(side)
    })
    return el
  }

  // The handles' names, written only when they change: typing in the alternative updates the
  // view on every keystroke, and opening a 300-page text labels 10,000 handles.
  private labelled = ''

  private label(): void {
    const group = this.group()
    if (!group) return
    const text = this.node.textContent.slice(0, 60) || '(empty)'
    const optional = group.childCount === 1 || countAlternatives(group) === 1
    const mayResolve = this.cx.decisions.mayResolve
    const offer = mayResolve ? null : choiceOffer(this.cx.features)
    const key = `${optional}|${mayResolve}|${offer?.verb ?? ''}|${text}`
    if (key === this.labelled) return
    this.labelled = key
    const disabled = !mayResolve && !offer
    this.handles.forEach((el, i) => {
      // An optional bracket's opening handle keeps its text, the closing one deletes it.
      const verb = optional ? (i === 0 ? 'Keep' : 'Delete') : 'Choose'
      const action = mayResolve ? verb : offer ? `${offer.verb} to ${verb.toLowerCase()}` : 'Read only'
      const name = `${action}: “${text}”`
      el.setAttribute('aria-label', name)
      el.title = name
      // Absent is not disabled: a co-chair's 10,000 handles need no attribute saying so.
      if (disabled) el.setAttribute('aria-disabled', 'true')
      else el.removeAttribute('aria-disabled')
    })
  }

  private group(): Node | null {
    const pos = this.getPos()
    if (pos === undefined) return null
    const parent = this.view.state.doc.resolve(pos).parent
    return parent.type.name === 'bracket_group' ? parent : null
  }

  private choose(side: string): void {
    const group = this.group()
    if (!group) return
    if (!this.cx.decisions.mayResolve) {
      // A delegation's click on a bracket proposes that choice for its Party.
      const offer = choiceOffer(this.cx.features)
      const value = countAlternatives(group) === 1 ? (side === 'open' ? 'kept' : 'deleted') : this.node.attrs.id
      offer?.take({ kind: 'resolution', target: group.attrs.id, value })
      return
    }
    if (countAlternatives(group) === 1)
      this.cx.decisions.settleOptional(group.attrs.id, side === 'open' ? 'kept' : 'deleted')
    else this.cx.decisions.chooseAlternative(group.attrs.id, this.node.attrs.id)
  }
}

function countAlternatives(group: Node): number {
  let n = 0
  group.forEach((c) => {
    if (c.type.name === 'alternative') n++
  })
  return n
}
