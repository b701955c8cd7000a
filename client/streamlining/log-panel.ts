/**
 * The side panel's document log: every step taken on the text, newest first —
 * streamlining operations, resolutions and values entered by co-chairs,
 * proposals accepted or set aside (for which Party), undos and redos of them —
 * each with who took it and when, so that every change to the text can be
 * traced to a person.
 */
import { logEntries } from '../../shared/proposals/log-entry.ts'
import type { ProposalsState } from '../../shared/proposals/proposal.ts'

/** The panel section and the function that redraws it. */
export interface LogPanel {
  dom: HTMLElement
  render(state: ProposalsState): void
}

/** Creates the log section; `jumpTo` scrolls the text to a step's node. */
export function createLogPanel(jumpTo: (id: string) => boolean): LogPanel {
  const dom = document.createElement('details')
  dom.className = 'log-panel'
  dom.open = true
  const summary = document.createElement('summary')
  const list = document.createElement('ol')
  list.className = 'log-lines'
  list.setAttribute('aria-label', 'Document log, newest first')
  dom.append(summary, list)
  return {
    dom,
    render(state) {
      const entries = logEntries(state.log).reverse()
      summary.textContent = `Document log (${entries.length})`
      list.replaceChildren(...entries.map((entry) => {
        const li = document.createElement('li')
        li.className = 'log-line'
        const when = document.createElement('time')
        when.dateTime = entry.at
        when.textContent = new Date(entry.at).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' })
        const who = document.createElement('strong')
        who.textContent = entry.by
        li.dataset.op = entry.op
        li.append(when, ' ', who, ` ${entry.summary}`)
        // An inscription's target is a `column/Party` cell: its row is the Party's.
        const target = entry.ids[0]?.replace(/^[^/]*\//, '')
        if (target) {
          const go = document.createElement('button')
          go.type = 'button'
          go.className = 'log-go'
          go.textContent = 'Go'
          go.setAttribute('aria-label', `Go to ${target}`)
          go.addEventListener('click', () => jumpTo(target))
          li.append(' ', go)
        }
        for (const n of entry.notes) {
          const small = document.createElement('div')
          small.className = 'log-note'
          small.textContent = n
          li.append(small)
        }
        return li
      }))
    },
  }
}
