/**
 * Request authentication: every API route but login needs a live token; some need a role.
 */
import type { NextFunction, Request, Response } from 'express'
import type { Account } from '../auth/accounts.ts'
import { requestToken } from '../auth/request-token.ts'
import type { Role } from '../../shared/document/roles.ts'
import type { Services } from '../services.ts'
import { sendError } from './responses.ts'

/** The account of an authenticated request (set by `requireAccount`). */
export const accountOf = (res: Response): Account => res.locals.account as Account

/** Middleware: 401 unless the request carries a live token (Bearer header or cookie). */
export function requireAccount(services: Services) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const account = services.tokens.resolve(requestToken(req))
    if (!account)
      return sendError(res, 401, 'authentication required', [
        { field: 'token', message: 'missing, unknown or expired token' },
      ])
    res.locals.account = account
    next()
  }
}

/**
 * Middleware: 403 unless the account's role has the right `may` decides (a predicate of
 * `shared/document/roles.ts`); `who` says in words who has it, for the error.
 */
export function requireRight(may: (role: Role) => boolean, who: string) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const { role } = accountOf(res)
    if (!may(role))
      return sendError(res, 403, `forbidden for role ${role}`, [{ field: 'role', message: `only ${who}` }])
    next()
  }
}
