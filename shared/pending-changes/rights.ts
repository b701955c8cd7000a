/**
 * Who may write which pending change, judged on the entries an update changes.
 * Only co-chairs and the secretariat write them (the text room is theirs): a
 * new entry is a suggestion of the account that writes it, pending and
 * undecided; afterwards only its status changes — pending to accepted or
 * rejected, signed by the decider, or back to pending when a decision is
 * undone. Entries carried over from Word are written by the import, never
 * through sync. Nothing is deleted.
 */
import type { Actor, EntryChange } from '../proposals/rights.ts'
import { mayStreamline } from '../document/roles.ts'
import { TEXT_ROOTS } from '../document/root-names.ts'
import type { Refusal, RefusalCode } from '../document/protocol.ts'
import { PendingChangeSchema, type PendingChange } from './pending-change.ts'

/** Why `actor` may not make `change` (one entry), or null; the message names the entry. */
export function refusePendingChangeEntry(actor: Actor, change: Omit<EntryChange, 'map'>): Refusal | null {
  const why = refuse(actor, change)
  return why && { code: why.code, message: `${TEXT_ROOTS.pendingChanges}.${change.key}: ${why.message}` }
}

/** A refusal with its code. */
const no = (code: RefusalCode, message: string): Refusal => ({ code, message })

function refuse(actor: Actor, c: Omit<EntryChange, 'map'>): Refusal | null {
  if (!mayStreamline(actor.role))
    return no('read-only', 'only co-chairs and the secretariat suggest, accept or reject changes')
  if (c.after === undefined) return no('entry-rule', 'pending changes are never deleted; reject them')
  const parsed = PendingChangeSchema.safeParse(c.after)
  if (!parsed.success)
    return no(
      'invalid-value',
      `malformed pending change: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`,
    )
  const after = parsed.data
  if (after.id !== c.key) return no('entry-rule', 'a pending change is stored under its own id')
  // Read the stored entry through the schema too, so both sides compare field for field in one key order.
  const before =
    c.before === undefined ? undefined : ((PendingChangeSchema.safeParse(c.before).data ?? c.before) as PendingChange)
  if (!before) {
    if (after.source !== 'suggestion') return no('read-only', 'only an import carries tracked changes over from Word')
    if (after.by !== actor.username || after.author !== actor.username)
      return no('not-yours', 'a suggestion is signed by the account that makes it')
    return after.status === 'pending' && !after.decision
      ? null
      : no('entry-rule', 'a new suggestion is pending and undecided')
  }
  const { status: s0, decision: d0, ...rest0 } = before
  const { status: s1, decision: d1, ...rest1 } = after
  if (JSON.stringify(rest0) !== JSON.stringify(rest1))
    return no('entry-rule', 'only the status of a pending change changes')
  if (s0 === s1 && JSON.stringify(d0) === JSON.stringify(d1)) return null
  if (s1 === 'pending') return d1 ? no('entry-rule', 'a reopened change carries no decision') : null
  if (s0 !== 'pending') return no('entry-rule', `the change is already ${s0}`)
  return d1?.by === actor.username ? null : no('not-yours', 'a decision is signed by the account that makes it')
}
