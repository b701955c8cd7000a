/**
 * The side panel's document log: every step taken on the text, newest first —
 * streamlining operations, resolutions and values entered by co-chairs,
 * proposals accepted or set aside (for which Party), undos and redos of them —
 * each with who took it and when, so that every change to the text can be
 * traced to a person.
 */
import { logEntries } from '../../shared/proposals/log-entry.ts'
import type { ProposalsState } from '../../shared/proposals/proposal.ts'
import { button, el } from '../dom/element.ts'
import { formatDateTime } from '../format/date-format.ts'

/** The panel section and the function that redraws it. */
export interface LogPanel {
  dom: HTMLElement
  render(state: ProposalsState): void
}

/** Creates the log section; `jumpTo` scrolls the text to a step's node, `nameOf` names it as the text does. */
export function createLogPanel(jumpTo: (id: string) => boolean, nameOf: (key: string) => string): LogPanel {
  const summary = el('summary')
  const list = el('ol', { class: 'log-lines', 'aria-label': 'Document log, newest first' })
  const dom = el('details', { class: 'log-panel', open: '' }, summary, list)
  return {
    dom,
    render(state) {
      const entries = logEntries(state.log).reverse()
      summary.textContent = `Document log (${entries.length})`
      list.replaceChildren(
        ...entries.map((entry) => {
          const when = el('time', { datetime: entry.at }, formatDateTime(entry.at))
          const li = el(
            'li',
            { class: 'log-line', 'data-op': entry.op },
            when,
            ' ',
            el('strong', {}, entry.by),
            ` ${entry.summary}`,
          )
          const key = entry.ids[0]
          // An inscription's target is a `column/Party` cell: its row is the Party's.
          const target = key?.replace(/^[^/]*\//, '')
          if (key && target)
            li.append(
              ' ',
              button('Go', { class: 'log-go', 'aria-label': `Go to ${nameOf(key)}` }, () => jumpTo(target)),
            )
          for (const note of entry.notes) li.append(el('div', { class: 'log-note' }, note))
          return li
        }),
      )
    },
  }
}
