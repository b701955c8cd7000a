/**
 * Totals over the Parties: the emissions the counted figures imply, the
 * assigned amounts where they exist, the sectoral cuts and the policies —
 * every figure an interval, every Party counted once. The European Union
 * and its member States cover the same tonnes: when both have figures the
 * Union's row is left out, as the aggregate of Annex B does.
 */
import type { Party } from '../parties/party.ts'
import type { PartyFigure } from './counting.ts'
import { addInto, type Interval } from './interval.ts'

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
  const zero = () => ({ unconditional: 0, conditional: 0 })
  const t: CommitmentTotals = {
    counted: [],
    notCounted: [],
    periodT: zero(),
    annualT: zero(),
    assignedAmountT: zero(),
    additionalCutT: zero(),
    uncoveredCutT: zero(),
    towardCutT: zero(),
    policies: { count: 0, withEffect: 0, effectT: zero(), parties: [] },
    problems: 0,
    conditional: false,
  }
  const joint = jointFulfilmentOf(byName)
  let membersCounted = false
  for (const f of figures) if (f.periodT && joint.members.has(f.party)) membersCounted = true
  for (const f of figures) {
    for (const c of f.commitments) {
      if (c.problem) t.problems++
      else if (c.kind === 'policies-and-measures' && c.cutT) t.policies.withEffect++
    }
    if (f.policies) {
      t.policies.count += f.policies
      addInto(t.policies.effectT, f.policyEffectT)
      t.policies.parties.push(f.party)
    }
    if (f.periodT && membersCounted && f.party === joint.union) {
      t.notCounted.push({ party: f.party, reason: 'counted through its member States (joint fulfilment)' })
      continue
    }
    addInto(t.uncoveredCutT, f.uncoveredCutT)
    if (!f.periodT) continue
    t.counted.push(f.party)
    t.conditional ||= f.conditional
    addInto(t.periodT, f.periodT)
    addInto(t.annualT, f.annualT!)
    if (f.assignedAmountT) addInto(t.assignedAmountT, f.assignedAmountT)
    addInto(t.additionalCutT, f.additionalCutT)
    addInto(t.towardCutT, f.towardCutT)
  }
  return t
}

const joints = new WeakMap<ReadonlyMap<string, Party>, { members: Set<string>; union?: string }>()

// The Union's name and its joint-fulfilment members, read once per party table.
function jointFulfilmentOf(byName: ReadonlyMap<string, Party>): { members: Set<string>; union?: string } {
  let joint = joints.get(byName)
  if (!joint) {
    joint = { members: new Set() }
    for (const p of byName.values()) {
      if (p.iso === 'EU') joint.union = p.name
      else if (p.euCp2JointFulfilment) joint.members.add(p.name)
    }
    joints.set(byName, joint)
  }
  return joint
}
