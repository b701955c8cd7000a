/**
 * Accounts, managed by the secretariat: list them and create delegations, co-chairs,
 * observers and further secretariat accounts. A delegation's Party must be a Party of
 * the party table (`delegation-party.ts`); it is stored as the table names it.
 */
import { Router } from 'express'
import { z } from 'zod'
import { readPartyTable } from '../templates/read-template.ts'
import { delegationPartyLookup, type DelegationPartyLookup } from './delegation-party.ts'
import type { Services } from '../services.ts'
import { requireAccount, requireRight } from './authenticate.ts'
import { managesRecord, ROLES, speaksForAParty } from '../../shared/document/roles.ts'
import { sendError, validate } from './responses.ts'

const newAccount = z
  .object({
    username: z.string().regex(/^[A-Za-z0-9._-]{2,64}$/, 'letters, digits, . _ - (2 to 64)'),
    password: z.string().min(10, 'at least 10 characters').max(1000),
    role: z.enum(ROLES),
    party: z.string().trim().min(1).max(200).optional(),
  })
  .superRefine((value, ctx) => {
    if (speaksForAParty(value.role) && !value.party) {
      ctx.addIssue({ code: 'custom', path: ['party'], message: 'a delegation account must name its Party' })
    }
    if (!speaksForAParty(value.role) && value.party) {
      ctx.addIssue({ code: 'custom', path: ['party'], message: 'only delegation accounts are bound to a Party' })
    }
  })

/** The account routes. */
export function accountRoutes(services: Services): Router {
  const router = Router()
  let lookup: DelegationPartyLookup | undefined
  router.use('/accounts', requireAccount(services), requireRight(managesRecord, 'the secretariat'))

  router.get('/accounts', (_req, res) => {
    res.json(services.accounts.list())
  })

  router.post('/accounts', async (req, res) => {
    const body = validate(newAccount, req.body, 'body', res)
    if (!body) return
    if (body.party !== undefined) {
      lookup ??= delegationPartyLookup(readPartyTable())
      const found = lookup(body.party)
      if ('error' in found) return sendError(res, 422, 'unknown Party', [{ field: 'body.party', message: found.error }])
      body.party = found.party
    }
    const account = await services.accounts.create(body)
    if (!account)
      return sendError(res, 409, 'username taken', [
        { field: 'body.username', message: `"${body.username}" already exists` },
      ])
    res.status(201).json(account)
  })

  return router
}
