/**
 * An acceptance is written in both rooms: the proposal's decision in the proposals room,
 * the decision's effect and its `provenance` entry in the text room (each written by the
 * co-chair's client, over two sockets, in either order). The server keeps the two records
 * of one proposal telling one story whatever the order of arrival, by judging each against
 * the other room:
 *
 * - a provenance entry names an existing proposal of that Party, on that target, that is
 *   open or accepted by the sender — so a text-room acceptance of a proposal withdrawn or
 *   set aside meanwhile is refused whole (the inscription with its provenance);
 * - a proposal whose acceptance the text already records (a provenance entry names it) is
 *   not withdrawn, set aside or accepted by anyone else.
 *
 * So of an acceptance and a withdrawal sent at once, whichever the server judges first
 * stands, and the other is refused in every room it writes.
 */
import type * as Y from 'yjs'
import type { Proposal } from '../proposals/proposal.ts'
import type { Provenance } from './proposal-acceptance.ts'
import type { Actor } from './roles.ts'
import { proposalsRoom } from './proposals-room.ts'
import { textRoom } from './text-room.ts'

/** Reads the document's other room as the server holds it (the server's judge has it; a client's own judgement does not). */
export type OtherRoom = <T>(read: (doc: Y.Doc) => T) => T

/** Why `provenance`, written at `key` by `actor`, does not match the proposals room `proposalsDoc`, or null. */
export function refuseProvenance(
  key: string,
  provenance: Provenance,
  actor: Actor,
  proposalsDoc: Y.Doc,
): string | null {
  const id = provenance.proposal
  const proposal = proposalsRoom(proposalsDoc).proposals.get(id) as Proposal | undefined
  if (!proposal) return `there is no proposal ${id} to accept`
  if (proposal.party !== provenance.party) return `proposal ${id} is ${proposal.party}'s, not ${provenance.party}'s`
  // New alternative text gets an id of its own inside the group (`g39.3`).
  const onTarget = proposal.kind === 'alternative' ? key.startsWith(`${proposal.target}.`) : key === proposal.target
  if (!onTarget) return `proposal ${id} concerns ${proposal.target}, not ${key}`
  if (proposal.status === 'open') return null
  if (proposal.status === 'accepted' && proposal.decision?.by === actor.username) return null
  const by = proposal.decision?.by && proposal.status !== 'withdrawn' ? ` by ${proposal.decision.by}` : ''
  return `proposal ${id} is ${proposal.status}${by}: only an open proposal, or one you accepted, is accepted into the text`
}

/** The accounts the text room `textDoc` records as having accepted proposal `id` into the text. */
export function acceptedInText(textDoc: Y.Doc, id: string): string[] {
  const by: string[] = []
  textRoom(textDoc).provenance.forEach((value) => {
    const entry = value as Partial<Provenance> | undefined
    if (entry?.proposal === id && typeof entry.by === 'string') by.push(entry.by)
  })
  return by
}

/** Why deciding an open proposal `before` as `after` (by `actor`) contradicts the text room `textDoc`, or null. */
export function refuseDecisionAgainstText(
  before: Proposal,
  after: Proposal,
  actor: Actor,
  textDoc: Y.Doc,
): string | null {
  if (before.status !== 'open' || after.status === 'open') return null
  const own = after.status === 'accepted' ? actor.username : null
  const other = acceptedInText(textDoc, before.id).find((by) => by !== own)
  if (other === undefined) return null
  const what =
    after.status === 'withdrawn' ? 'withdrawn' : after.status === 'set-aside' ? 'set aside' : 'accepted again'
  return `the text already records ${other}'s acceptance of this proposal: it can no longer be ${what}`
}
