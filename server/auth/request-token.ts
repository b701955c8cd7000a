/**
 * Where a request carries its token: `Authorization: Bearer`, the `accord_token` cookie,
 * or (for WebSocket upgrades, which browsers cannot give headers) `?token=`.
 */
import type { IncomingMessage } from 'node:http'

/** The cookie that holds the session token. */
export const tokenCookie = 'accord_token'

/** The token on a request, if any; `allowQuery` admits `?token=` (WebSocket only). */
export function requestToken(req: IncomingMessage, allowQuery: boolean): string | undefined {
  const auth = req.headers.authorization
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim()
  const cookie = req.headers.cookie
  if (cookie) {
    for (const part of cookie.split(';')) {
      const [name, ...value] = part.trim().split('=')
      if (name === tokenCookie) return decodeURIComponent(value.join('='))
    }
  }
  if (allowQuery) {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token')
    if (query) return query
  }
  return undefined
}
