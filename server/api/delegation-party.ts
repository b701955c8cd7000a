/**
 * The rule that a delegation speaks for a Party of the party table, in one place for
 * every route that gives an account its role (creation and a role change): only a
 * delegation names a Party, and the name given is looked up (by the name the text
 * writes, the UN's name or another spelling) and stored as the table's name, the one
 * inscriptions and proposals are keyed by. An unknown name is refused with the nearest
 * spellings, never stored.
 */
import type { Response } from 'express'
import { z } from 'zod'
import { readRoster } from '../templates/read-template.ts'
import { ROLES, speaksForAParty } from '../../shared/document/roles.ts'
import { sendError } from './responses.ts'

/** The fields of a request body that give an account its role (and a delegation its Party). */
export const roleFields = {
  role: z.enum(ROLES),
  party: z.string().trim().min(1).max(200).optional(),
}

/** Refuses a delegation without a Party and a Party on any other role (for `superRefine`). */
export function checkRoleParty(value: { role: (typeof ROLES)[number]; party?: string }, ctx: z.RefinementCtx): void {
  if (speaksForAParty(value.role) && !value.party)
    ctx.addIssue({ code: 'custom', path: ['party'], message: 'a delegation account must name its Party' })
  if (!speaksForAParty(value.role) && value.party)
    ctx.addIssue({ code: 'custom', path: ['party'], message: 'only delegation accounts are bound to a Party' })
}

/**
 * The Party to store for a body that passed `checkRoleParty`: the table's name, or null
 * for a role without a Party. An unknown Party is answered with 422 naming `body.party`,
 * and undefined is returned.
 */
export function tableParty(party: string | undefined, res: Response): { party: string | null } | undefined {
  if (party === undefined) return { party: null }
  const found = readRoster().parties.find(party)
  if ('error' in found) {
    sendError(res, 422, 'unknown Party', [{ field: 'body.party', message: found.error }])
    return undefined
  }
  return { party: found.party.name }
}
