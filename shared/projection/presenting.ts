/**
 * Presenting: the co-chair who runs the session shows the room where the text stands. The
 * presenter's editor announces, in its presence in the text room, where the caret is
 * (`presenting`); the projection on the room's screen follows the latest presenter. Who may
 * present is one predicate, and the server drops a presence that claims to present for
 * anyone else, or in another account's name.
 */
import { mayStreamline, type Actor, type Role } from '../document/roles.ts'

/** The presence field a presenter's editor sets. */
export const PRESENTING_FIELD = 'presenting'

/** What a presenter announces: since when they present, and the caret as a Yjs relative position. */
export interface Presenting {
  /** When this presenter started presenting (ms since the epoch): the latest presenter leads. */
  since: number
  /** When the caret last moved to another paragraph (ms since the epoch; the benchmark's clock). */
  movedAt: number
  /** `Y.relativePositionToJSON` of the caret, in the text fragment. */
  caret: unknown
}

/**
 * May present to the room and make or revoke projection links: the people who run the
 * session, those who own the text (co-chairs and the secretariat).
 */
export function mayPresent(role: Role): boolean {
  return mayStreamline(role)
}

/**
 * Why the server drops a presence state `actor` announces, or null: a state that presents
 * must come from someone who may present, under their own name.
 */
export function refusePresence(actor: Pick<Actor, 'username' | 'role'>, state: unknown): string | null {
  if (!state || typeof state !== 'object' || !(PRESENTING_FIELD in state)) return null
  const presenting = (state as Record<string, unknown>)[PRESENTING_FIELD]
  if (presenting === null || presenting === undefined) return null
  if (!mayPresent(actor.role)) return `${actor.role} accounts do not present`
  const name = ((state as { user?: { name?: unknown } }).user ?? {}).name
  return name === actor.username ? null : 'a presenter presents under their own name'
}
