/**
 * When a session ends — logout, expiry, a password reset, the account disabled or given
 * another role — everything that session holds open must end with it, at once: the sync
 * endpoint listens here and closes the matching sockets with 4401. One place announces
 * ends, so no route can end a session and forget the sockets.
 */

/** Why a session ended, as the closing socket's reason says it. */
export type SessionEndReason = 'logged out' | 'session expired' | 'password reset' | 'account disabled' | 'role changed'

/** A session that ended: one session (`sessionId`) or every session of the account. */
export interface SessionEnd {
  accountId: number
  /** The ended session's id (its token digest); absent when all the account's sessions ended. */
  sessionId?: string
  reason: SessionEndReason
}

/** Subscribers to session ends. */
export class SessionEnds {
  private readonly listeners = new Set<(end: SessionEnd) => void>()

  /** Calls `listener` for every end until the returned function is called. */
  listen(listener: (end: SessionEnd) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Tells every listener, synchronously: when this returns, the sockets are closing. */
  announce(end: SessionEnd): void {
    for (const listener of this.listeners) listener(end)
  }
}
