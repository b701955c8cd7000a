/**
 * Sessions: `POST /api/login` trades a username and password for a token (JSON and an
 * HttpOnly cookie); `POST /api/logout` ends it — and closes its sync sockets at once;
 * `GET /api/me` says who the token is. Failed logins are throttled per (username, caller)
 * and per address (`auth/login-throttle.ts`); every login, failure and logout goes to the
 * audit trail.
 */
import { Router, type Request } from 'express'
import { z } from 'zod'
import { cookieOptions } from '../auth/cookies.ts'
import { deviceCookie, deviceCookieMs, type Attempt } from '../auth/login-throttle.ts'
import { cookieValue, requestToken, tokenCookie } from '../auth/request-token.ts'
import type { Services } from '../services.ts'
import { accountOf, requireAccount } from './authenticate.ts'
import { sendError, validate } from './responses.ts'

const loginBody = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(1000),
})

const addressOf = (req: Request): string => req.socket.remoteAddress ?? 'unknown'

/** The session routes. */
export function sessionRoutes(services: Services): Router {
  const router = Router()

  router.post('/login', async (req, res) => {
    const body = validate(loginBody, req.body, 'body', res)
    if (!body) return
    const attempt: Attempt = {
      username: body.username,
      address: addressOf(req),
      device: cookieValue(req, deviceCookie),
    }
    const admission = services.loginThrottle.admit(attempt)
    if (!admission.admitted) {
      services.audit.record({
        kind: 'login-throttled',
        accountId: services.accounts.byUsername(body.username)?.id,
        username: body.username,
        address: attempt.address,
        detail: { why: admission.why, retryAfterSeconds: admission.retryAfterSeconds },
      })
      res.setHeader('Retry-After', String(admission.retryAfterSeconds))
      const why =
        admission.why === 'backoff'
          ? 'too many wrong passwords for this username from here'
          : 'too many failed logins from this address'
      return sendError(res, 429, `${why}; try again in ${admission.retryAfterSeconds} s`, [
        { field: 'body.username', message: `wait ${admission.retryAfterSeconds} s` },
      ])
    }
    const result = await services.accounts.authenticate(body.username, body.password)
    if (!result.ok) {
      services.loginThrottle.failed(attempt)
      services.audit.record({
        kind: 'login-failed',
        accountId: result.account?.id,
        username: body.username,
        address: attempt.address,
        detail: { reason: result.reason },
      })
      if (result.reason === 'disabled')
        return sendError(res, 403, 'this account is disabled', [
          { field: 'body.username', message: 'ask the secretariat to re-enable it' },
        ])
      return sendError(res, 401, 'wrong username or password', [{ field: 'body.password', message: 'does not match' }])
    }
    const { account } = result
    const device = services.loginThrottle.succeeded(attempt)
    services.audit.record({
      kind: 'login',
      accountId: account.id,
      username: account.username,
      address: attempt.address,
    })
    const { token, expiresAt } = services.tokens.issue(account)
    res.cookie(tokenCookie, token, cookieOptions(services.options, new Date(expiresAt)))
    res.cookie(deviceCookie, device, cookieOptions(services.options, new Date(Date.now() + deviceCookieMs)))
    res.json({ token, expiresAt: new Date(expiresAt).toISOString(), account })
  })

  router.post('/logout', requireAccount(services), (req, res) => {
    const token = requestToken(req)
    const account = accountOf(res)
    if (token) services.tokens.revoke(token)
    services.audit.record({
      kind: 'logout',
      accountId: account.id,
      username: account.username,
      address: addressOf(req),
    })
    res.clearCookie(tokenCookie, { path: '/' })
    res.status(204).end()
  })

  router.get('/me', requireAccount(services), (_req, res) => {
    res.json(accountOf(res))
  })

  return router
}
