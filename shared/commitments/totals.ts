/**
 * Totals over the Parties: the emissions the counted figures imply, the
 * assigned amounts where they exist, the sectoral cuts and the policies —
 * every figure an interval, every Party counted once. The European Union
 * and its member States cover the same tonnes: when both have figures the
 * Union's row is left out, as the aggregate of Annex B does.
 */
import type { Party } from '../parties/party.ts'
import type { PartyFigure } from './counting.ts'
import { plus, ZERO, type Interval } from './interval.ts'

/** The totals, with the Parties counted and those left out. Tonnes CO₂ eq. */
export interface CommitmentTotals {
  counted: string[]
  notCounted: { party: string; reason: string }[]
  periodT: Interval
  annualT: Interval
  assignedAmountT: Interval
  additionalCutT: Interval
  uncoveredCutT: Interval
  towardCutT: Interval
  policies: { count: number; withEffect: number; effectT: Interval; parties: string[] }
  /** Commitments that cannot be counted as written. */
  problems: number
  conditional: boolean
}

/** The totals of `figures`; `byName` gives each Party's table row (joint fulfilment). */
export function commitmentTotals(
  figures: readonly PartyFigure[],
  byName: ReadonlyMap<string, Party>,
): CommitmentTotals {
  const t: CommitmentTotals = {
    counted: [],
    notCounted: [],
    periodT: ZERO,
    annualT: ZERO,
    assignedAmountT: ZERO,
    additionalCutT: ZERO,
    uncoveredCutT: ZERO,
    towardCutT: ZERO,
    policies: { count: 0, withEffect: 0, effectT: ZERO, parties: [] },
    problems: 0,
    conditional: false,
  }
  const membersCounted = figures.some((f) => f.periodT && isJointMember(byName.get(f.party)))
  for (const f of figures) {
    t.problems += f.commitments.filter((c) => c.problem).length
    if (f.policies) {
      t.policies.count += f.policies
      t.policies.withEffect += f.commitments.filter(
        (c) => c.kind === 'policies-and-measures' && c.cutT && !c.problem,
      ).length
      t.policies.effectT = plus(t.policies.effectT, f.policyEffectT)
      t.policies.parties.push(f.party)
    }
    if (byName.get(f.party)?.iso === 'EU' && membersCounted && f.periodT) {
      t.notCounted.push({ party: f.party, reason: 'counted through its member States (joint fulfilment)' })
      continue
    }
    t.uncoveredCutT = plus(t.uncoveredCutT, f.uncoveredCutT)
    if (!f.periodT) continue
    t.counted.push(f.party)
    t.conditional ||= f.conditional
    t.periodT = plus(t.periodT, f.periodT)
    t.annualT = plus(t.annualT, f.annualT!)
    if (f.assignedAmountT) t.assignedAmountT = plus(t.assignedAmountT, f.assignedAmountT)
    t.additionalCutT = plus(t.additionalCutT, f.additionalCutT)
    t.towardCutT = plus(t.towardCutT, f.towardCutT)
  }
  return t
}

function isJointMember(p: Party | undefined): boolean {
  return p !== undefined && p.euCp2JointFulfilment && p.iso !== 'EU'
}
