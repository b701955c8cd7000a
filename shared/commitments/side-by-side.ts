/**
 * Side by side: what one cut would mean for one Party under each kind of
 * commitment — an absolute cap below its base year, the same per cent below
 * its base year's emissions per unit of GDP, the same per cent below business
 * as usual — beside the BAU path itself (Frankel's method: the Party's own
 * log-linear trend) and its base year. The same arithmetic as the live
 * figures, so a Party weighing "40 % intensity or 40 % below BAU?" sees the
 * tonnes each would commit it to.
 */
import type { Party } from '../parties/party.ts'
import { impliedByTerms, type PeriodSpan } from './implied.ts'
import type { CommitmentKind } from './kinds.ts'
import { bauPath } from './paths.ts'
import type { PartyCells } from './terms.ts'

/** What to compare. */
export interface SideBySideInput {
  /** The cut, per cent (40 for "40 % below"). */
  pct: number
  /** The intensity target's base year. */
  baseYear: number
  targetYear: number
  period: PeriodSpan
  gdpGrowthPct?: number
  bauGrowthPct?: number
}

/** One line: a kind of commitment, or a reference path. Tonnes CO₂ eq. */
export interface SideBySideRow {
  kind: CommitmentKind | 'bau-reference' | 'base-year'
  label: string
  /** Emissions in the target year. */
  targetYearT?: number
  /** Emissions over the period, and a year on average. */
  periodT?: number
  annualT?: number
  /** Per cent below the base year and below BAU, in the target year (negative: above). */
  belowBaseYearPct?: number
  belowBauPct?: number
  assumptions: string[]
  problem?: string
}

/** The comparison for one Party. */
export interface SideBySide {
  party: string
  input: SideBySideInput
  rows: SideBySideRow[]
}

/** The figures a Party's own cells suggest for the comparison, else the usual ones. */
export function sideBySideDefaults(
  cells: PartyCells,
  period: PeriodSpan,
): Omit<SideBySideInput, 'period'> & { period: PeriodSpan } {
  const n = (c: string) => (typeof cells.get(c) === 'number' ? (cells.get(c) as number) : undefined)
  const cp2 = n('cp2')
  return {
    pct: n('intensity.pct') ?? n('bau.pct') ?? (cp2 !== undefined ? 100 - cp2 : 20),
    baseYear: n('intensity.baseYear') ?? 2005,
    targetYear: n('intensity.targetYear') ?? n('bau.targetYear') ?? period.end,
    period,
    gdpGrowthPct: n('intensity.gdpGrowthPct'),
    bauGrowthPct: n('bau.growthPct'),
  }
}

/** The comparison: each kind of commitment at `input.pct`, and the references. */
export function sideBySide(party: Party, input: SideBySideInput): SideBySide {
  const years = input.period.end - input.period.start + 1
  const rows: SideBySideRow[] = []
  const baseYearT = party.baseYearT
  const bau = party.series ? bauPath(party.series, { growthPct: input.bauGrowthPct }) : undefined
  const bauAt = bau && !('problem' in bau) ? bau.at : undefined
  const relative = (row: SideBySideRow): SideBySideRow => {
    if (row.targetYearT === undefined) return row
    if (baseYearT) row.belowBaseYearPct = 100 * (1 - row.targetYearT / baseYearT)
    if (bauAt) row.belowBauPct = 100 * (1 - row.targetYearT / bauAt(input.targetYear))
    return row
  }
  if (baseYearT) {
    rows.push({
      kind: 'base-year',
      label: `base year (${party.baseYear ?? 1990})`,
      targetYearT: baseYearT,
      assumptions: [party.baseYearPrecision === 'exact' ? 'exact' : 'approximate (inventory or CAIT figure)'],
    })
    const annual = baseYearT * (1 - input.pct / 100)
    rows.push(
      relative({
        kind: 'absolute',
        label: `absolute cap: ${input.pct} % below the base year (a QELRC of ${100 - input.pct})`,
        targetYearT: annual,
        annualT: annual,
        periodT: annual * years,
        assumptions: ['the assigned amount allows the same emissions every year of the period'],
      }),
    )
  } else {
    rows.push({ kind: 'absolute', label: 'absolute cap', assumptions: [], problem: 'no base year in the party table' })
  }
  for (const kind of ['intensity', 'bau-deviation'] as const) {
    const r = impliedByTerms(
      party,
      kind === 'intensity'
        ? {
            kind,
            pct: { unconditional: input.pct },
            baseYear: input.baseYear,
            targetYear: input.targetYear,
            gdpGrowthPct: input.gdpGrowthPct,
          }
        : { kind, pct: { unconditional: input.pct }, targetYear: input.targetYear, growthPct: input.bauGrowthPct },
      input.period,
    )
    rows.push(
      relative({
        kind,
        label: r.label,
        targetYearT: r.targetYearT?.unconditional,
        periodT: r.periodT?.unconditional,
        annualT: r.periodT && r.periodT.unconditional / years,
        assumptions: r.assumptions,
        problem: r.problem && `${r.problem.field} ${r.problem.message}`,
      }),
    )
  }
  if (bau && !('problem' in bau)) {
    let periodT = 0
    for (let y = input.period.start; y <= input.period.end; y++) periodT += bau.at(y)
    rows.push(
      relative({
        kind: 'bau-reference',
        label: 'business as usual (Frankel’s method: the Party’s own trend)',
        targetYearT: bau.at(input.targetYear),
        periodT,
        annualT: periodT / years,
        assumptions: [bau.assumption],
      }),
    )
  } else {
    rows.push({
      kind: 'bau-reference',
      label: 'business as usual',
      assumptions: [],
      problem: bau ? bau.problem : 'no emissions in the data',
    })
  }
  return { party: party.name, input, rows }
}
