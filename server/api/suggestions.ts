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
import type { PendingChange } from '../../shared/pending-changes/pending-change.ts'
import { SuggestionSchema, suggestChange, type SuggestionRefusal } from '../../shared/pending-changes/suggest.ts'
import { speaksForAParty } from '../../shared/document/roles.ts'
import { accountOf, requireAccount } from './authenticate.ts'
import { lookupDocument } from './document-lookup.ts'
import { sendError, validate } from './responses.ts'
import { changeOnCopy, writeRoom } from '../sync/server-write.ts'

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
    let outcome: PendingChange[] | SuggestionRefusal = { refused: 'nothing was written', field: 'insert' }
    const failure = writeRoom(services, document.id, 'text', (doc) => {
      const { result, update } = changeOnCopy(doc, (copy) =>
        suggestChange(copy, suggestion, {
          by: account.username,
          ...(speaksForAParty(account.role) && account.party ? { party: account.party } : {}),
          at: new Date().toISOString(),
        }),
      )
      outcome = result
      return 'refused' in result ? null : update
    })
    if (failure) return sendError(res, 422, 'the suggestion was not stored', [{ field: 'body', message: failure }])
    if ('refused' in outcome) {
      const refusal = outcome as SuggestionRefusal
      return sendError(res, 409, 'the suggestion no longer fits the text', [
        { field: `body.${refusal.field}`, message: refusal.refused },
      ])
    }
    res.status(201).json({ changes: outcome })
  })
  return router
}
