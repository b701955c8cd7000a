/**
 * Steps the server takes on a user's request — restoring a revision — are
 * signed in the document's log like a co-chair's own, by that user. The entry
 * is written on a copy of the proposals room, so the caller applies the
 * resulting update through the durable relay like any client's.
 */
import type * as Y from 'yjs'
import type { LogDraft } from '../../shared/proposals/log-entry.ts'
import { ProposalRegister } from '../../shared/proposals/register.ts'
import type { Actor } from '../../shared/proposals/rights.ts'
import { changeOnCopy } from '../sync/server-write.ts'

/** The update that adds `draft`, signed by `actor`, to the log in `room` (left untouched). */
export function logEntryUpdate(room: Y.Doc, actor: Actor, draft: LogDraft): Uint8Array {
  return changeOnCopy(room, (copy) => new ProposalRegister(copy, actor).log(draft)).update
}
