/**
 * Who may write which pending change. Records are made by the server only —
 * Word's tracked changes by the import, suggestions by the suggestion route,
 * which signs each with the suggesting account and dates it by its own clock —
 * so no client can backdate a suggestion or sign one in another's name. Through
 * sync, an update may only change a record's status: pending to accepted or
 * rejected by a co-chair or the secretariat, signed by the decider, or back to
 * pending when a decision is undone. Nothing is deleted.
 */
import type { Actor, EntryChange } from '../proposals/rights.ts'
import { mayDecide, mayPropose, mayStreamline } from '../document/roles.ts'
import { TEXT_ROOTS } from '../document/root-names.ts'
import type { Refusal, RefusalCode } from '../document/protocol.ts'
import { PendingChangeSchema, type PendingChange } from './pending-change.ts'

/**
 * May suggest changes to the words of the text: a delegation for its Party (it cannot edit
 * the text itself), a co-chair or the secretariat in suggestion mode; observers never.
 */
export function maySuggest(actor: Pick<Actor, 'role' | 'party'>): boolean {
  return mayPropose(actor) || mayStreamline(actor.role)
}

/** Why `actor` may not make `change` (one entry), or null; the message names the entry. */
export function refusePendingChangeEntry(actor: Actor, change: Omit<EntryChange, 'map'>): Refusal | null {
  const why = refuse(actor, change)
  return why && { code: why.code, message: `${TEXT_ROOTS.pendingChanges}.${change.key}: ${why.message}` }
}

/** A refusal with its code. */
const no = (code: RefusalCode, message: string): Refusal => ({ code, message })

function refuse(actor: Actor, c: Omit<EntryChange, 'map'>): Refusal | null {
  if (!mayDecide(actor.role)) return no('read-only', 'only co-chairs and the secretariat accept or reject changes')
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
  if (!before)
    return no(
      'entry-rule',
      after.source === 'word'
        ? 'only an import carries tracked changes over from Word'
        : 'suggestions are recorded by the server, which signs and dates them (POST /api/documents/:id/suggestions)',
    )
  const { status: s0, decision: d0, ...rest0 } = before
  const { status: s1, decision: d1, ...rest1 } = after
  if (JSON.stringify(rest0) !== JSON.stringify(rest1))
    return no('entry-rule', 'only the status of a pending change changes')
  if (s0 === s1 && JSON.stringify(d0) === JSON.stringify(d1)) return null
  if (s1 === 'pending') return d1 ? no('entry-rule', 'a reopened change carries no decision') : null
  if (s0 !== 'pending') return no('entry-rule', `the change is already ${s0}`)
  return d1?.by === actor.username ? null : no('not-yours', 'a decision is signed by the account that makes it')
}
