/**
 * Proposals gathered on the node, variable or cell they concern, with support
 * and objection counted by Party — what everyone sees beside a bracket.
 */
import type { Proposal, ProposalsState } from './proposal.ts'

/** A proposal with the Parties for and against it. */
export interface TalliedProposal {
  proposal: Proposal
  support: string[]
  objection: string[]
  /** The reasons Parties gave, by Party. */
  reasons: Record<string, string>
}

/** Proposals by target, oldest first, with their stances. */
export function tallyProposals(state: Pick<ProposalsState, 'proposals' | 'stances'>): Map<string, TalliedProposal[]> {
  const byId = new Map<string, TalliedProposal>()
  for (const p of Object.values(state.proposals))
    byId.set(p.id, { proposal: p, support: [], objection: [], reasons: {} })
  for (const key of Object.keys(state.stances).sort()) {
    const cut = key.lastIndexOf('/')
    const entry = byId.get(key.slice(0, cut))
    if (!entry) continue
    const party = key.slice(cut + 1)
    const stance = state.stances[key]
    ;(stance.stance === 'support' ? entry.support : entry.objection).push(party)
    if (stance.reason) entry.reasons[party] = stance.reason
  }
  const byTarget = new Map<string, TalliedProposal[]>()
  for (const t of [...byId.values()].sort(
    (a, b) => a.proposal.at.localeCompare(b.proposal.at) || a.proposal.id.localeCompare(b.proposal.id),
  )) {
    byTarget.set(t.proposal.target, [...(byTarget.get(t.proposal.target) ?? []), t])
  }
  return byTarget
}
