/**
 * Login throttling that cannot be turned against the person it protects.
 *
 * - Failures are counted per (username, caller). After `freeFailures` of them the caller
 *   waits before its next try for that username: 1 s, 2 s, 4 s … up to 15 minutes; a
 *   success clears the count. Another caller's failures never delay this one.
 * - A caller is its address, or — once it has logged in as that username from this
 *   browser — the device cookie it got then (OWASP's "device cookies"): someone guessing
 *   the secretariat's password behind the same NAT as the secretariat throttles only
 *   themselves, and the secretariat's own browser goes on logging in.
 * - Every address has a ceiling of failed logins in a sliding 15-minute window, whatever
 *   the usernames (password spraying); past it that address's callers without a device
 *   cookie for the username they try are refused. The ceiling counts failures only, so a
 *   hall of delegates logging in correctly never reaches it.
 *
 * A refused attempt is answered before any password is checked, so the throttle also
 * bounds the scrypt work one address can cause.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { usernameKey } from './username.ts'

/** The cookie that makes a browser a known caller for one username. */
export const deviceCookie = 'accord_device'

/** How long a device cookie is honoured. */
export const deviceCookieMs = 180 * 86_400_000

const windowMs = 15 * 60_000
const maxDelayMs = 15 * 60_000

/** The throttle's settings. */
export interface ThrottleLimits {
  /** Failures per (username, caller) before backoff starts. */
  freeFailures: number
  /** Failed logins per address in 15 minutes before that address is refused (device-cookie callers aside). */
  addressFailures: number
}

/** A login attempt as the throttle sees it. */
export interface Attempt {
  username: string
  address: string
  /** The request's device cookie, if any. */
  device?: string
}

/** Whether an attempt may go on to the password check; if not, in how many seconds to try again. */
export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number; why: 'backoff' | 'address' }

interface Failures {
  count: number
  last: number
}

/** Counts failed logins and says who must wait. */
export class LoginThrottle {
  private readonly failures = new Map<string, Failures>()
  private readonly byAddress = new Map<string, number[]>()
  constructor(
    private readonly limits: ThrottleLimits,
    /** The key device cookies are signed with; kept in the store, so they outlive a restart. */
    private readonly secret: Buffer,
  ) {}

  /** Whether `attempt` may be checked now. */
  admit(attempt: Attempt, now = Date.now()): Admission {
    const known = this.knownDevice(attempt)
    const failures = this.failures.get(this.key(attempt, known))
    if (failures && failures.count >= this.limits.freeFailures) {
      const delay = Math.min(1000 * 2 ** (failures.count - this.limits.freeFailures), maxDelayMs)
      const wait = failures.last + delay - now
      if (wait > 0) return { admitted: false, retryAfterSeconds: Math.ceil(wait / 1000), why: 'backoff' }
    }
    if (!known) {
      const recent = this.recentAddressFailures(attempt.address, now)
      if (recent.length >= this.limits.addressFailures)
        return { admitted: false, retryAfterSeconds: Math.ceil((recent[0]! + windowMs - now) / 1000), why: 'address' }
    }
    return { admitted: true }
  }

  /** Records a failed check of `attempt`. */
  failed(attempt: Attempt, now = Date.now()): void {
    const key = this.key(attempt, this.knownDevice(attempt))
    const failures = this.failures.get(key)
    this.failures.set(key, { count: (failures?.count ?? 0) + 1, last: now })
    const recent = this.recentAddressFailures(attempt.address, now)
    recent.push(now)
    this.byAddress.set(attempt.address, recent)
    if (this.failures.size > 50_000 || this.byAddress.size > 50_000) this.prune(now)
  }

  /** Records a success: the (username, caller) count is cleared; returns the device cookie value to set. */
  succeeded(attempt: Attempt): string {
    this.failures.delete(this.key(attempt, this.knownDevice(attempt)))
    this.failures.delete(this.key(attempt, false))
    return this.deviceFor(attempt.username)
  }

  private key(attempt: Attempt, known: boolean): string {
    const caller = known ? `device:${attempt.device}` : `addr:${attempt.address}`
    return `${usernameKey(attempt.username)}\n${caller}`
  }

  /** A device cookie is `nonce.mac`, the MAC binding the nonce to one username (the store's key). */
  private deviceFor(username: string): string {
    const nonce = randomBytes(16).toString('base64url')
    return `${nonce}.${this.mac(nonce, username)}`
  }

  private knownDevice(attempt: Attempt): boolean {
    const [nonce, mac] = (attempt.device ?? '').split('.')
    if (!nonce || !mac) return false
    const expected = Buffer.from(this.mac(nonce, attempt.username))
    const given = Buffer.from(mac)
    return expected.length === given.length && timingSafeEqual(expected, given)
  }

  private mac(nonce: string, username: string): string {
    return createHmac('sha256', this.secret)
      .update(`${nonce}\n${usernameKey(username)}`)
      .digest('base64url')
  }

  private recentAddressFailures(address: string, now: number): number[] {
    return (this.byAddress.get(address) ?? []).filter((t) => now - t < windowMs)
  }

  private prune(now: number): void {
    for (const [key, failures] of this.failures)
      if (now - failures.last > maxDelayMs + windowMs) this.failures.delete(key)
    for (const [address, times] of this.byAddress)
      if (times.every((t) => now - t >= windowMs)) this.byAddress.delete(address)
  }
}
