/**
 * The assigned-amount table beside the text: for each Party its QELRC (as
 * inscribed), base year, years and assigned amount, `~` where a figure rests on
 * an approximate base year; the total; and the aggregate reduction below the
 * base year beside X. Redrawn from each new live state.
 */
import type { LiveState } from '../model/live-computation.ts'
import { formatTonnes } from '../format/number-format.ts'
import { aggregateHeadline, totalOrDash } from '../../shared/amounts/aggregate-headline.ts'
import { aggregateLine } from './aggregate-line.ts'
import { el } from '../dom/element.ts'

/** The panel's element and the function that redraws it. */
export interface AmountsPanel {
  dom: HTMLElement
  render(state: LiveState): void
}

/** Creates the amounts panel. */
export function createAmountsPanel(): AmountsPanel {
  const period = el('p', { class: 'amounts-period' })
  const aggregate = el('div', { class: 'aggregate', 'aria-live': 'polite' })
  const table = el('table', { class: 'amounts-table' })
  table.innerHTML =
    '<caption>Second commitment period, from the inscriptions and the party table</caption><thead><tr><th scope="col">Party</th><th scope="col">QELRC</th><th scope="col">Base year (t CO₂ eq)</th><th scope="col">Years</th><th scope="col">Assigned amount (t CO₂ eq)</th></tr></thead>'
  const body = el('tbody')
  const foot = el('tfoot')
  table.append(body, foot)
  const legend = el(
    'p',
    { class: 'legend' },
    '~ approximate: the base year is the inventory’s, not an official first-period figure.',
  )
  const dom = el(
    'section',
    { class: 'amounts-panel', 'aria-label': 'Assigned amounts' },
    el('h2', {}, 'Assigned amounts'),
    period,
    aggregate,
    table,
    legend,
  )

  return {
    dom,
    render(state) {
      const r = state.computation.results
      period.textContent = r.period
        ? `Period ${r.period.start}–${r.period.end}, ${r.years} years`
        : r.years
          ? `${r.years} years (period not chosen)`
          : 'Commitment period not chosen yet'
      period.dataset.years = String(r.years ?? '')
      renderAggregate(aggregate, state)
      body.replaceChildren(
        ...r.rows.map((row) => {
          const tr = document.createElement('tr')
          tr.dataset.party = row.party
          const amount =
            row.assignedAmountT === null ? '' : `${row.approximate ? '~' : ''}${formatTonnes(row.assignedAmountT)}`
          const base = row.baseYearT === null ? '' : `${row.approximate ? '~' : ''}${formatTonnes(row.baseYearT)}`
          const cells = [
            row.party,
            row.inscribed === null ? '' : `${row.inscribed}${row.unit === '%' ? ' %' : ' Gg'}`,
            base,
            row.years ?? '',
            amount,
          ]
          cells.forEach((text, i) => {
            const td = document.createElement(i === 0 ? 'th' : 'td')
            if (i === 0) td.setAttribute('scope', 'row')
            td.textContent = String(text)
            if (i === 4) {
              td.className = 'amount'
              if (row.approximate) td.classList.add('approximate')
              if (row.assignedAmountT === null && row.missing) {
                td.textContent = '—'
                td.title = row.missing
                td.setAttribute('aria-label', `no figure: ${row.missing}`)
              }
            }
            tr.append(td)
          })
          return tr
        }),
      )
      foot.innerHTML = ''
      const total = document.createElement('tr')
      total.innerHTML = '<th scope="row">Total</th><td></td><td></td><td></td><td class="amount"></td>'
      total.lastElementChild!.textContent = totalOrDash(r.rows, r.totalT, formatTonnes)
      foot.append(total)
    },
  }
}

function renderAggregate(el: HTMLElement, state: LiveState): void {
  const x = state.computation.evaluation.values.X
  el.replaceChildren(aggregateLine(aggregateHeadline(state.computation.results, typeof x === 'number' ? x : undefined)))
}
