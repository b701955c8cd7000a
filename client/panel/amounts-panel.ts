/**
 * The amounts beside the text: for each Party its commitments (the column for
 * the kind that Annex B.I's table lacks), its QELRC as inscribed, base year,
 * years, assigned amount where one exists, and the emissions its commitments
 * imply a year under the counting rule — an interval where an offer is
 * conditional, `~` where a figure rests on an approximate base year or a
 * projection; the totals; the aggregate beside X; then the commitment totals
 * with their assumptions and the side-by-side view. Redrawn from each live state.
 */
import type { PartyFigure } from '../../shared/commitments/counting.ts'
import type { CommitmentResult } from '../../shared/commitments/implied.ts'
import { exact, type Interval } from '../../shared/commitments/interval.ts'
import { COMMITMENT_KINDS } from '../../shared/commitments/kinds.ts'
import type { PartyResult } from '../../shared/model/results.ts'
import type { LiveState } from '../model/live-computation.ts'
import { aggregateHeadline, totalOrDash } from '../../shared/amounts/aggregate-headline.ts'
import { aggregateLine } from './aggregate-line.ts'
import { createCommitmentTotals } from './commitment-totals.ts'
import { formatInterval, formatMt, formatPercent, formatTonnes } from '../format/number-format.ts'
import { createSideBySideView } from './side-by-side-view.ts'
import { el } from '../dom/element.ts'
import './amounts-panel.css'

/** The panel's element and the function that redraws it. */
export interface AmountsPanel {
  dom: HTMLElement
  render(state: LiveState): void
}

// The period's years are in the line above the table (every row shares them); a Party's
// commitments beyond its QELRC stand under its name: the column Annex B.I's table lacks.
const COLUMNS = ['Party', 'QELRC', 'Base year (t CO₂ eq)', 'Assigned amount (t CO₂ eq)', 'Implied a year (Mt CO₂ eq)']

/** Creates the amounts panel. */
export function createAmountsPanel(): AmountsPanel {
  const period = el('p', { class: 'amounts-period' })
  const aggregate = el('div', { class: 'aggregate', 'aria-live': 'polite' })
  const table = el('table', { class: 'amounts-table' })
  const head = el('tr')
  for (const c of COLUMNS) head.append(el('th', { scope: 'col' }, c))
  table.append(
    el('caption', {}, 'Second commitment period, from the inscriptions and the party table'),
    el('thead', {}, head),
  )
  const body = el('tbody')
  const foot = el('tfoot')
  table.append(body, foot)
  const legend = el(
    'p',
    { class: 'legend' },
    '~ approximate: an inventory or CAIT base year, or a projection. a–b: the conditional and the unconditional figure.',
  )
  const totals = createCommitmentTotals()
  const sideBySide = createSideBySideView()
  const dom = el(
    'section',
    { class: 'amounts-panel', 'aria-label': 'Assigned amounts' },
    el('h2', {}, 'Assigned amounts'),
    period,
    aggregate,
    el('div', { class: 'amounts-scroll' }, table),
    legend,
    totals.dom,
    sideBySide.dom,
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
      body.replaceChildren(...r.rows.map(partyRow))
      const total = el('tr', {}, el('th', { scope: 'row' }, 'Total'))
      total.append(el('td'), el('td'))
      total.append(el('td', { class: 'amount' }, totalOrDash(r.rows, r.totalT, formatTonnes)))
      total.append(
        el(
          'td',
          { class: 'implied' },
          r.commitments?.counted.length ? formatInterval(r.commitments.annualT, formatMt) : '—',
        ),
      )
      foot.replaceChildren(total)
      totals.render(state)
      sideBySide.render(state)
    },
  }
}

function partyRow(row: PartyResult): HTMLTableRowElement {
  const tr = el('tr')
  tr.dataset.party = row.party
  const f = row.commitments
  const absolute = f?.commitments.find((c) => c.kind === 'absolute')
  const amount =
    row.assignedAmountT === null
      ? []
      : intervalText(
          absolute?.conditional && f?.assignedAmountT ? f.assignedAmountT : exact(row.assignedAmountT),
          formatTonnes,
          row.approximate,
        )
  const base = row.baseYearT === null ? '' : `${row.approximate ? '~' : ''}${formatTonnes(row.baseYearT)}`
  tr.append(
    el('th', { scope: 'row' }, row.party, ...commitmentList(f)),
    el('td', {}, row.inscribed === null ? '' : `${row.inscribed}${row.unit === '%' ? ' %' : ' Gg'}`),
    el('td', {}, base),
  )
  const amountCell = el('td', { class: 'amount' }, ...amount)
  if (row.approximate) amountCell.classList.add('approximate')
  if (row.assignedAmountT === null && row.missing && !f?.annualT) {
    amountCell.textContent = '—'
    amountCell.title = row.missing
    amountCell.setAttribute('aria-label', `no figure: ${row.missing}`)
  }
  const implied = el('td', { class: 'implied' })
  if (f?.annualT) {
    implied.append(...intervalText(f.annualT, formatMt, f.approximate))
    if (f.conditional) implied.classList.add('conditional')
  }
  tr.append(amountCell, implied)
  return tr
}

// The kinds a Party holds beyond a plain QELRC, in a few words each (the whole in the title);
// problems and commitments not in force are marked.
function commitmentList(f: PartyFigure | undefined): HTMLElement[] {
  const list = el('div', { class: 'commitment' })
  for (const c of f?.commitments ?? []) {
    if (c.kind === 'absolute' && !c.conditional && !c.problem) continue
    const item = el('span', { class: `commitment-item kind-${c.kind}` }, c.short)
    item.title = `${COMMITMENT_KINDS[c.kind].label}: ${c.label}`
    if (c.problem) {
      item.classList.add('problem')
      item.title = `${c.problem.field} ${c.problem.message}`
    } else if (f!.notInForce.includes(c.column)) {
      item.classList.add('not-in-force')
      item.title += ' — not in force under the chosen Annex B option'
    } else if (c.column === f!.binding && f!.commitments.filter((x) => x.periodT).length > 1) {
      item.classList.add('binding')
      item.title += ' — the tightest of the Party’s economy-wide limits: it binds'
    }
    list.append(item)
  }
  return list.childElementCount ? [list] : []
}

// An interval as two pieces that may wrap at the dash in a narrow panel; its text is formatInterval's.
function intervalText(i: Interval, format: (x: number) => string, approximate: boolean): (string | HTMLElement)[] {
  const text = `${approximate ? '~' : ''}${formatInterval(i, format)}`
  const dash = text.indexOf('–')
  if (dash < 0) return [text]
  return [
    el('span', { class: 'interval-end' }, text.slice(0, dash + 1)),
    el('span', { class: 'interval-end' }, text.slice(dash + 1)),
  ]
}

// The headline says what the aggregate rests on (shared/amounts/aggregate-headline.ts decides
// when it may be read against X); the line below says whom it covers and whom it leaves out.
function renderAggregate(target: HTMLElement, state: LiveState): void {
  const r = state.computation.results
  const x = state.computation.evaluation.values.X
  target.replaceChildren(aggregateLine(aggregateHeadline(r, typeof x === 'number' ? x : undefined, formatPercent)))
  const a = r.aggregate
  if (a && (a.scope || a.omitted.length)) {
    const scope = el(
      'p',
      { class: 'aggregate-scope' },
      `${a.parties.length} Parties${a.scope === 'annex-i' ? ' included in Annex I (1 bis Options 1–3)' : a.scope ? ', Annex I and the non-Annex I Parties that elect (1 bis Option 4)' : ''}`,
    )
    if (a.omitted.length) scope.append(`; left out: ${a.omitted.map((o) => `${o.party} (${o.reason})`).join('; ')}`)
    target.append(scope)
  }
}
