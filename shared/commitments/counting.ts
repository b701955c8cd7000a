/**
 * The counting rule: what a Party's commitments together imply, never
 * counting a tonne twice.
 * - Economy-wide commitments (absolute, intensity, below BAU) limit the same
 *   tonnes: the tightest binds, end by end; they are never added.
 * - A sectoral cut "toward" the economy-wide figure is inside it: listed, not
 *   added. An "additional" one is subtracted, once per sector (two targets on
 *   one sector cut the same tonnes: the deeper counts). A Party with no
 *   economy-wide figure has its sectoral cuts counted on a line of their own.
 * - Policies and measures are listed and counted; their estimated effects are
 *   totalled apart and never added to the emissions.
 * - What the chosen Annex option does not take, and what has a problem, is
 *   listed and counts nowhere.
 */
import type { AnnexBLayout } from '../model/variables.ts'
import type { CommitmentResult } from './implied.ts'
import { greater, lesser, minus, plus, times, ZERO, type Interval } from './interval.ts'
import { COMMITMENT_KINDS, takenBy } from './kinds.ts'

/** A Party's commitments under the counting rule. Tonnes CO₂ eq. */
export interface PartyFigure {
  party: string
  commitments: CommitmentResult[]
  /** Columns of the commitments the chosen option's tables do not take: listed, not counted. */
  notInForce: string[]
  /** The column of the economy-wide commitment that binds, when one does. */
  binding: string | null
  /** Emissions over the period after the rule; null without an economy-wide figure. */
  periodT: Interval | null
  /** The same, a year on average. */
  annualT: Interval | null
  /** Whole tonnes, where an absolute commitment gives one. */
  assignedAmountT: Interval | null
  /** Cuts a year: additional (subtracted), toward (inside the figure), and those of a Party with no figure. */
  additionalCutT: Interval
  towardCutT: Interval
  uncoveredCutT: Interval
  /** Policies and measures: how many, and their estimated effects a year (never added). */
  policies: number
  policyEffectT: Interval
  /** True when a counted figure has a conditional end. */
  conditional: boolean
  approximate: boolean
  /** What the rule did, in words. */
  notes: string[]
}

const sectorKey = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ')

/** Applies the counting rule to one Party's commitments for a period of `years` under `layout`. */
export function countParty(
  party: string,
  commitments: CommitmentResult[],
  layout: AnnexBLayout,
  years: number,
): PartyFigure {
  const figure: PartyFigure = {
    party,
    commitments,
    notInForce: [],
    binding: null,
    periodT: null,
    annualT: null,
    assignedAmountT: null,
    additionalCutT: ZERO,
    towardCutT: ZERO,
    uncoveredCutT: ZERO,
    policies: 0,
    policyEffectT: ZERO,
    conditional: false,
    approximate: false,
    notes: [],
  }
  const additional = new Map<string, Interval>()
  const toward = new Map<string, Interval>()
  let bindingHigh = Infinity
  for (const c of commitments) {
    if (c.problem) continue
    if (!takenBy(c.kind, layout)) {
      figure.notInForce.push(c.column)
      continue
    }
    figure.conditional ||= c.conditional
    figure.approximate ||= c.approximate
    if (COMMITMENT_KINDS[c.kind].counting === 'economy-wide' && c.periodT) {
      figure.periodT = figure.periodT ? lesser(figure.periodT, c.periodT) : c.periodT
      if (c.periodT.unconditional < bindingHigh) ((bindingHigh = c.periodT.unconditional), (figure.binding = c.column))
      if (c.assignedAmountT)
        figure.assignedAmountT = figure.assignedAmountT
          ? lesser(figure.assignedAmountT, c.assignedAmountT)
          : c.assignedAmountT
    } else if (c.kind === 'sectoral' && c.cutT) {
      const into = c.counting === 'additional' ? additional : toward
      const key = sectorKey(c.subject ?? c.column)
      const before = into.get(key)
      if (before) figure.notes.push(`${c.subject}: two targets on one sector; the deeper cut counts once`)
      into.set(key, before ? greater(before, c.cutT) : c.cutT)
    } else if (c.kind === 'policies-and-measures') {
      figure.policies++
      if (c.cutT) figure.policyEffectT = plus(figure.policyEffectT, c.cutT)
    }
  }
  for (const cut of additional.values()) figure.additionalCutT = plus(figure.additionalCutT, cut)
  for (const cut of toward.values()) figure.towardCutT = plus(figure.towardCutT, cut)
  const binding = commitments.filter((c) => !c.problem && c.periodT && takenBy(c.kind, layout))
  if (binding.length > 1)
    figure.notes.push(
      `${binding.length} economy-wide commitments limit the same tonnes: the tightest binds (${figure.binding}), none is added`,
    )
  if (figure.periodT) {
    if (toward.size) figure.notes.push('sectoral cuts toward the economy-wide target are inside it: not added')
    if (additional.size) {
      let period = minus(figure.periodT, times(figure.additionalCutT, years))
      if (period.unconditional < 0 || period.conditional < 0) {
        figure.notes.push(
          'the additional sectoral cuts exceed the economy-wide figure: the Party’s emissions are taken as zero',
        )
        period = { unconditional: Math.max(0, period.unconditional), conditional: Math.max(0, period.conditional) }
      }
      figure.periodT = period
    }
    figure.annualT = times(figure.periodT, 1 / years)
  } else if (additional.size || toward.size) {
    // Nothing to count toward: each sector's deepest cut, whichever way it was marked, once.
    const bySector = new Map(toward)
    for (const [key, cut] of additional) bySector.set(key, bySector.has(key) ? greater(bySector.get(key)!, cut) : cut)
    for (const cut of bySector.values()) figure.uncoveredCutT = plus(figure.uncoveredCutT, cut)
    figure.additionalCutT = ZERO
    figure.towardCutT = ZERO
    figure.notes.push('no economy-wide figure: the sectoral cuts are counted on a line of their own')
  }
  if (figure.policies)
    figure.notes.push(`${figure.policies} policies and measures listed; estimated effects are never added`)
  return figure
}
