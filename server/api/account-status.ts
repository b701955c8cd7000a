/**
 * What the secretariat does to an existing account, each ending the account's sessions —
 * and so closing its sync sockets with 4401 — at once:
 *
 * - `POST /api/accounts/:id/disable` and `/enable`: a disabled account cannot log in and
 *   its tokens stop working; re-enabled, it logs in again with its password;
 * - `POST /api/accounts/:id/password`: a new generated password, answered once and never
 *   stored in clear;
 * - `PATCH /api/accounts/:id` `{ role, party? }`: another role (a delegation names a Party
 *   of the party table, `delegation-party.ts`).
 *
 * Nobody disables or demotes their own account, so the secretariat cannot lock itself out.
 */
import { Router, type Response } from 'express'
import { z } from 'zod'
import type { Account } from '../auth/accounts.ts'
import { generatePassword } from '../auth/passwords.ts'
import type { Services } from '../services.ts'
import type { AuditKind } from '../store/audit-log.ts'
import { accountOf, requireAccount, requireRight } from './authenticate.ts'
import { managesRecord } from '../../shared/document/roles.ts'
import { checkRoleParty, roleFields, tableParty } from './delegation-party.ts'
import { sendError, validate } from './responses.ts'

const idParams = z.object({ id: z.coerce.number().int().positive() })

const roleChange = z.object(roleFields).superRefine(checkRoleParty)

/** The account-status routes (secretariat only). */
export function accountStatusRoutes(services: Services): Router {
  const router = Router()
  const guard = [requireAccount(services), requireRight(managesRecord, 'the secretariat')]

  /** The account named by `:id`, or a 404 answered. */
  const target = (params: unknown, res: Response): Account | undefined => {
    const parsed = validate(idParams, params, 'params', res)
    if (!parsed) return undefined
    const account = services.accounts.byId(parsed.id)
    if (!account) sendError(res, 404, 'no such account', [{ field: 'params.id', message: `no account ${parsed.id}` }])
    return account
  }

  const notYourself = (account: Account, res: Response, what: string): boolean => {
    if (account.id !== accountOf(res).id) return false
    sendError(res, 409, `you cannot ${what} your own account`, [
      { field: 'params.id', message: 'ask another secretariat officer' },
    ])
    return true
  }

  /** Records what the secretariat officer answering `res` did to `account`. */
  const recordChange = (kind: AuditKind, account: Account, res: Response, detail?: Record<string, unknown>) =>
    services.audit.record({
      kind,
      accountId: account.id,
      username: account.username,
      actor: accountOf(res).username,
      detail,
    })

  for (const disabled of [true, false]) {
    router.post(`/accounts/:id/${disabled ? 'disable' : 'enable'}`, ...guard, (req, res) => {
      const account = target(req.params, res)
      if (!account || (disabled && notYourself(account, res, 'disable'))) return
      const updated = services.accounts.setDisabled(account.id, disabled)!
      if (disabled) services.tokens.revokeAccount(account.id, 'account disabled')
      recordChange(disabled ? 'account-disabled' : 'account-enabled', account, res)
      res.json(updated)
    })
  }

  router.post('/accounts/:id/password', ...guard, async (req, res) => {
    const account = target(req.params, res)
    if (!account) return
    const password = generatePassword()
    await services.accounts.setPassword(account.id, password)
    services.tokens.revokeAccount(account.id, 'password reset')
    recordChange('password-reset', account, res)
    res.json({ account: services.accounts.byId(account.id), password })
  })

  router.patch('/accounts/:id', ...guard, (req, res) => {
    const account = target(req.params, res)
    if (!account) return
    const body = validate(roleChange, req.body, 'body', res)
    if (!body || (body.role !== account.role && notYourself(account, res, 'change the role of'))) return
    const party = tableParty(body.party, res)
    if (!party) return
    const updated = services.accounts.setRole(account.id, body.role, party.party)!
    if (updated.role !== account.role || updated.party !== account.party) {
      services.tokens.revokeAccount(account.id, 'role changed')
      recordChange('role-changed', account, res, {
        from: account.role,
        to: updated.role,
        ...(updated.party ? { party: updated.party } : {}),
      })
    }
    res.json(updated)
  })

  return router
}
