/**
 * The aggregate reduction below the base year implied by the inscriptions,
 * `1 − Σ(QELRC_i × BY_i) / Σ BY_i` (paragraph 1 bis wants it beside X).
 *
 * The European Community and its member States must not both be counted. Two
 * treatments, each counting every tonne once:
 * - `member-states` (default): every member State with its own base year — the
 *   EU-15 at their burden-sharing shares in the first period — and the
 *   Community's own row left out;
 * - `community` (first period only): the Community's row (92 % of the EU-15
 *   bubble's base year) stands for the fifteen, whose own rows are left out;
 *   member States outside the bubble count individually.
 * In the second period only `member-states` is possible: the table's Community
 * base year is the EU-15 bubble's, not the EU-28-and-Iceland one Doha covers.
 */
import type { Party } from '../parties/party.ts'
import { AmountInputError, requirePositive } from './input.ts'

/** One Party's contribution to the aggregate. */
export interface AggregateEntry {
  party: string
  qelrcPct: number
  baseYearT: number
  approximate: boolean
}

/** The aggregate reduction and what it was computed from. */
export interface AggregateReduction {
  /** Per cent below the summed base years (negative: above). */
  reductionPct: number
  sumBaseYearT: number
  /** Σ QELRC_i × BY_i, tonnes a year. */
  sumAllowedT: number
  parties: string[]
  /** Parties whose base year is approximate. */
  approximateParties: string[]
}

/** Computes the aggregate reduction implied by the entries. */
export function aggregateReduction(entries: readonly AggregateEntry[]): AggregateReduction {
  if (entries.length === 0)
    throw new AmountInputError('entries', [], 'no Party to aggregate: give at least one inscription')
  let sumBaseYearT = 0
  let sumAllowedT = 0
  for (const e of entries) {
    requirePositive(`${e.party}.qelrcPct`, e.qelrcPct)
    requirePositive(`${e.party}.baseYearT`, e.baseYearT)
    sumBaseYearT += e.baseYearT
    sumAllowedT += (e.qelrcPct * e.baseYearT) / 100
  }
  return {
    reductionPct: 100 * (1 - sumAllowedT / sumBaseYearT),
    sumBaseYearT,
    sumAllowedT,
    parties: entries.map((e) => e.party),
    approximateParties: entries.filter((e) => e.approximate).map((e) => e.party),
  }
}

/** The aggregate beside the target X of paragraph 1 bis. */
export interface AggregateAgainstTarget extends AggregateReduction {
  targetPct: number
  /** Target minus implied reduction, percentage points (positive: short). */
  shortfallPct: number
  fallsShort: boolean
}

/** Sets the aggregate beside X ("X per cent below 1990 levels") and flags a shortfall. */
export function againstTarget(aggregate: AggregateReduction, targetPct: number): AggregateAgainstTarget {
  if (!Number.isFinite(targetPct))
    throw new AmountInputError(
      'targetPct',
      targetPct,
      'X must be a number of per cent, e.g. 25 for "25 per cent below 1990 levels"',
    )
  const shortfallPct = targetPct - aggregate.reductionPct
  return { ...aggregate, targetPct, shortfallPct, fallsShort: shortfallPct > 0 }
}

/** How the Community and its member States are counted. */
export type CommunityTreatment = 'member-states' | 'community'

/** The entries of the party table's Annex B Parties (or those `include` picks) for one period, and the Parties left out with the reason. */
export function aggregateEntries(
  parties: readonly Party[],
  options: { period: 'first' | 'second'; community?: CommunityTreatment; include?: (party: Party) => boolean },
): { entries: AggregateEntry[]; omitted: { party: string; reason: string }[] } {
  const community = options.community ?? 'member-states'
  if (options.period === 'second' && community === 'community') {
    throw new AmountInputError(
      'community',
      community,
      'the table has no second-period Community base year (EU-28 and Iceland); use "member-states"',
    )
  }
  const entries: AggregateEntry[] = []
  const omitted: { party: string; reason: string }[] = []
  for (const p of parties) {
    if (options.include ? !options.include(p) : !p.annexB) continue
    if (p.iso === 'EU' && community === 'member-states') {
      omitted.push({ party: p.name, reason: 'counted through its member States' })
      continue
    }
    if (p.euCp1Bubble && community === 'community') {
      omitted.push({ party: p.name, reason: 'counted in the European Community bubble' })
      continue
    }
    const qelrcPct =
      options.period === 'first'
        ? p.euCp1Bubble && community === 'member-states'
          ? p.burdenSharingPct
          : p.qelrcCp1Pct
        : p.qelrcCp2Pct
    if (qelrcPct === undefined || p.baseYearT === undefined) {
      omitted.push({
        party: p.name,
        reason: qelrcPct === undefined ? `no ${options.period}-period QELRC` : 'no base year',
      })
      continue
    }
    entries.push({ party: p.name, qelrcPct, baseYearT: p.baseYearT, approximate: p.baseYearPrecision !== 'exact' })
  }
  return { entries, omitted }
}
