/**
 * The aggregate as a headline that says what it rests on. An aggregate over the one Party
 * that has inscribed is that Party's cut, not the Annex I Parties': shown beside X in red
 * ("falls short by 17.5 points") it misleads the room. So the headline counts the Parties
 * inscribed of those the aggregate needs and the share of their base-year emissions
 * covered (`aggregateBasis` in `shared/commitments/aggregate.ts`), and compares with X
 * only once at least half of those Parties have inscribed. (Coverage alone cannot be the
 * test: Doha's 37 inscriptions cover 41 % of Annex B's base years, and they were the
 * outcome.) Where offers are conditional, the conditional end is said beside the figure.
 */
import type { Results } from '../model/results.ts'

/** Below this share of the needed Parties inscribed, the aggregate is not yet meaningful. */
export const MEANINGFUL_SHARE = 0.5

/** How the headline reads. */
export type HeadlineTone =
  /** Nothing counted: no figure. */
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
  /** Parties whose figures enter the aggregate. */
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
  /** The conditional end where offers are conditional: " (conditional: 20.1 %)"; else empty. */
  conditional: string
}

/**
 * The headline for `results`, with X's value when set; `format` writes a percentage
 * (one decimal by default, as the editor's number format does).
 */
export function aggregateHeadline(
  results: Pick<Results, 'aggregate' | 'aggregateBasis' | 'years'>,
  x?: number,
  format: (pct: number) => string = (p) => p.toFixed(1),
): AggregateHeadline {
  const a = results.aggregate
  const b = results.aggregateBasis
  const inscribed = b.inscribed.length
  const needed = inscribed + b.awaiting.length
  const coverage = b.coverage
  const xWords = x === undefined ? '' : ` · X = ${x} %`
  const basis = `${inscribed} of ${needed} ${needed === 1 ? 'Party' : 'Parties'} inscribed${a ? ` (${format(100 * coverage)} % of their base-year emissions)` : ''}`
  const head = { inscribed, needed, coverage, basis, conditional: '' }
  if (!a) {
    const why =
      results.years === null && inscribed ? 'no aggregate until the commitment period is chosen' : 'no aggregate yet'
    return { ...head, tone: 'none', figure: `${why}${xWords}` }
  }
  const approx = a.approximateParties.length ? '~' : ''
  const reduction = `${approx}${format(a.reductionPct)} % below base year`
  const conditional = a.conditional ? ` (conditional: ${format(a.reductionPctInterval.conditional)} %)` : ''
  if (inscribed < MEANINGFUL_SHARE * needed)
    return {
      ...head,
      conditional,
      tone: 'partial',
      figure: `the aggregate is not meaningful yet (over those inscribed: ${reduction})${xWords}`,
    }
  if (x === undefined) return { ...head, conditional, tone: 'unset', figure: `${reduction} · X not set` }
  const shortfall = x - a.reductionPct
  return shortfall > 0
    ? {
        ...head,
        conditional,
        tone: 'short',
        figure: `${reduction} beside X = ${x} %: falls short by ${format(shortfall)} points`,
      }
    : { ...head, conditional, tone: 'met', figure: `${reduction} beside X = ${x} %: meets X` }
}

/** A total that rests on no figure at all reads "—", never 0. */
export function totalOrDash(rows: Results['rows'], totalT: number, format: (t: number) => string): string {
  return rows.some((r) => r.assignedAmountT !== null) ? format(totalT) : '—'
}
