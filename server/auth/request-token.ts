/**
 * Where a request carries its token: `Authorization: Bearer`, the `accord_token` cookie,
 * or (for WebSocket upgrades, which browsers cannot give headers) `?token=`.
 */
import type { IncomingMessage } from 'node:http'
import { BadRequest } from '../bad-request.ts'

/** The cookie that holds the session token. */
export const tokenCookie = 'accord_token'

/**
 * The token on a request, if any; `allowQuery` admits `?token=` (WebSocket only).
 * Throws `BadRequest` (400) for a cookie that is not valid percent-encoding: anyone can
 * plant such a cookie, and it must cost the request, not the process.
 */
export function requestToken(req: IncomingMessage, allowQuery: boolean): string | undefined {
  const auth = req.headers.authorization
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim()
  const cookie = req.headers.cookie
  if (cookie) {
    for (const part of cookie.split(';')) {
      const [name, ...value] = part.trim().split('=')
      if (name === tokenCookie) return decodeCookieValue(value.join('='))
    }
  }
  if (allowQuery) {
    const query = requestUrl(req).searchParams.get('token')
    if (query) return query
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
