/**
 * `GET /api/limits`: the limits a client must respect to be understood, so the editor can
 * weigh an edit before sending it rather than be closed for it (a frame over
 * `maxMessageBytes` closes the socket with 1009).
 */
import { Router } from 'express'
import type { Services } from '../services.ts'
import { requireAccount } from './authenticate.ts'

/** What `GET /api/limits` answers. */
export interface ClientLimits {
  /** Largest WebSocket message, in bytes. */
  maxMessageBytes: number
  /** Largest stored size of one room, in bytes. */
  maxDocumentBytes: number
}

/** The limits route. */
export function limitRoutes(services: Services): Router {
  const router = Router()
  router.get('/limits', requireAccount(services), (_req, res) => {
    const { maxMessageBytes, maxDocumentBytes } = services.options.limits
    res.json({ maxMessageBytes, maxDocumentBytes } satisfies ClientLimits)
  })
  return router
}
