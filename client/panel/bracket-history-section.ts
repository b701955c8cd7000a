/**
 * The bracket history in the editor's side panel: brackets and options still
 * open per section at each revision and in the working draft, the chart the
 * revisions page draws. It is read from the server (revisions are kept there)
 * when the section is opened, and again on request — a co-chair watching the
 * draft column fall as the text is streamlined presses Refresh.
 */
import { RevisionApi } from '../revisions/revision-api.ts'
import { bracketHistoryChart } from '../revisions/bracket-history-chart.ts'
import type { Session } from '../app/session.ts'
import { el } from '../dom/element.ts'

/** The panel section. */
export function createBracketHistorySection(session: Session, documentId: string): HTMLElement {
  const api = new RevisionApi(session, documentId)
  const refresh = el('button', { type: 'button', 'aria-label': 'Refresh the bracket history' }, 'Refresh')
  const slot = el('div', { class: 'chart-slot', 'aria-live': 'polite' })
  const dom = el('details', { class: 'bracket-history-section' }, el('summary', {}, 'Bracket history'), refresh, slot)
  const load = () => {
    api.history().then(
      (points) => slot.replaceChildren(bracketHistoryChart(points)),
      (error: Error) => {
        slot.textContent = `The bracket history could not be read: ${error.message}`
      },
    )
  }
  dom.addEventListener('toggle', () => dom.open && load())
  refresh.addEventListener('click', load)
  return dom
}
