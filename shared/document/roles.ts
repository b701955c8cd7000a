/**
 * The roles a negotiation knows, and what each may do. Every rights check in the
 * product — the server's judgement of a message, an API route, the editor's choice of
 * which controls to show — asks one of these predicates; none spells out a role list.
 */

/** Every role, in order of authority. */
export const ROLES = ['secretariat', 'co-chair', 'delegation', 'observer'] as const

/** A role an account holds. */
export type Role = (typeof ROLES)[number]

/** The account behind a change, as the rights checks see it. */
export interface Actor {
  username: string
  role: Role
  /** The Party a delegation speaks for. */
  party?: string
}

/** True for a string that names a role. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/**
 * May edit the text and the model beside it: resolve brackets and options, set values and
 * inscriptions, streamline, make and restore revisions, and sign the document's log.
 * The co-chairs own the text between sessions; the secretariat keeps the record.
 */
export function mayStreamline(role: Role): boolean {
  return role === 'co-chair' || role === 'secretariat'
}

/** May accept, set aside or reopen a Party's proposal. */
export function mayDecide(role: Role): boolean {
  return role === 'co-chair' || role === 'secretariat'
}

/** Speaks for a Party: a delegation's account is bound to one Party, no other role's is. */
export function speaksForAParty(role: Role): boolean {
  return role === 'delegation'
}

/** May make proposals and take stances: a delegation, for its own Party only. */
export function mayPropose(actor: Pick<Actor, 'role' | 'party'>): boolean {
  return speaksForAParty(actor.role) && !!actor.party
}

/** May propose, inscribe or take a stance for `party`: only that Party's delegation. */
export function mayProposeFor(actor: Pick<Actor, 'role' | 'party'>, party: string): boolean {
  return mayPropose(actor) && actor.party === party
}

/** Manages the record: accounts, documents, uploads. */
export function managesRecord(role: Role): boolean {
  return role === 'secretariat'
}

/** May write anything at all (observers read every room and write none). */
export function writesAnything(role: Role): boolean {
  return role !== 'observer'
}
