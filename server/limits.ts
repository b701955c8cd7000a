/**
 * The service's resource limits and the login throttle that enforces one of them.
 * Limits exist so one client — buggy or hostile — cannot take the process down or
 * starve everyone else.
 */

/** The limits a running server enforces. */
export interface Limits {
  /** Largest WebSocket message accepted; bigger frames close that socket with 1009. */
  maxMessageBytes: number
  /** Largest stored size of one room (its update log); updates beyond it are refused. */
  maxDocumentBytes: number
  /** Open sync connections one account may hold at once. */
  maxConnectionsPerAccount: number
  /**
   * Login attempts per username in one minute. A remote address gets ten times this,
   * because a delegation hall often shares one address behind NAT.
   */
  loginAttemptsPerMinute: number
  /** Largest HTTP JSON or text body (an uploaded non-paper). */
  maxBodyBytes: number
  /** Refused updates one socket may send before it is closed with 4403. */
  refusalsBeforeClose: number
}

/** Defaults sized for a negotiation room: a few hundred participants, texts of a few MB. */
export const defaultLimits: Limits = {
  maxMessageBytes: 4 * 1024 * 1024,
  maxDocumentBytes: 64 * 1024 * 1024,
  maxConnectionsPerAccount: 20,
  loginAttemptsPerMinute: 10,
  maxBodyBytes: 8 * 1024 * 1024,
  refusalsBeforeClose: 3,
}

/** Counts login attempts in a sliding one-minute window per key (username, address). */
export class LoginThrottle {
  private readonly attempts = new Map<string, number[]>()

  /** Records an attempt for every key with its budget per minute; false when any key is over it. */
  admit(keys: { key: string; perMinute: number }[], now = Date.now()): boolean {
    let admitted = true
    for (const { key, perMinute } of keys) {
      const recent = (this.attempts.get(key) ?? []).filter((t) => now - t < 60_000)
      if (recent.length >= perMinute) admitted = false
      recent.push(now)
      this.attempts.set(key, recent)
    }
    if (this.attempts.size > 10_000) this.prune(now)
    return admitted
  }

  private prune(now: number): void {
    for (const [key, times] of this.attempts) if (times.every((t) => now - t >= 60_000)) this.attempts.delete(key)
  }
}
