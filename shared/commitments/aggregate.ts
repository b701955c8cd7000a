/**
 * Paragraph 1 bis's aggregate beside X: `1 − Σ implied emissions a year /
 * Σ base years`, over the Parties whose figures count and whom the chosen
 * 1 bis option covers ("The Parties included in Annex I", or Option 4's
 * "…and Parties not included in Annex I, if they so elect"). For QELRCs alone
 * it is the familiar `1 − Σ(QELRC_i × BY_i) / Σ BY_i`; with conditional offers
 * it is an interval. "Included in Annex I" is read as the Protocol reads it
 * (Article 1.7): the Convention's Annex I and every Party listed in Annex B
 * (Kazakhstan, by its notification under Article 4.2 (g) of the Convention).
 */
import type { AggregateReduction } from '../amounts/aggregate.ts'
import type { PartyFigure } from './counting.ts'
import type { Interval } from './interval.ts'
import type { CommitmentTotals } from './totals.ts'
import type { Party } from '../parties/party.ts'
import type { AggregateScope } from '../model/variables.ts'

/** The aggregate, its conditional end, and X beside it. */
export interface CommitmentAggregate extends AggregateReduction {
  /** Per cent below the summed base years, unconditional and conditional. */
  reductionPctInterval: Interval
  /** Whom it covers; null while 1 bis is unresolved (every counted Party). */
  scope: AggregateScope | null
  /** Counted Parties left out, with the reason. */
  omitted: { party: string; reason: string }[]
  conditional: boolean
  targetPct?: number
  /** X minus the reduction, percentage points (positive: short), at each end. */
  shortfallPct?: number
  shortfallPctInterval?: Interval
  fallsShort?: boolean
}

/** A Party "included in Annex I" for the Protocol (Article 1.7). */
export function includedInAnnexI(p: Party): boolean {
  return p.annexI || p.annexB
}

/** The aggregate over the counted figures of `rows`, or null when none has a base year. */
export function commitmentAggregate(
  rows: readonly { party: string; baseYearT: number | null; approximate: boolean; commitments?: PartyFigure }[],
  totals: CommitmentTotals,
  byName: ReadonlyMap<string, Party>,
  scope: AggregateScope | null,
  targetPct: number | undefined,
): CommitmentAggregate | null {
  // Counted: a figure with emissions, unless the totals left it out (the Union beside its member States).
  const left = totals.notCounted.length ? new Set(totals.notCounted.map((n) => n.party)) : undefined
  const omitted: { party: string; reason: string }[] = [...totals.notCounted]
  let sumBaseYearT = 0
  const allowed = { unconditional: 0, conditional: 0 }
  const parties: string[] = []
  const approximateParties: string[] = []
  let conditional = false
  for (const r of rows) {
    const f = r.commitments
    if (!f?.annualT || left?.has(r.party)) continue
    if (scope === 'annex-i' && !includedInAnnexI(byName.get(r.party)!)) {
      omitted.push({ party: r.party, reason: 'the chosen 1 bis option covers the Parties included in Annex I' })
      continue
    }
    if (r.baseYearT === null) {
      omitted.push({ party: r.party, reason: 'no base year in the party table' })
      continue
    }
    sumBaseYearT += r.baseYearT
    allowed.unconditional += f.annualT.unconditional
    allowed.conditional += f.annualT.conditional
    parties.push(r.party)
    if (r.approximate || f.approximate) approximateParties.push(r.party)
    conditional ||= f.conditional
  }
  if (!parties.length) return null
  const pct = (a: number) => 100 * (1 - a / sumBaseYearT)
  const reductionPctInterval = { unconditional: pct(allowed.unconditional), conditional: pct(allowed.conditional) }
  const out: CommitmentAggregate = {
    reductionPct: reductionPctInterval.unconditional,
    sumBaseYearT,
    sumAllowedT: allowed.unconditional,
    parties,
    approximateParties,
    reductionPctInterval,
    scope,
    omitted,
    conditional,
  }
  if (targetPct !== undefined) {
    out.targetPct = targetPct
    out.shortfallPct = targetPct - reductionPctInterval.unconditional
    out.shortfallPctInterval = {
      unconditional: out.shortfallPct,
      conditional: targetPct - reductionPctInterval.conditional,
    }
    out.fallsShort = out.shortfallPct > 0
  }
  return out
}

/**
 * What the aggregate rests on beside what it still waits for: the Parties it needs are
 * those "included in Annex I" with a base year (1 bis covers them under every option) and
 * any other Party it counts; those inscribed are the ones it counts, the Union counted
 * through its member States among them; a Party whose inscription cannot be counted (the
 * Union's EU-15 base year, a value the model refuses: a diagnostic says so) is neither. Coverage is the share of the needed Parties'
 * base-year emissions the counted figures hold, the Union's tonnes taken once.
 */
export interface AggregateBasis {
  /** Needed Parties whose figures the aggregate counts (or, with no aggregate, who have inscribed). */
  inscribed: string[]
  /** Needed Parties with no figure yet. */
  awaiting: string[]
  /** Share of the needed Parties' base-year emissions the counted figures cover, 0–1. */
  coverage: number
}

/** The basis of `aggregate` over `rows`. */
export function aggregateBasis(
  rows: readonly { party: string; baseYearT: number | null; inscribed: number | null; commitments?: PartyFigure }[],
  aggregate: CommitmentAggregate | null,
  totals: CommitmentTotals | null,
  byName: ReadonlyMap<string, Party>,
): AggregateBasis {
  const counted = new Set([...(aggregate?.parties ?? []), ...(totals?.notCounted.map((n) => n.party) ?? [])])
  const union = [...byName.values()].find((p) => p.iso === 'EU')?.name
  const unionCounted = union !== undefined && aggregate?.parties.includes(union)
  const inscribed: string[] = []
  const awaiting: string[] = []
  let awaitingT = 0
  for (const r of rows) {
    const p = byName.get(r.party)
    if (counted.has(r.party) || (!aggregate && r.inscribed !== null)) {
      if (counted.has(r.party) || (p && includedInAnnexI(p))) inscribed.push(r.party)
      continue
    }
    // Inscribed but not counted (the Union's EU-15 base year, a value the model refuses): not awaited.
    if (!p || !includedInAnnexI(p) || r.baseYearT === null || r.inscribed !== null) continue
    awaiting.push(r.party)
    // The Union's tonnes are its member States': weigh them once.
    if (r.party === union || (unionCounted && p.euCp2JointFulfilment)) continue
    awaitingT += r.baseYearT
  }
  const coveredT = aggregate?.sumBaseYearT ?? 0
  return { inscribed, awaiting, coverage: coveredT ? coveredT / (coveredT + awaitingT) : 0 }
}
