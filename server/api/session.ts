/**
 * Sessions: `POST /api/login` trades a username and password for a token (JSON and an
 * HttpOnly cookie); `POST /api/logout` ends it; `GET /api/me` says who the token is.
 */
import { Router } from 'express'
import { z } from 'zod'
import { requestToken, tokenCookie } from '../auth/request-token.ts'
import type { Services } from '../services.ts'
import { accountOf, requireAccount } from './authenticate.ts'
import { sendError, validate } from './responses.ts'

const loginBody = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(1000),
})

/** The session routes. */
export function sessionRoutes(services: Services): Router {
  const router = Router()

  router.post('/login', async (req, res) => {
    const body = validate(loginBody, req.body, 'body', res)
    if (!body) return
    const perMinute = services.options.limits.loginAttemptsPerMinute
    const admitted = services.loginThrottle.admit([
      { key: `user:${body.username}`, perMinute },
      { key: `addr:${req.socket.remoteAddress}`, perMinute: perMinute * 10 },
    ])
    if (!admitted) {
      return sendError(res, 429, 'too many login attempts; wait a minute', [
        { field: 'body.username', message: 'rate limited' },
      ])
    }
    const account = await services.accounts.authenticate(body.username, body.password)
    if (!account)
      return sendError(res, 401, 'wrong username or password', [{ field: 'body.password', message: 'does not match' }])
    const { token, expiresAt } = services.tokens.issue(account)
    res.cookie(tokenCookie, token, { httpOnly: true, sameSite: 'strict', path: '/', expires: new Date(expiresAt) })
    res.json({ token, expiresAt: new Date(expiresAt).toISOString(), account })
  })

  router.post('/logout', requireAccount(services), (req, res) => {
    const token = requestToken(req, false)
    if (token) services.tokens.revoke(token)
    res.clearCookie(tokenCookie, { path: '/' })
    res.status(204).end()
  })

  router.get('/me', requireAccount(services), (_req, res) => {
    res.json(accountOf(res))
  })

  return router
}
