/**
 * The side panel's tracked changes: every pending insertion and deletion,
 * listed per section in text order, with who made it and when, a button that
 * goes to it and, for co-chairs and the secretariat, Accept and Reject. Above
 * the list, the suggestion mode: a switch for co-chairs, a note for
 * delegations (whose typing always suggests).
 */
import type { EditorView } from 'prosemirror-view'
import { changeAuthor } from '../../shared/pending-changes/decision-log.ts'
import type { PendingSpan } from '../../shared/pending-changes/decide.ts'
import { shownDate } from '../anchors/attribution.ts'
import { perSection } from '../anchors/per-section.ts'
import { button, el } from '../dom/element.ts'
import type { LiveChanges } from './live-changes.ts'
import type { SuggestionMode } from './suggestion-mode.ts'

/** The panel section and what keeps it drawn. */
export interface ChangesPanel {
  dom: HTMLElement
  destroy(): void
}

const RENDER_DELAY_MS = 250

/** The tracked-changes section for `changes`; `go` shows a change's range in the text. */
export function createChangesPanel(
  changes: LiveChanges,
  mode: SuggestionMode,
  editsDirectly: boolean,
  view: () => EditorView | null,
  go: (range: { from: number; to: number }) => void,
): ChangesPanel {
  const heading = el('h2', {}, 'Tracked changes')
  const switchRow = el('div', { class: 'suggestion-switch' })
  const list = el('div', { class: 'changes-list' })
  const dom = el('section', { class: 'changes-panel', 'aria-label': 'Tracked changes' }, heading, switchRow, list)

  const drawSwitch = () => {
    if (!editsDirectly) {
      switchRow.replaceChildren(
        el(
          'p',
          { class: 'changes-note' },
          'Type in the text to suggest words; Backspace and Delete strike them. The co-chairs accept or reject your suggestions.',
        ),
      )
      return
    }
    const toggle = button(
      mode.on ? 'Suggesting: on' : 'Suggest changes',
      { class: 'suggestion-toggle', 'aria-pressed': String(mode.on), title: 'Typed words become suggestions' },
      () => mode.set(!mode.on),
    )
    switchRow.replaceChildren(toggle)
  }

  const item = (span: PendingSpan) => {
    const { change, range } = span
    const parts: (Node | string)[] = [
      el('span', { class: `change-kind change-${change.kind}` }, change.kind === 'insertion' ? 'Inserted' : 'Deleted'),
      ' ',
      el('q', { class: `change-words pending-${change.kind}` }, change.blockBreak ? '¶' : change.text || '(empty)'),
      el(
        'div',
        { class: 'change-meta' },
        `${changeAuthor(change)} · ${shownDate(change.date ?? change.at)}${change.source === 'word' ? ' · Word' : ''}`,
      ),
    ]
    const actions = el('div', { class: 'change-actions' })
    if (range)
      actions.append(button('Go', { class: 'change-go', 'aria-label': `Go to ${change.kind}` }, () => go(range)))
    else actions.append(el('span', { class: 'change-gone' }, 'its words are gone'))
    if (changes.mayDecide) {
      const decide = (accept: boolean) => () => {
        const v = view()
        if (v) changes.decide(change.id, accept, v.state.doc)
      }
      actions.append(
        button(
          'Accept',
          { class: 'change-accept', 'aria-label': `Accept ${change.kind} of “${change.text}”` },
          decide(true),
        ),
        button(
          'Reject',
          { class: 'change-reject', 'aria-label': `Reject ${change.kind} of “${change.text}”` },
          decide(false),
        ),
      )
    }
    return el('div', { class: 'change-item', 'data-change': change.id }, ...parts, actions)
  }

  const render = () => {
    const spans = changes.spans()
    heading.textContent = `Tracked changes (${spans.length} pending)`
    list.replaceChildren(
      ...(spans.length
        ? perSection(view()?.state.doc, spans, item, 'changes-section')
        : [el('p', { class: 'changes-none' }, 'No pending changes.')]),
    )
  }

  let timer: ReturnType<typeof setTimeout> | undefined
  const later = () => {
    clearTimeout(timer)
    timer = setTimeout(render, RENDER_DELAY_MS)
  }
  const stopChanges = changes.subscribe(later)
  const stopMode = mode.subscribe(drawSwitch)
  drawSwitch()
  render()
  return {
    dom,
    destroy() {
      clearTimeout(timer)
      stopChanges()
      stopMode()
    },
  }
}
