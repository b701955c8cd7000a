/**
 * What every Party's commitments come to together, under the counting rule:
 * implied emissions a year and over the period, assigned amounts where they
 * exist, sectoral cuts (additional, toward, of Parties with no economy-wide
 * figure), policies and measures counted and their estimates kept apart — each
 * an interval where offers are conditional — and, per Party, the assumptions
 * each figure rests on and what the rule did. Shown when some Party holds more
 * than a plain QELRC.
 */
import { isExact } from '../../shared/commitments/interval.ts'
import type { LiveState } from '../model/live-computation.ts'
import { el } from '../dom/element.ts'
import { formatInterval, formatMt } from '../format/number-format.ts'

/** The section and the function that redraws it. */
export interface CommitmentTotalsView {
  dom: HTMLElement
  render(state: LiveState): void
}

const mt = (i: Parameters<typeof formatInterval>[0]) => `${formatInterval(i, formatMt)} Mt`

/** Creates the commitment totals. */
export function createCommitmentTotals(): CommitmentTotalsView {
  const list = el('dl', { class: 'commitment-totals-list' })
  const assumptions = el('ul', { class: 'commitment-assumptions' })
  const details = el(
    'details',
    { class: 'commitment-assumptions-details' },
    el('summary', {}, 'Assumptions and counting'),
    assumptions,
  )
  const dom = el(
    'section',
    { class: 'commitment-totals', 'aria-label': 'Commitments of every kind', hidden: '' },
    el('h3', {}, 'Commitments of every kind'),
    list,
    details,
  )
  return {
    dom,
    render(state) {
      const r = state.computation.results
      const t = r.commitments
      const figures = r.rows.flatMap((row) => (row.commitments ? [row.commitments] : []))
      const beyond = figures.some((f) => f.commitments.some((c) => c.kind !== 'absolute' || c.conditional || c.problem))
      dom.hidden = !t || !beyond
      if (!t || !beyond) return
      const item = (term: string, value: string, cls = '') =>
        [el('dt', {}, term), el('dd', cls ? { class: cls } : {}, value)] as const
      const range = (i: typeof t.annualT) => (isExact(i) ? '' : ' (conditional–unconditional)')
      list.replaceChildren(
        ...item(
          'Implied emissions a year',
          `${mt(t.annualT)}${range(t.annualT)} over ${t.counted.length} Parties`,
          'implied-total',
        ),
        ...item('Over the period', mt(t.periodT)),
        ...item('Assigned amounts (where one exists)', mt(t.assignedAmountT)),
        ...item(
          'Sectoral cuts a year',
          `additional ${mt(t.additionalCutT)} (subtracted); toward ${mt(t.towardCutT)} (inside the figures); without an economy-wide figure ${mt(t.uncoveredCutT)}`,
        ),
        ...item(
          'Policies and measures',
          `${t.policies.count} listed, ${t.policies.withEffect} with an estimated effect (${mt(t.policies.effectT)} a year, never added)`,
          'policies-total',
        ),
        ...(t.problems
          ? item('Not counted', `${t.problems} commitments with a bad value (see Diagnostics)`, 'problems-total')
          : []),
        ...(t.notCounted.length ? item('Left out', t.notCounted.map((n) => `${n.party}: ${n.reason}`).join('; ')) : []),
      )
      assumptions.replaceChildren(
        ...figures
          .filter((f) => f.commitments.some((c) => c.kind !== 'absolute' && c.assumptions.length) || f.notes.length)
          .map((f) => {
            const li = el('li', { 'data-party': f.party }, el('strong', {}, f.party))
            const sub = el('ul')
            // A QELRC's one assumption is the Protocol's own; the others' are what the figures rest on.
            for (const c of f.commitments)
              for (const a of c.problem || c.kind === 'absolute' ? [] : c.assumptions)
                sub.append(el('li', {}, `${c.label}: ${a}`))
            for (const n of f.notes) sub.append(el('li', { class: 'counting-note' }, n))
            li.append(sub)
            return li
          }),
      )
    },
  }
}
