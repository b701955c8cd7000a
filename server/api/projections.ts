/**
 * Projection links, for the screen in the room:
 * - `POST /documents/:id/projections` makes a read-only link (co-chairs and the secretariat);
 *   the answer carries the token once;
 * - `GET /documents/:id/projections` lists the working links (same right), never their tokens;
 * - `DELETE /documents/:id/projections/:link` revokes one: its screens go dark at once;
 * - `GET /projection`, with the link's token as bearer, says which document and room it shows.
 */
import { Router } from 'express'
import { z } from 'zod'
import { bearerToken } from '../auth/request-token.ts'
import type { Services } from '../services.ts'
import { roomName } from '../../shared/document/rooms.ts'
import { mayPresent } from '../../shared/projection/presenting.ts'
import { accountOf, requireAccount, requireRight } from './authenticate.ts'
import { lookupDocument } from './document-lookup.ts'
import { sendError, validate } from './responses.ts'

const linkParams = z.object({ link: z.coerce.number().int().positive() })

/** The projection routes. */
export function projectionRoutes(services: Services): Router {
  const router = Router()
  const presenters = [requireAccount(services), requireRight(mayPresent, 'co-chairs and the secretariat')]

  router.post('/documents/:id/projections', ...presenters, (req, res) => {
    const document = lookupDocument(services, req, res)
    if (!document) return
    res.status(201).json(services.projections.create(document.id, accountOf(res).username))
  })

  router.get('/documents/:id/projections', ...presenters, (req, res) => {
    const document = lookupDocument(services, req, res)
    if (!document) return
    res.json(services.projections.list(document.id))
  })

  router.delete('/documents/:id/projections/:link', ...presenters, (req, res) => {
    const document = lookupDocument(services, req, res)
    if (!document) return
    const params = validate(linkParams, { link: req.params.link }, 'params', res)
    if (!params) return
    if (!services.projections.revoke(document.id, params.link))
      return sendError(res, 404, 'no such projection link', [
        { field: 'params.link', message: `no working link ${params.link} to "${document.id}"` },
      ])
    res.status(204).end()
  })

  router.get('/projection', (req, res) => {
    const link = services.projections.resolve(bearerToken(req))
    if (!link)
      return sendError(res, 401, 'this projection link does not work', [
        { field: 'token', message: 'missing, unknown or revoked projection token' },
      ])
    const document = services.documents.get(link.documentId)
    if (!document) return sendError(res, 404, 'no such document', [{ field: 'token', message: 'its document is gone' }])
    res.json({ document: { id: document.id, title: document.title }, room: roomName(document.id, 'text') })
  })

  return router
}
