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
import { readPartyTable } from '../templates/read-template.ts'
import { partyNameKey } from '../../shared/parties/table.ts'
import type { Party } from '../../shared/parties/party.ts'
import { ROLES, speaksForAParty } from '../../shared/document/roles.ts'
import { sendError } from './responses.ts'

/** Finds the Party a delegation names. */
export type DelegationPartyLookup = (name: string) => { party: string } | { error: string }

/** A lookup over `parties` (every Party to the Convention, 197). */
export function delegationPartyLookup(parties: readonly Party[]): DelegationPartyLookup {
  const byKey = new Map<string, Party>()
  for (const p of parties) for (const n of [p.name, p.unName, ...p.aliases]) byKey.set(partyNameKey(n), p)
  return (name) => {
    const key = partyNameKey(name)
    const found = byKey.get(key)
    if (found) return { party: found.name }
    const near = [
      ...new Set(parties.filter((p) => partyNameKey(p.name).startsWith(key.slice(0, 3))).map((p) => p.name)),
    ]
    return {
      error: `"${name}" is not a Party to the Convention in the party table${near.length ? `; did you mean ${near.slice(0, 5).join(', ')}?` : ''}`,
    }
  }
}

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

let shippedLookup: DelegationPartyLookup | undefined

/**
 * The Party to store for a body that passed `checkRoleParty`: the table's name, or null
 * for a role without a Party. An unknown Party is answered with 422 naming `body.party`,
 * and undefined is returned.
 */
export function tableParty(party: string | undefined, res: Response): { party: string | null } | undefined {
  if (party === undefined) return { party: null }
  shippedLookup ??= delegationPartyLookup(readPartyTable())
  const found = shippedLookup(party)
  if ('error' in found) {
    sendError(res, 422, 'unknown Party', [{ field: 'body.party', message: found.error }])
    return undefined
  }
  return found
}
