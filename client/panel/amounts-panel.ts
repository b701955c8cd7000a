/**
 * The assigned-amount table beside the text: for each Party its QELRC (as
 * inscribed), base year, years and assigned amount, `~` where a figure rests on
 * an approximate base year; the total; and the aggregate reduction below the
 * base year beside X. Redrawn from each new live state.
 */
import type { LiveState } from '../model/live-computation.ts'
import { formatPercent, formatTonnes } from '../format/number-format.ts'
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
      total.lastElementChild!.textContent = formatTonnes(r.totalT)
      foot.append(total)
    },
  }
}

function renderAggregate(el: HTMLElement, state: LiveState): void {
  const a = state.computation.results.aggregate
  const x = state.computation.evaluation.values.X
  el.replaceChildren()
  const line = document.createElement('p')
  if (!a) {
    line.textContent = `Aggregate reduction below 1990: no inscriptions yet${typeof x === 'number' ? ` · X = ${x} %` : ''}`
  } else {
    const approx = a.approximateParties.length ? '~' : ''
    line.innerHTML = ''
    const figure = document.createElement('strong')
    figure.className = 'aggregate-figure'
    figure.textContent = `${approx}${formatPercent(a.reductionPct)} %`
    line.append('Aggregate reduction below base year: ', figure)
    if ('targetPct' in a) {
      const target = document.createElement('span')
      target.className = a.fallsShort ? 'aggregate-target short' : 'aggregate-target met'
      target.textContent = ` beside X = ${a.targetPct} %: ${a.fallsShort ? `falls short by ${formatPercent(a.shortfallPct)} points` : 'meets X'}`
      line.append(target)
    } else {
      line.append(' · X not set')
    }
  }
  el.append(line)
}
