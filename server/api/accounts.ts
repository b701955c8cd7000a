/**
 * Accounts, managed by the secretariat: list them (with role, Party, last login and
 * failed logins) and create delegations, co-chairs, observers and further secretariat
 * accounts. Usernames are unique after normalisation (`auth/username.ts`); passwords
 * follow `auth/password-policy.ts`; a delegation's Party must be a Party of the party
 * table (`delegation-party.ts`). Disabling, password resets and role changes are
 * `account-status.ts`.
 */
import { Router } from 'express'
import { z } from 'zod'
import { checkRoleParty, roleFields, tableParty } from './delegation-party.ts'
import type { Services } from '../services.ts'
import { accountOf, requireAccount, requireRight } from './authenticate.ts'
import { passwordProblem } from '../auth/password-policy.ts'
import { normalUsername } from '../auth/username.ts'
import { managesRecord } from '../../shared/document/roles.ts'
import { sendError, validate } from './responses.ts'

const newAccount = z
  .object({
    username: z
      .string()
      .transform(normalUsername)
      .pipe(z.string().regex(/^[A-Za-z0-9._-]{2,64}$/, 'letters, digits, . _ - (2 to 64)')),
    password: z.string().max(1000),
    ...roleFields,
  })
  .superRefine((value, ctx) => {
    const weak = passwordProblem(value.password, value.username)
    if (weak) ctx.addIssue({ code: 'custom', path: ['password'], message: weak })
    checkRoleParty(value, ctx)
  })

/** The account routes. */
export function accountRoutes(services: Services): Router {
  const router = Router()
  router.use('/accounts', requireAccount(services), requireRight(managesRecord, 'the secretariat'))

  router.get('/accounts', (_req, res) => {
    const failed = services.audit.failedLogins()
    const none = { sinceLastLogin: 0, lastDay: 0 }
    res.json(services.accounts.list().map((account) => ({ ...account, failedLogins: failed.get(account.id) ?? none })))
  })

  router.post('/accounts', async (req, res) => {
    const body = validate(newAccount, req.body, 'body', res)
    if (!body) return
    const party = tableParty(body.party, res)
    if (!party) return
    const account = await services.accounts.create({ ...body, ...party })
    if (!account)
      return sendError(res, 409, 'username taken', [
        { field: 'body.username', message: `"${body.username}" already exists` },
      ])
    services.audit.record({
      kind: 'account-created',
      accountId: account.id,
      username: account.username,
      actor: accountOf(res).username,
      detail: { role: account.role, ...(account.party ? { party: account.party } : {}) },
    })
    res.status(201).json(account)
  })

  return router
}
