/**
 * Side by side, in the panel: for a Party chosen here, what one cut would
 * mean as an absolute cap, an intensity target and a deviation below BAU,
 * beside its BAU path (Frankel's method) and base year, for the period the
 * text has decided — the figures `accord compute --side-by-side` prints. The
 * cut, base year and target year start from the Party's own inscriptions.
 */
import { sideBySide, sideBySideDefaults } from '../../shared/commitments/side-by-side.ts'
import { cellsByParty, NO_CELLS } from '../../shared/model/commitment-rows.ts'
import type { LiveState } from '../model/live-computation.ts'
import { el } from '../dom/element.ts'
import { formatMt, formatPercent } from '../format/number-format.ts'
import { parties } from './shipped-party-data.ts'

/** The view and the function that redraws it. */
export interface SideBySideView {
  dom: HTMLElement
  render(state: LiveState): void
}

const withSeries = parties.filter((p) => p.series && p.series.ghgKt.size > 0)

/** Creates the side-by-side view. */
export function createSideBySideView(): SideBySideView {
  const select = el('select', { class: 'side-by-side-party', 'aria-label': 'Party to compare' })
  for (const p of withSeries) select.append(el('option', { value: p.name }, p.name))
  const number = (label: string, cls: string, attrs: Record<string, string>) => {
    const input = el('input', { type: 'number', class: cls, 'aria-label': label, ...attrs })
    return { input, label: el('label', {}, `${label} `, input) }
  }
  const pct = number('Cut, %', 'side-by-side-pct', { min: '0', max: '99', step: '0.5' })
  const baseYear = number('Intensity base year', 'side-by-side-base', { min: '1990', max: '2018', step: '1' })
  const targetYear = number('Target year', 'side-by-side-target', { min: '2013', max: '2100', step: '1' })
  const table = el('table', { class: 'side-by-side-table' })
  const notes = el('ul', { class: 'side-by-side-assumptions' })
  const dom = el(
    'section',
    { class: 'side-by-side', 'aria-label': 'Side by side' },
    el('h3', {}, 'Side by side'),
    el('div', { class: 'side-by-side-controls' }, select, pct.label, baseYear.label, targetYear.label),
    table,
    notes,
  )
  let last: LiveState | null = null
  // A new Party starts from its own inscriptions; edited figures stay until the Party changes.
  let edited = false
  const redraw = () => last && draw(last)
  select.addEventListener('change', () => {
    edited = false
    redraw()
  })
  for (const i of [pct.input, baseYear.input, targetYear.input])
    i.addEventListener('input', () => {
      edited = true
      redraw()
    })
  select.value = withSeries.find((p) => p.name === 'China')?.name ?? withSeries[0]!.name

  function draw(state: LiveState): void {
    const r = state.computation.results
    const party = withSeries.find((p) => p.name === select.value)!
    if (r.years === null) {
      table.replaceChildren(el('caption', {}, 'The commitment period is not chosen yet'))
      notes.replaceChildren()
      return
    }
    const start = r.period?.start ?? 2013
    const period = { start, end: start + r.years - 1 }
    const defaults = sideBySideDefaults(cellsByParty(state.scenario.inscriptions).get(party.name) ?? NO_CELLS, period)
    if (!edited) {
      pct.input.value = String(defaults.pct)
      baseYear.input.value = String(defaults.baseYear)
      targetYear.input.value = String(defaults.targetYear)
    }
    const read = (i: HTMLInputElement, fallback: number) =>
      Number.isFinite(i.valueAsNumber) ? i.valueAsNumber : fallback
    const s = sideBySide(party, {
      ...defaults,
      pct: read(pct.input, defaults.pct),
      baseYear: read(baseYear.input, defaults.baseYear),
      targetYear: read(targetYear.input, defaults.targetYear),
    })
    const head = el('tr')
    for (const h of [
      '',
      `${s.input.targetYear} (Mt)`,
      'a year',
      `${period.start}–${period.end}`,
      'vs base year',
      'vs BAU',
    ])
      head.append(el('th', { scope: 'col' }, h))
    const rows = s.rows.map((row) => {
      const tr = el('tr', { 'data-kind': row.kind }, el('th', { scope: 'row' }, row.label))
      if (row.problem) {
        tr.append(el('td', { colspan: '5', class: 'problem' }, row.problem))
        return tr
      }
      const pctCell = (x: number | undefined) => (x === undefined ? '' : `${formatPercent(x)} %`)
      tr.append(
        el('td', {}, row.targetYearT === undefined ? '' : formatMt(row.targetYearT)),
        el('td', {}, row.annualT === undefined ? '' : formatMt(row.annualT)),
        el('td', {}, row.periodT === undefined ? '' : formatMt(row.periodT)),
        el('td', {}, row.kind === 'base-year' ? '' : pctCell(row.belowBaseYearPct)),
        el('td', {}, pctCell(row.belowBauPct)),
      )
      return tr
    })
    table.replaceChildren(
      el('caption', {}, `${party.name}: ${s.input.pct} % under each kind (% below: positive is a cut)`),
      el('thead', {}, head),
      el('tbody', {}, ...rows),
    )
    notes.replaceChildren(...[...new Set(s.rows.flatMap((row) => row.assumptions))].map((a) => el('li', {}, a)))
  }

  return {
    dom,
    render(state) {
      last = state
      draw(state)
    },
  }
}
