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
import { accountOf, requireAccount, requireRight } from './authenticate.ts'
import { mayStreamline } from '../../shared/document/roles.ts'
import { compareRoutes } from './compare.ts'
import { lookupDocument } from './document-lookup.ts'
import { sendError, validate } from './responses.ts'
import { draftStates, lookupRevision, newRevisionName } from './revision-lookup.ts'
import { logEntryUpdate } from '../documents/log-writing.ts'
import { writeRoom } from '../sync/server-write.ts'

const newRevision = z.object({ name: newRevisionName.optional() }).strict()

/** The revision routes. */
export function revisionRoutes(services: Services): Router {
  const router = Router()
  const auth = requireAccount(services)
  const streamliners = requireRight(mayStreamline, 'co-chairs and the secretariat')

  router.post('/documents/:id/revisions', auth, streamliners, (req, res) => {
    const document = lookupDocument(services, req, res)
    if (!document) return
    const body = validate(newRevision, req.body ?? {}, 'body', res)
    if (!body) return
    const name = body.name ?? services.revisions.nextName(document.id)
    const states = draftStates(services, document.id)
    if (
      !services.revisions.create(document.id, name, states.text, accountOf(res).username, {
        proposals: states.proposals,
      })
    ) {
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
      sendError(res, 422, 'revision cannot be serialized', [
        { field: 'params.name', message: (error as Error).message },
      ])
    } finally {
      doc.destroy()
    }
  })

  router.post('/documents/:id/revisions/:name/restore', auth, streamliners, (req, res) => {
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
    const failure = writeRoom(services, document.id, 'text', (doc) => restoreUpdate(doc, revision.states.text))
    if (failure) return sendError(res, 422, 'revision cannot be restored', [{ field: 'params.name', message: failure }])
    const account = accountOf(res)
    const signed = writeRoom(services, document.id, 'proposals', (doc) =>
      logEntryUpdate(
        doc,
        { username: account.username, role: account.role },
        {
          op: 'restore',
          ids: [],
          summary: `restored ${revision.record.name} as ${name}: the working draft says what ${revision.record.name} said`,
        },
      ),
    )
    if (signed)
      services.options.log(`accord: the restore of ${revision.record.name} in ${document.id} was not logged: ${signed}`)
    const states = draftStates(services, document.id)
    services.revisions.create(document.id, name, states.text, account.username, {
      proposals: states.proposals,
      restoredFrom: revision.record.name,
    })
    res.status(201).json(services.revisions.get(document.id, name))
  })

  router.use(compareRoutes(services))
  return router
}
