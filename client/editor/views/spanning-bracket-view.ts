/**
 * One end of a bracket that spans blocks (`bracket_start` / `bracket_end`):
 * drawn as the bracket character in its group's state, and, like any bracket,
 * a handle that chooses its alternative (or keeps / deletes an optional one).
 */
import type { Node } from 'prosemirror-model'
import type { NodeView } from 'prosemirror-view'
import type { EditorContext } from '../editor-context.ts'

/** The view of a `bracket_start` or `bracket_end`. */
export class SpanningBracketView implements NodeView {
  dom: HTMLElement
  private unwatch: () => void

  constructor(
    private node: Node,
    private cx: EditorContext,
  ) {
    const start = node.type.name === 'bracket_start'
    this.dom = document.createElement('span')
    this.dom.className = `spanning-bracket bracket ${start ? 'open' : 'close'}`
    this.dom.textContent = start ? '[' : ']'
    this.dom.dataset.group = node.attrs.group
    this.dom.dataset.alt = node.attrs.alt
    this.dom.setAttribute('role', 'button')
    this.dom.addEventListener('mousedown', (event) => {
      event.preventDefault()
      this.choose()
    })
    this.unwatch = cx.decisions.watch(node.attrs.group, () => this.render())
    this.render()
  }

  stopEvent(event: Event): boolean {
    return event.type === 'mousedown'
  }

  ignoreMutation(): boolean {
    return true
  }

  destroy(): void {
    this.unwatch()
  }

  private optional(): boolean {
    return (this.cx.live.documentIndex.groups.get(this.node.attrs.group)?.alternatives.length ?? 1) === 1
  }

  private choose(): void {
    if (!this.cx.decisions.mayResolve) return
    const { group, alt } = this.node.attrs
    if (this.optional())
      this.cx.decisions.settleOptional(group, this.node.type.name === 'bracket_start' ? 'kept' : 'deleted')
    else this.cx.decisions.chooseAlternative(group, alt)
  }

  private render(): void {
    const state = this.cx.decisions.state(this.node.attrs.group)
    const resolved =
      state?.kind === 'group'
        ? state.choice !== null
        : state?.kind === 'optional'
          ? state.state !== 'unresolved'
          : false
    this.dom.dataset.state = resolved ? 'resolved' : 'unresolved'
    if (state?.kind === 'group') this.dom.classList.toggle('chosen', state.choice === this.node.attrs.alt)
    const verb = this.optional() ? (this.node.type.name === 'bracket_start' ? 'Keep' : 'Delete') : 'Choose'
    const label = `${this.cx.decisions.mayResolve ? verb : 'Read only'}: bracket ${this.node.attrs.alt || this.node.attrs.group} (spans blocks), ${resolved ? 'resolved' : 'unresolved'}`
    this.dom.setAttribute('aria-label', label)
    this.dom.title = label
  }
}
