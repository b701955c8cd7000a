/**
 * An option as a card: its label, the Party it is attributed to, its
 * applicability note linked to the option it depends on (and whether that
 * holds), its state, and buttons to choose or drop it (or, for those who
 * cannot decide, to have the choice taken by a feature: delegations propose
 * it) and to collapse it. Features add their controls to the header
 * (streamlining: merge, move, delete, applicability) and a part under it
 * (the proposals made on it). The header and those parts are the view's own;
 * the option's text stays editable below.
 */
import type { Node } from 'prosemirror-model'
import type { EditorView, NodeView, ViewMutationRecord } from 'prosemirror-view'
import type { EditorContext } from '../editor-context.ts'
import { button, el } from '../../dom/element.ts'
import { applicabilityOf } from '../../../shared/model/applicability.ts'
import { applicabilityFate } from '../../../shared/model/applicability-fate.ts'
import { choiceOffer, type LivePart, type OptionSlot } from '../editor-feature.ts'

/** What an option's applicability note says it needs, and how that stands. */
interface Needs {
  option: string
  section: string
  required: string | null
  holds: string
  fate: string
}

/** The view of an `option` node. */
export class OptionCardView implements NodeView {
  dom: HTMLElement
  contentDOM: HTMLElement
  private header: HTMLElement
  private title: HTMLElement
  private attribution: HTMLElement
  private applies: HTMLElement
  private status: HTMLElement
  private collapse: HTMLButtonElement
  private choose: HTMLButtonElement | null = null
  private drop: HTMLButtonElement | null = null
  private unwatch: (() => void)[] = []
  private parts: LivePart[] = []
  private partsDOM: HTMLElement

  constructor(
    private node: Node,
    private view: EditorView,
    private cx: EditorContext,
  ) {
    const id = node.attrs.id
    this.dom = document.createElement('div')
    this.dom.className = 'option-card'
    this.dom.dataset.id = id
    this.dom.setAttribute('role', 'region')
    this.header = document.createElement('div')
    this.header.className = 'option-header'
    this.header.contentEditable = 'false'
    this.collapse = button('▾', { class: 'option-collapse' }, () => this.toggle())
    this.collapse.setAttribute('aria-expanded', 'true')
    this.title = span('option-title')
    this.attribution = span('option-attribution')
    this.applies = span('option-applies')
    this.status = span('option-status')
    this.header.append(this.collapse, this.title, this.status, this.attribution, this.applies)
    const offer = choiceOffer(cx.features)
    if (cx.capabilities.resolve) {
      this.choose = button('Choose', { class: 'option-choose' }, () => cx.decisions.settleOption(id, 'chosen'))
      this.drop = button('Drop', { class: 'option-drop' }, () => cx.decisions.settleOption(id, 'dropped'))
      this.header.append(this.choose, this.drop)
    } else if (offer) {
      const propose = button(`${offer.verb} choosing…`, { class: 'option-propose' }, () =>
        offer.take({ kind: 'resolution', target: id, value: 'chosen' }),
      )
      const proposeDrop = button(`${offer.verb} dropping…`, { class: 'option-propose-drop' }, () =>
        offer.take({ kind: 'resolution', target: id, value: 'dropped' }),
      )
      this.header.append(propose, proposeDrop)
    }
    const slot: OptionSlot = { id, view, label: () => this.label() }
    for (const feature of cx.features) {
      const controls = feature.optionControls?.(slot)
      if (controls) this.header.append(controls)
    }
    this.partsDOM = document.createElement('div')
    this.partsDOM.className = 'option-proposals'
    this.partsDOM.contentEditable = 'false'
    for (const feature of cx.features) {
      const part = feature.optionPart?.(slot)
      if (part) this.parts.push(part)
    }
    this.partsDOM.append(...this.parts.map((part) => part.dom))
    this.contentDOM = document.createElement('div')
    this.contentDOM.className = 'option-body'
    this.dom.append(this.header, this.partsDOM, this.contentDOM)
    this.unwatch.push(cx.decisions.watch(id, () => this.render()))
    const required = this.requiredOption()
    if (required) this.unwatch.push(cx.decisions.watch(required, () => this.render()))
    this.render()
  }

  update(node: Node): boolean {
    if (node.type !== this.node.type || node.attrs.id !== this.node.attrs.id) return false
    this.node = node
    this.render()
    return true
  }

  stopEvent(event: Event): boolean {
    return this.header.contains(event.target as HTMLElement) || this.partsDOM.contains(event.target as HTMLElement)
  }

  ignoreMutation(mutation: ViewMutationRecord): boolean {
    return !this.contentDOM.contains(mutation.target)
  }

  destroy(): void {
    for (const stop of this.unwatch) stop()
    for (const part of this.parts) part.destroy()
  }

  private toggle(): void {
    const collapsed = this.dom.classList.toggle('collapsed')
    this.collapse.setAttribute('aria-expanded', String(!collapsed))
    this.collapse.textContent = collapsed ? '▸' : '▾'
  }

  /** The option the note needs, when the note names one the index knows. */
  private requiredOption(): string | null {
    return (
      applicabilityOf(this.cx.live.documentIndex, this.cx.decisions.resolutions(), this.node.attrs.id)?.required ?? null
    )
  }

  private applicability(): Node | null {
    let found: Node | null = null
    this.node.forEach((child) => {
      if (!found && child.type.name === 'applicability') found = child
    })
    return found
  }

  private label(): string {
    let label = ''
    this.node.firstChild?.forEach((n) => {
      if (!label && n.type.name === 'label') label = n.attrs.text
    })
    // An option a reviewer made of a paragraph has no label: its words are its body, not its title.
    const heading = this.node.firstChild?.type.name === 'heading' ? this.node.firstChild.textContent : ''
    return (label || heading || 'Option (no label)').replace(/[:.\s]+$/, '')
  }

  // What the header says, as one string: a render that would say the same writes nothing
  // (every keystroke in the option re-rendered the header, a dozen DOM writes and a style
  // recalculation in each frame of typing).
  private drawn = ''

  private render(): void {
    const id = this.node.attrs.id
    const state = this.cx.decisions.state(id)
    const stands = state?.kind === 'option' ? state.state : 'unresolved'
    const implied = state?.kind === 'option' && state.implied
    const label = this.label()
    const party: string | null = this.node.attrs.attribution
    const note = this.applicability()
    const index = this.cx.live.documentIndex
    const resolutions = this.cx.decisions.resolutions()
    const applicability = note ? applicabilityOf(index, resolutions, id) : null
    // The one rule every consolidated export applies (shared/model/applicability-fate.ts), said where it acts.
    const fate = note ? applicabilityFate(index, resolutions, id) : null
    const needs: Needs | null = note && {
      option: note.attrs.option ?? '?',
      section: note.attrs.section ? sectionTitle(this.view.state.doc, note.attrs.section) : 'an unidentified section',
      required: applicability?.required ?? null,
      holds: applicability?.holds ?? 'pending',
      fate: fate?.fate ?? '',
    }
    const drawn = JSON.stringify([stands, implied, label, party, needs])
    if (drawn === this.drawn) return
    this.drawn = drawn

    this.dom.dataset.state = stands
    this.title.textContent = label
    this.status.textContent =
      stands === 'chosen'
        ? 'Chosen'
        : stands === 'dropped'
          ? implied
            ? 'Dropped (another option chosen)'
            : 'Dropped'
          : 'Open'
    this.attribution.textContent = party ? `proposed by ${party}` : ''
    this.attribution.hidden = !party
    this.renderApplicability(needs)
    for (const b of this.header.querySelectorAll<HTMLButtonElement>('.option-propose, .option-propose-drop')) {
      b.setAttribute(
        'aria-label',
        `${b.classList.contains('option-propose') ? 'Propose choosing' : 'Propose dropping'} ${label}`,
      )
    }
    if (this.choose && this.drop) {
      this.choose.textContent = stands === 'chosen' ? 'Reopen' : 'Choose'
      this.choose.setAttribute('aria-label', `${stands === 'chosen' ? 'Reopen' : 'Choose'} ${label}`)
      this.drop.textContent = stands === 'dropped' && !implied ? 'Reopen' : 'Drop'
      this.drop.setAttribute('aria-label', `${stands === 'dropped' && !implied ? 'Reopen' : 'Drop'} ${label}`)
    }
    this.collapse.setAttribute('aria-label', `Collapse or expand ${label}`)
    this.dom.setAttribute('aria-label', `${label}${party ? `, proposed by ${party}` : ''}, ${this.status.textContent}`)
  }

  private renderApplicability(needs: Needs | null): void {
    this.applies.replaceChildren()
    this.applies.hidden = !needs
    if (!needs) return
    const { option, section, required, holds, fate } = needs
    this.applies.dataset.holds = holds
    const consequence =
      fate === 'dropped'
        ? ': dropped from the consolidated text'
        : fate
          ? ': chosen although it does not apply; flagged in the consolidated text'
          : ''
    this.applies.dataset.fate = fate
    this.applies.append(document.createTextNode(`needs Option ${option} of ${section} (${holds}${consequence}) `))
    if (required)
      this.applies.append(
        button(`Go to Option ${option}`, { class: 'option-applies-link' }, () => this.cx.jumpTo(required)),
      )
  }
}

function sectionTitle(doc: Node, sectionId: string): string {
  let title = sectionId
  doc.descendants((node) => {
    if (title !== sectionId) return false
    if (node.type.name === 'section' && node.attrs.id === sectionId) {
      title = node.firstChild?.textContent.trim() || sectionId
      return false
    }
    return node.type.name === 'article' || node.type.name === 'doc'
  })
  return title
}

const span = (className: string): HTMLElement => el('span', { class: className })
