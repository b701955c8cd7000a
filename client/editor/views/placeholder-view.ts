/**
 * A placeholder (X, V, W …) as an inline field. Co-chairs type the value in
 * place (Enter or leaving the field saves; an empty field clears it); everyone
 * else sees the letter until a value is set, then the value beside it, and
 * delegations a button to propose a value for their Party.
 */
import type { Node } from 'prosemirror-model'
import type { NodeView } from 'prosemirror-view'
import { choiceOffer } from '../editor-feature.ts'
import type { EditorContext } from '../editor-context.ts'

/** The view of a `placeholder` node. */
export class PlaceholderView implements NodeView {
  dom: HTMLElement
  private input: HTMLInputElement | null = null
  private shown: HTMLElement | null = null
  private unwatch: () => void

  constructor(
    private node: Node,
    private cx: EditorContext,
  ) {
    const name = node.attrs.name
    this.dom = document.createElement('span')
    this.dom.className = 'placeholder'
    this.dom.contentEditable = 'false'
    this.dom.dataset.name = name
    this.dom.dataset.id = node.attrs.id
    const letter = document.createElement('span')
    letter.className = 'placeholder-name'
    letter.textContent = name
    this.dom.append(letter)
    if (cx.values.mayWrite) {
      this.input = document.createElement('input')
      this.input.className = 'placeholder-input'
      this.input.inputMode = 'decimal'
      this.input.size = 4
      this.input.setAttribute('aria-label', `Value of ${name}: ${cx.values.describe(name)}`)
      this.input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
          event.preventDefault()
          this.save()
        } else if (event.key === 'Escape') {
          this.render()
          this.input!.blur()
        }
      })
      this.input.addEventListener('change', () => this.save())
      this.dom.append(this.input)
    } else {
      this.shown = document.createElement('span')
      this.shown.className = 'placeholder-value'
      this.dom.append(this.shown)
      const offer = choiceOffer(cx.features)
      if (offer) {
        const propose = document.createElement('button')
        propose.type = 'button'
        propose.className = 'placeholder-propose'
        propose.textContent = '…'
        propose.title = `${offer.verb} a value for ${name}`
        propose.setAttribute('aria-label', `${offer.verb} a value for ${name} (${cx.values.describe(name)})`)
        propose.addEventListener('mousedown', (event) => event.preventDefault())
        propose.addEventListener('click', () => offer.take({ kind: 'value', target: name }))
        this.dom.append(propose)
      }
    }
    this.unwatch = cx.values.watch(name, () => this.render())
    this.render()
  }

  // Typing in the field is the field's business, not the editor's.
  stopEvent(event: Event): boolean {
    return event.target === this.input || (event.target as HTMLElement).classList?.contains('placeholder-propose')
  }

  ignoreMutation(): boolean {
    return true
  }

  destroy(): void {
    this.unwatch()
  }

  private save(): void {
    const problem = this.cx.values.set(this.node.attrs.name, this.input!.value)
    this.dom.classList.toggle('invalid', problem !== null)
    this.input!.title = problem ?? ''
    this.input!.setAttribute('aria-invalid', String(problem !== null))
  }

  private render(): void {
    const name = this.node.attrs.name
    const value = this.cx.values.get(name)
    const text = value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)
    this.dom.classList.toggle('set', value !== undefined)
    this.dom.setAttribute(
      'aria-label',
      `placeholder ${name} (${this.cx.values.describe(name)}): ${value === undefined ? 'no value yet' : text}`,
    )
    if (this.input && document.activeElement !== this.input) {
      this.input.value = text
      this.input.placeholder = '?'
    }
    if (this.shown) this.shown.textContent = value === undefined ? '' : ` = ${text}`
  }
}
