/**
 * Named revisions of a document's text room: `POST` snapshots the current state as
 * 'Rev.1', 'Rev.2' …; list them; read one back as text.
 */
import { Router } from 'express'
import * as Y from 'yjs'
import { z } from 'zod'
import { documentText } from '../documents/template.ts'
import type { Services } from '../services.ts'
import { parseRoomName } from '../sync/policy.ts'
import { accountOf, requireAccount, requireRole } from './authenticate.ts'
import { lookupDocument } from './document-lookup.ts'
import { sendError, validate } from './responses.ts'

const revisionName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}$/, 'like "Rev.1": letters, digits, space . _ - (up to 40)')
const newRevision = z.object({ name: revisionName }).strict()
const revisionParams = z.object({ name: revisionName })

/** The revision routes. */
export function revisionRoutes(services: Services): Router {
  const router = Router()
  const auth = requireAccount(services)

  router.post('/documents/:id/revisions', auth, requireRole('secretariat', 'co-chair'), (req, res) => {
    const document = lookupDocument(services, req, res)
    if (!document) return
    const body = validate(newRevision, req.body ?? {}, 'body', res)
    if (!body) return
    const state = services.rooms.read(parseRoomName(document.id)!, (doc) => Y.encodeStateAsUpdate(doc))
    if (!services.revisions.create(document.id, body.name, state, accountOf(res).username)) {
      return sendError(res, 409, 'revision exists', [{ field: 'body.name', message: `"${body.name}" already exists` }])
    }
    res.status(201).json(services.revisions.list(document.id).find((r) => r.name === body.name))
  })

  router.get('/documents/:id/revisions', auth, (req, res) => {
    const document = lookupDocument(services, req, res)
    if (!document) return
    res.json(services.revisions.list(document.id))
  })

  router.get('/documents/:id/revisions/:name', auth, (req, res) => {
    const document = lookupDocument(services, req, res)
    if (!document) return
    const params = validate(revisionParams, { name: req.params.name }, 'params', res)
    if (!params) return
    const state = services.revisions.state(document.id, params.name)
    const record = services.revisions.list(document.id).find((r) => r.name === params.name)
    if (!state || !record) return sendError(res, 404, 'no such revision', [{ field: 'params.name', message: `no revision "${params.name}"` }])
    const doc = new Y.Doc()
    try {
      Y.applyUpdate(doc, state)
      res.json({ ...record, text: documentText(doc) })
    } catch (error) {
      sendError(res, 422, 'revision cannot be serialized', [{ field: 'params.name', message: (error as Error).message }])
    } finally {
      doc.destroy()
    }
  })

  return router
}
