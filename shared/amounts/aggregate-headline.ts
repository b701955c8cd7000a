/**
 * The aggregate as a headline that says what it rests on. An aggregate over the one Party
 * that has inscribed is that Party's cut, not the Annex I Parties': shown beside X in red
 * ("falls short by 17.5 points") it misleads the room. So the headline counts the Parties
 * inscribed of those the aggregate needs and the share of their base-year emissions
 * covered, and compares with X only once at least half of those Parties have inscribed.
 * (Coverage alone cannot be the test: Doha's 37 inscriptions cover 41 % of Annex B's base
 * years, and they were the outcome.)
 */
import type { Results } from '../model/results.ts'

/** Below this share of the needed Parties inscribed, the aggregate is not yet meaningful. */
export const MEANINGFUL_SHARE = 0.5

/** How the headline reads. */
export type HeadlineTone =
  /** Nothing inscribed: no figure. */
  | 'none'
  /** Too little inscribed to mean anything: the figure is shown small and never against X. */
  | 'partial'
  /** Meaningful, and X is not set. */
  | 'unset'
  /** Meaningful and short of X. */
  | 'short'
  /** Meaningful and meeting X. */
  | 'met'

/** The aggregate headline: what it rests on, and the words. */
export interface AggregateHeadline {
  /** Parties whose inscription enters the aggregate. */
  inscribed: number
  /** Parties the aggregate needs: those inscribed and those with a base year still to inscribe. */
  needed: number
  /** Share of the needed Parties' base-year emissions the inscriptions cover, 0–1. */
  coverage: number
  tone: HeadlineTone
  /** What it rests on: "1 of 40 Parties inscribed (3.1 % of their base-year emissions)". */
  basis: string
  /** The figure, or why there is none: "18.0 % below base year beside X = 18 %: meets X". */
  figure: string
}

/** The headline for `results`, with X's value when set. */
export function aggregateHeadline(results: Pick<Results, 'rows' | 'aggregate'>, x?: number): AggregateHeadline {
  const a = results.aggregate
  const inscribed = a?.parties.length ?? 0
  // A row still to inscribe, whose base year the aggregate would then weigh.
  const waiting = results.rows.filter((r) => r.inscribed === null && r.unit === '%' && r.baseYearT !== null)
  const needed = inscribed + waiting.length
  const waitingT = waiting.reduce((sum, r) => sum + r.baseYearT!, 0)
  const coverage = a ? a.sumBaseYearT / (a.sumBaseYearT + waitingT) : 0
  const xWords = x === undefined ? '' : ` · X = ${x} %`
  const basis = `${inscribed} of ${needed} ${needed === 1 ? 'Party' : 'Parties'} inscribed${a ? ` (${pct(100 * coverage)} % of their base-year emissions)` : ''}`
  if (!a) return { inscribed, needed, coverage, tone: 'none', basis, figure: `no aggregate yet${xWords}` }
  const approx = a.approximateParties.length ? '~' : ''
  const reduction = `${approx}${pct(a.reductionPct)} % below base year`
  if (inscribed < MEANINGFUL_SHARE * needed)
    return {
      inscribed,
      needed,
      coverage,
      tone: 'partial',
      basis,
      figure: `the aggregate is not meaningful yet (over those inscribed: ${reduction})${xWords}`,
    }
  if (x === undefined) return { inscribed, needed, coverage, tone: 'unset', basis, figure: `${reduction} · X not set` }
  const shortfall = x - a.reductionPct
  return shortfall > 0
    ? {
        inscribed,
        needed,
        coverage,
        tone: 'short',
        basis,
        figure: `${reduction} beside X = ${x} %: falls short by ${pct(shortfall)} points`,
      }
    : { inscribed, needed, coverage, tone: 'met', basis, figure: `${reduction} beside X = ${x} %: meets X` }
}

/** A total that rests on no figure at all reads "—", never 0. */
export function totalOrDash(rows: Results['rows'], totalT: number, format: (t: number) => string): string {
  return rows.some((r) => r.assignedAmountT !== null) ? format(totalT) : '—'
}

function pct(value: number): string {
  return value.toFixed(1)
}
