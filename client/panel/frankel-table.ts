/**
 * Each Party's inscription beside Frankel's suggested QELRC for the period
 * and its distance from the yardstick's line — the two yardsticks side by side
 * in one compact table, the selected Party marked.
 */
import type { Yardstick } from '../../shared/yardsticks/income-cut.ts'
import type { NegotiationFrankel } from '../../shared/yardsticks/negotiation.ts'
import { formatPercent } from '../format/number-format.ts'

/** The table's element and the function that redraws it. */
export interface FrankelTable {
  dom: HTMLTableElement
  render(frankel: NegotiationFrankel, yardstick: Yardstick | null, selected: string | null): void
}

const signed = (p: number) => `${p >= 0 ? '+' : '−'}${formatPercent(Math.abs(p))}`

/** Creates the table; `onPick` hears a click on a Party's row. */
export function createFrankelTable(onPick: (party: string) => void): FrankelTable {
  const dom = document.createElement('table')
  dom.className = 'frankel-table'
  const caption = document.createElement('caption')
  const head = document.createElement('thead')
  head.innerHTML =
    '<tr><th scope="col">Party</th><th scope="col" title="the document’s second-period QELRC">Inscribed</th><th scope="col" title="Frankel’s suggested target over the period, % of base year">Frankel</th><th scope="col" title="cut minus the cut the yardstick line asks of this income, percentage points">From line</th></tr>'
  const body = document.createElement('tbody')
  dom.append(caption, head, body)
  return {
    dom,
    render(frankel, yardstick, selected) {
      caption.textContent = `QELRC, % of base year, ${frankel.period.start}–${frankel.period.end}`
      const distance = new Map(yardstick?.rows.map((r) => [r.party, r.distancePercent]) ?? [])
      body.replaceChildren(
        ...frankel.suggestions.map((s) => {
          const tr = document.createElement('tr')
          tr.dataset.party = s.party
          if (s.party === selected) tr.className = 'selected'
          const th = document.createElement('th')
          th.scope = 'row'
          th.textContent = s.party
          const d = distance.get(s.party)
          const cells = [
            s.inscribed === null ? '—' : formatPercent(s.inscribed),
            s.suggestedQelrc === null ? '—' : formatPercent(s.suggestedQelrc),
            d === undefined ? '' : signed(d),
          ].map((text, i) => {
            const td = document.createElement('td')
            td.textContent = text
            if (i === 1) td.className = 'frankel-suggested'
            if (i === 2) {
              td.className = 'distance'
              if (d !== undefined) td.classList.add(d >= 0 ? 'above' : 'below')
            }
            return td
          })
          tr.append(th, ...cells)
          tr.addEventListener('click', () => onPick(s.party))
          return tr
        }),
      )
    },
  }
}
