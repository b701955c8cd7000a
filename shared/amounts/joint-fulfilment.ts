/**
 * Joint fulfilment (Article 4): the member States' amounts under their
 * internal burden sharing against the Community's own amount. They are meant
 * to add up; in the first period they do not quite (19,602,023,977 t against
 * 19,621,381,509 t), because each amount was fixed from its own reviewed base
 * year. The difference is reported, never spread over the members.
 */
import type { Party } from '../parties/party.ts'
import { AmountInputError, requirePositive } from './input.ts'

/** The member States' sum against the Community's amount. */
export interface JointFulfilment {
  communityT: number
  memberStatesT: number
  /** communityT − memberStatesT (positive: the Community holds more than its members add up to). */
  differenceT: number
  /** differenceT as per cent of communityT. */
  differencePct: number
  members: { party: string; amountT: number }[]
}

/** Compares the member States' amounts with the Community's. */
export function jointFulfilment(
  communityT: number,
  members: readonly { party: string; amountT: number }[],
): JointFulfilment {
  requirePositive('communityT', communityT, 'must be the Community’s assigned amount in tonnes')
  if (members.length === 0) throw new AmountInputError('members', [], 'give at least one member State')
  let memberStatesT = 0
  for (const m of members) memberStatesT += requirePositive(`${m.party}.amountT`, m.amountT)
  const differenceT = communityT - memberStatesT
  return {
    communityT,
    memberStatesT,
    differenceT,
    differencePct: (100 * differenceT) / communityT,
    members: [...members],
  }
}

/** The first-period bubble from the party table's official amounts: the Community against the EU-15. */
export function firstPeriodBubble(parties: readonly Party[]): JointFulfilment {
  const community = parties.find((p) => p.iso === 'EU')
  if (community?.cp1AssignedAmountT === undefined)
    throw new AmountInputError('parties', 'European Community', 'the party table has no first-period Community amount')
  const members = parties
    .filter((p) => p.euCp1Bubble)
    .map((p) => {
      if (p.cp1AssignedAmountT === undefined)
        throw new AmountInputError(
          `${p.name}.cp1AssignedAmountT`,
          undefined,
          'a bubble member without an official amount',
        )
      return { party: p.name, amountT: p.cp1AssignedAmountT }
    })
  return jointFulfilment(community.cp1AssignedAmountT, members)
}
