/**
 * `POST /api/documents/:id/suggestions`: a suggested change to the words of
 * the text — an insertion, a deletion, or both (typing over a selection) — made
 * by a delegation for its Party, or by a co-chair or the secretariat in
 * suggestion mode. The server writes it into the text room as pending changes
 * signed with the account and dated by the server's clock (a client's clock
 * is never trusted), relayed to every editor like an edit; a co-chair accepts
 * or rejects it. `201 { changes }`; 409 when the words or the place are gone.
 */
import { Router } from 'express'
import type { Services } from '../services.ts'
import { maySuggest } from '../../shared/pending-changes/rights.ts'
import { SuggestionSchema, suggestChange } from '../../shared/pending-changes/suggest.ts'
import { speaksForAParty } from '../../shared/document/roles.ts'
import { accountOf, requireAccount } from './authenticate.ts'
import { lookupDocument } from './document-lookup.ts'
import { sendError, validate } from './responses.ts'
import { changeRoom } from '../sync/server-write.ts'

/** The suggestion route. */
export function suggestionRoutes(services: Services): Router {
  const router = Router()
  router.post('/documents/:id/suggestions', requireAccount(services), (req, res) => {
    const account = accountOf(res)
    const actor = { role: account.role, party: account.party ?? undefined }
    if (!maySuggest(actor))
      return sendError(res, 403, `forbidden for role ${account.role}`, [
        { field: 'role', message: 'only delegations (for their Party), co-chairs and the secretariat suggest changes' },
      ])
    const document = lookupDocument(services, req, res)
    if (!document) return
    const suggestion = validate(SuggestionSchema, req.body ?? {}, 'body', res)
    if (!suggestion) return
    const made = changeRoom(services, document.id, 'text', (doc) =>
      suggestChange(doc, suggestion, {
        by: account.username,
        ...(speaksForAParty(account.role) && account.party ? { party: account.party } : {}),
        at: new Date().toISOString(),
      }),
    )
    if ('failure' in made)
      return sendError(res, 422, 'the suggestion was not stored', [{ field: 'body', message: made.failure }])
    const outcome = made.result
    if ('refused' in outcome)
      return sendError(res, 409, 'the suggestion no longer fits the text', [
        { field: `body.${outcome.field}`, message: outcome.refused },
      ])
    res.status(201).json({ changes: outcome })
  })
  return router
}
