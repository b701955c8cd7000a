/**
 * CSRF defence for the API: a state-changing request (anything but GET, HEAD and OPTIONS)
 * that carries no Bearer token — so the browser's cookie would authenticate it, or it is a
 * login — is refused with 403 when its page is another site's (`origin-policy.ts`).
 * SameSite=Strict stays as a second wall; bearer clients are not affected.
 */
import type { NextFunction, Request, Response } from 'express'
import type { OriginPolicy } from '../origin-policy.ts'
import type { Services } from '../services.ts'
import { sendError } from './responses.ts'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Middleware: refuses cookie-authenticated state changes from foreign pages. */
export function refuseForeignOrigins(services: Services, origins: () => OriginPolicy) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (safeMethods.has(req.method)) return next()
    const why = origins().refusal(req)
    if (!why) return next()
    services.audit.record({
      kind: 'origin-refused',
      address: req.socket.remoteAddress,
      detail: { what: `${req.method} ${req.originalUrl.slice(0, 200)}`, why },
    })
    sendError(res, 403, 'request from another site refused', [
      { field: 'origin', message: `${why}; use Accord from its own address, or send an Authorization: Bearer token` },
    ])
  }
}
