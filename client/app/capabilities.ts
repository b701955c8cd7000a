/**
 * What a role may do in the editor. The server enforces write rights per room;
 * this only decides which affordances the page offers, so that nobody is shown
 * a control the server would refuse.
 */
import { mayPropose, mayStreamline } from '../../shared/document/roles.ts'
import type { Account } from './session.ts'

/** The editor's affordances for one account. */
export interface Capabilities {
  /** May edit the text and write resolutions, values and inscriptions. */
  resolve: boolean
  /** Sees choices as proposals for its Party (delegations). */
  propose: boolean
  /** A short description for the status bar. */
  description: string
}

/** The capabilities of `account`. */
export function capabilitiesOf(account: Account): Capabilities {
  const actor = { role: account.role, party: account.party ?? undefined }
  if (mayStreamline(account.role))
    return { resolve: true, propose: false, description: `${account.role}: edits and resolves` }
  if (mayPropose(actor))
    return { resolve: false, propose: true, description: `delegation of ${account.party}: reads and proposes` }
  return { resolve: false, propose: false, description: `${account.role}: read only` }
}
