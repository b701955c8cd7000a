/**
 * Where a request carries its token: `Authorization: Bearer` or the `accord_token`
 * cookie. Never the URL: a sync socket from a browser sends its token as its first
 * message instead (`shared/document/session-message.ts`), so proxies and access logs
 * never see it.
 */
import type { IncomingMessage } from 'node:http'
import { BadRequest } from '../bad-request.ts'

/** The cookie that holds the session token. */
export const tokenCookie = 'accord_token'

/** The token of an `Authorization: Bearer` header, if any (API clients, Node sync clients). */
export function bearerToken(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined
}

/**
 * The token of the `accord_token` cookie, if any. Throws `BadRequest` (400) for a cookie
 * that is not valid percent-encoding: anyone can plant such a cookie, and it must cost
 * the request, not the process.
 */
export function cookieToken(req: IncomingMessage): string | undefined {
  const cookie = req.headers.cookie
  if (!cookie) return undefined
  for (const part of cookie.split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === tokenCookie) return decodeCookieValue(value.join('='))
  }
  return undefined
}

/** The token on an API request: the Bearer header, else the cookie. */
export function requestToken(req: IncomingMessage): string | undefined {
  return bearerToken(req) ?? cookieToken(req)
}

/** A named cookie's raw value (for cookies whose value is plain base64url), if present. */
export function cookieValue(req: IncomingMessage, cookieName: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === cookieName) return value.join('=')
  }
  return undefined
}

function decodeCookieValue(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    throw new BadRequest(
      `the ${tokenCookie} cookie is not valid percent-encoding`,
      'log in again to replace the cookie',
    )
  }
}

/**
 * The request's target as a URL. Throws `BadRequest` for a target `new URL` cannot read
 * (an absolute-form target such as `http://a:99999/x` with an impossible port).
 */
export function requestUrl(req: IncomingMessage): URL {
  try {
    return new URL(req.url ?? '/', 'http://localhost')
  } catch {
    throw new BadRequest('the request target is not a valid URL', 'send a path such as /sync/DOC_ID')
  }
}
