/**
 * The headers every response carries so that a browser limits what a page from Accord,
 * or a page embedding it, can do:
 *
 * - `Content-Security-Policy`: scripts, styles, fonts, images and connections from
 *   Accord's own origin only (the built editor is one module script and one stylesheet;
 *   no inline script, no inline style attribute, no eval); no plugins; no `<base>`; forms
 *   post only here; and `frame-ancestors 'none'` — no page may frame Accord
 *   (clickjacking). A view meant to be framed (the projection view) opts in with
 *   `allowFraming`.
 * - `X-Frame-Options: DENY` for browsers older than `frame-ancestors`.
 * - `X-Content-Type-Options: nosniff`; `Referrer-Policy: no-referrer` (document ids and
 *   room names stay out of other sites' logs); `Cross-Origin-Opener-Policy: same-origin`.
 * - `Strict-Transport-Security` when Accord is published over https.
 * - `Cache-Control: no-store` on the API: a shared or back-button cache must not keep a
 *   negotiating text or an account list.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express'

const baseDirectives: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
}

function policy(frameAncestors: string): string {
  return Object.entries({ ...baseDirectives, 'frame-ancestors': frameAncestors })
    .map(([name, value]) => `${name} ${value}`)
    .join('; ')
}

/** The Content-Security-Policy every page gets unless it opts in to framing. */
export const contentSecurityPolicy = policy("'none'")

/** Middleware: the security headers on every response; `https` adds HSTS. */
export function securityHeaders(options: { https: boolean }): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', contentSecurityPolicy)
    res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'no-referrer')
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    if (options.https) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
    next()
  }
}

/**
 * Middleware for a route that may be framed by the pages of `origins` (e.g. the projection
 * view shown inside a conference screen's page): its `frame-ancestors` lists them instead
 * of `'none'`, and X-Frame-Options (which cannot express a list) is dropped.
 */
export function allowFraming(origins: string[]): RequestHandler {
  const ancestors = origins.map((origin) => new URL(origin).origin).join(' ') || "'none'"
  return (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', policy(ancestors))
    res.removeHeader('X-Frame-Options')
    next()
  }
}

/** Middleware: API answers are never stored by a cache. */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store')
  next()
}
