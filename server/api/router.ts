/**
 * The `/api` router: JSON bodies, the resource routers, and errors as `{ error, details }`
 * for malformed JSON, oversized bodies and unknown routes — never an HTML error page.
 */
import express, { Router, type NextFunction, type Request, type Response } from 'express'
import { BadRequest } from '../bad-request.ts'
import type { Services } from '../services.ts'
import { accountRoutes } from './accounts.ts'
import { accountStatusRoutes } from './account-status.ts'
import { auditRoutes } from './audit.ts'
import { documentManagementRoutes } from './document-management.ts'
import { documentRoutes } from './documents.ts'
import { exportRoutes } from './exports.ts'
import { fairnessRoutes } from './fairness.ts'
import { limitRoutes } from './limits-route.ts'
import { sendError } from './responses.ts'
import { revisionRoutes } from './revisions.ts'
import { sessionRoutes } from './session.ts'
import { suggestionRoutes } from './suggestions.ts'
import { projectionRoutes } from './projections.ts'

/** Builds the API router. */
export function apiRouter(services: Services): Router {
  const router = Router()
  router.use(express.json({ limit: services.options.limits.maxBodyBytes }))
  router.use(sessionRoutes(services))
  router.use(limitRoutes(services))
  router.use(accountRoutes(services))
  router.use(accountStatusRoutes(services))
  router.use(auditRoutes(services))
  router.use(documentRoutes(services))
  router.use(documentManagementRoutes(services))
  router.use(exportRoutes(services))
  router.use(revisionRoutes(services))
  router.use(fairnessRoutes(services))
  router.use(suggestionRoutes(services))
  router.use(projectionRoutes(services))
  router.use((req, res) =>
    sendError(res, 404, 'no such API route', [{ field: 'path', message: `${req.method} ${req.path}` }]),
  )
  router.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    if (error.type === 'entity.parse.failed')
      return sendError(res, 400, 'malformed JSON', [{ field: 'body', message: error.message }])
    if (error instanceof BadRequest)
      return sendError(res, 400, error.message, [{ field: 'request', message: error.hint }])
    if (error.type === 'entity.too.large')
      return sendError(res, 413, 'body too large', [
        { field: 'body', message: `over ${services.options.limits.maxBodyBytes} bytes` },
      ])
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500
    if (status === 500) services.options.log(`accord: API error: ${error.stack ?? error.message}`)
    sendError(res, status, status === 500 ? 'internal error' : error.message, [
      { field: 'body', message: error.message },
    ])
  })
  return router
}
