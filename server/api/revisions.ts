/**
 * Named revisions of a document: `POST` snapshots the working draft (its text room and
 * its proposals room) as 'Rev.1', 'Rev.2' …; list them; read one back as text with its
 * structure; restore one, which makes the draft say what it said as a new change and
 * records that as a new revision — no revision is ever deleted or rewritten.
 */
import { Router } from 'express'
import * as Y from 'yjs'
import { z } from 'zod'
import { revisionStructure, restoreUpdate } from '../documents/revision-reading.ts'
import { documentText } from '../documents/template.ts'
import type { Services } from '../services.ts'
import { parseRoomName, roomName } from '../sync/policy.ts'
import { accountOf, requireAccount, requireRole } from './authenticate.ts'
import { compareRoutes } from './compare.ts'
import { lookupDocument } from './document-lookup.ts'
import { sendError, validate } from './responses.ts'
import { draftStates, lookupRevision, newRevisionName } from './revision-lookup.ts'

const newRevision = z.object({ name: newRevisionName.optional() }).strict()

/** The revision routes. */
export function revisionRoutes(services: Services): Router {
  const router = Router()
  const auth = requireAccount(services)

  router.post('/documents/:id/revisions', auth, requireRole('secretariat', 'co-chair'), (req, res) => {
    const document = lookupDocument(services, req, res)
    if (!document) return
    const body = validate(newRevision, req.body ?? {}, 'body', res)
    if (!body) return
    const name = body.name ?? services.revisions.nextName(document.id)
    const states = draftStates(services, document.id)
    if (!services.revisions.create(document.id, name, states.text, accountOf(res).username, { proposals: states.proposals })) {
      return sendError(res, 409, 'revision exists', [{ field: 'body.name', message: `"${name}" already exists` }])
    }
    res.status(201).json(services.revisions.get(document.id, name))
  })

  router.get('/documents/:id/revisions', auth, (req, res) => {
    const document = lookupDocument(services, req, res)
    if (!document) return
    res.json(services.revisions.list(document.id))
  })

  router.get('/documents/:id/revisions/:name', auth, (req, res) => {
    const document = lookupDocument(services, req, res)
    if (!document) return
    const revision = lookupRevision(services, document, req.params.name, 'params.name', res)
    if (!revision) return
    const doc = new Y.Doc()
    try {
      Y.applyUpdate(doc, revision.states.text)
      res.json({ ...revision.record, text: documentText(doc), structure: revisionStructure(revision.states.text) })
    } catch (error) {
      sendError(res, 422, 'revision cannot be serialized', [{ field: 'params.name', message: (error as Error).message }])
    } finally {
      doc.destroy()
    }
  })

  router.post('/documents/:id/revisions/:name/restore', auth, requireRole('secretariat', 'co-chair'), (req, res) => {
    const document = lookupDocument(services, req, res)
    if (!document) return
    const revision = lookupRevision(services, document, req.params.name, 'params.name', res)
    if (!revision) return
    const body = validate(newRevision, req.body ?? {}, 'body', res)
    if (!body) return
    const name = body.name ?? services.revisions.nextName(document.id)
    if (services.revisions.get(document.id, name)) {
      return sendError(res, 409, 'revision exists', [{ field: 'body.name', message: `"${name}" already exists` }])
    }
    const address = parseRoomName(roomName(document.id, 'text'))!
    const room = services.rooms.open(address)
    let failure: string | undefined
    try {
      services.rooms.relay.flush()
      const update = restoreUpdate(room.doc, revision.states.text)
      if (update) {
        // Through the durable relay like a co-chair's edit: appended, committed, then relayed.
        services.rooms.relay.submit(room, { closeMalformed: (reason) => (failure = reason) }, update)
        services.rooms.relay.flush()
        if (services.rooms.get(address.name) !== room) failure = 'the store refused the change'
      }
    } catch (error) {
      failure = (error as Error).message
    } finally {
      services.rooms.release(room)
    }
    if (failure) return sendError(res, 422, 'revision cannot be restored', [{ field: 'params.name', message: failure }])
    const states = draftStates(services, document.id)
    services.revisions.create(document.id, name, states.text, accountOf(res).username, { proposals: states.proposals, restoredFrom: revision.record.name })
    res.status(201).json(services.revisions.get(document.id, name))
  })

  router.use(compareRoutes(services))
  return router
}
