/**
 * Comparing revisions, and the bracket history: `GET /documents/:id/compare?from=Rev.1&to=Rev.2`
 * (either side may be `draft`, the working draft) answers the word-level and structural
 * comparison; `GET /documents/:id/bracket-history` what remains open per section at each
 * revision and in the draft.
 */
import { Router, type Response } from 'express'
import { z } from 'zod'
import { compareStates, revisionRemaining, type StatesOf } from '../documents/revision-reading.ts'
import type { Services } from '../services.ts'
import type { DocumentRecord } from '../store/documents.ts'
import { requireAccount } from './authenticate.ts'
import { lookupDocument } from './document-lookup.ts'
import { sendError, validate } from './responses.ts'
import { DRAFT, draftStates, lookupRevision, revisionName } from './revision-lookup.ts'

const compareQuery = z.object({ from: revisionName, to: revisionName.default(DRAFT) })

/** The states of revision `name` (or the draft), or undefined after answering 404. */
function sideOf(
  services: Services,
  document: DocumentRecord,
  name: string,
  field: string,
  res: Response,
): StatesOf | undefined {
  if (name === DRAFT) return { name, ...draftStates(services, document.id) }
  const revision = lookupRevision(services, document, name, field, res)
  return revision && { name, text: revision.states.text, proposals: revision.states.proposals }
}

/** The comparison routes. */
export function compareRoutes(services: Services): Router {
  const router = Router()
  const auth = requireAccount(services)

  router.get('/documents/:id/compare', auth, (req, res) => {
    const document = lookupDocument(services, req, res)
    if (!document) return
    const query = validate(compareQuery, req.query, 'query', res)
    if (!query) return
    const from = sideOf(services, document, query.from, 'query.from', res)
    if (!from) return
    const to = sideOf(services, document, query.to, 'query.to', res)
    if (!to) return
    try {
      res.json(compareStates(from, to))
    } catch (error) {
      sendError(res, 422, 'revisions cannot be compared', [{ field: 'query', message: (error as Error).message }])
    }
  })

  router.get('/documents/:id/bracket-history', auth, (req, res) => {
    const document = lookupDocument(services, req, res)
    if (!document) return
    try {
      const revisions = services.revisions.list(document.id).map((record) => ({
        name: record.name,
        createdAt: record.createdAt,
        createdBy: record.createdBy,
        remaining: revisionRemaining(services.revisions.state(document.id, record.name)!),
      }))
      const draft = {
        name: DRAFT,
        createdAt: null,
        createdBy: null,
        remaining: revisionRemaining(draftStates(services, document.id).text),
      }
      res.json({ revisions: [...revisions, draft] })
    } catch (error) {
      sendError(res, 422, 'bracket history cannot be read', [{ field: 'params.id', message: (error as Error).message }])
    }
  })

  return router
}
