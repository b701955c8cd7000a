/**
 * The roles a negotiation knows. Who may write what is decided per room in
 * `server/sync/policy.ts`; this module only names the roles.
 */

/** Every role, in order of authority. */
export const roles = ['secretariat', 'co-chair', 'delegation', 'observer'] as const

/** A role an account holds. */
export type Role = (typeof roles)[number]

/** True for the roles that manage the record (accounts, documents, revisions). */
export const managesDocuments = (role: Role): boolean => role === 'secretariat'

/** True for the roles that own the text between sessions (revisions, direct edits). */
export const ownsText = (role: Role): boolean => role === 'secretariat' || role === 'co-chair'
