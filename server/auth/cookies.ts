/**
 * The cookies Accord sets: the session token (`accord_token`) and the device cookie of the
 * login throttle (`accord_device`). Both HttpOnly (no script reads them) and
 * SameSite=Strict (no other site's request carries them); `Secure` when Accord is
 * published over https (`ACCORD_PUBLIC_URL`).
 */
import type { CookieOptions } from 'express'

/** True when Accord is published over https. */
export function isHttps(options: { publicUrl?: string }): boolean {
  return options.publicUrl?.startsWith('https:') ?? false
}

/** The options of a cookie that lasts until `expires`. */
export function cookieOptions(options: { publicUrl?: string }, expires: Date): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', path: '/', secure: isHttps(options), expires }
}
