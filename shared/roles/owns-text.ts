/**
 * The one predicate the comment and pending-change rules need: who owns the
 * text between sessions — co-chairs and the secretariat. They resolve
 * comments, record what was said from the floor for any Party, and accept or
 * reject pending changes. (`server/auth/roles.ts` has the same predicate for
 * the server's own checks; one of the two should re-export the other when the
 * document owner lands.)
 */

/** The roles of a negotiation. */
export type NegotiationRole = 'secretariat' | 'co-chair' | 'delegation' | 'observer'

/** True for co-chairs and the secretariat. */
export function ownsText(role: NegotiationRole): boolean {
  return role === 'secretariat' || role === 'co-chair'
}
