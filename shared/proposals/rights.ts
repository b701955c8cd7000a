/**
 * Who may write what in the proposals document, judged on the entries an
 * update changes (before and after). The server runs this on every update a
 * client sends; the client is never trusted. Delegations propose for their own
 * Party only, take one stance per Party on others' proposals, and may withdraw
 * their own; co-chairs and the secretariat accept or set aside, signing the
 * decision, and sign every step they take on the text in the log, which is
 * only ever added to; observers write nothing.
 */
import type { Refusal, RefusalCode } from '../document/protocol.ts'
import { mayDecide, mayPropose, mayProposeFor, mayStreamline, writesAnything, type Actor } from '../document/roles.ts'
import { LogEntrySchema } from './log-entry.ts'
import { ProposalSchema, StanceSchema, type Proposal, type Stance } from './proposal.ts'

export type { Actor }

/** One changed entry: its map, key, and value before and after (undefined: absent). */
export interface EntryChange {
  map: 'proposals' | 'stances' | string
  key: string
  before: unknown
  after: unknown
}

/** Null when `actor` may make every change, else why not (the first refusal), naming the entry. */
export function refuseProposalChanges(actor: Actor, changes: EntryChange[]): string | null {
  for (const change of changes) {
    const why = refuseProposalEntry(actor, change)
    if (why) return why.message
  }
  return null
}

/** Why `actor` may not make `change` in the proposals room, or null; the message names the entry. */
export function refuseProposalEntry(actor: Actor, change: EntryChange): Refusal | null {
  const why = refuse(actor, change)
  return why && { code: why.code, message: `${change.map}.${change.key}: ${why.message}` }
}

/** The code of an entry its schema refuses: `too-large` when a field is over its cap (a 1 MB proposal), else `invalid-value`. */
export function malformedCode(error: { issues: readonly { code: string }[] }): RefusalCode {
  return error.issues[0]?.code === 'too_big' ? 'too-large' : 'invalid-value'
}

/** A refusal with its code. */
const no = (code: RefusalCode, message: string): Refusal => ({ code, message })

function refuse(actor: Actor, c: EntryChange): Refusal | null {
  if (!writesAnything(actor.role)) return no('read-only', 'observers cannot write')
  if (c.map === 'proposals') return refuseProposal(actor, c.key, c.before as Proposal | undefined, c.after)
  if (c.map === 'stances') return refuseStance(actor, c.key, c.after)
  if (c.map === 'log') return refuseLogEntry(actor, c.key, c.before, c.after)
  return no('unknown-root', `unknown map "${c.map}"`)
}

function refuseProposal(actor: Actor, key: string, before: Proposal | undefined, afterRaw: unknown): Refusal | null {
  if (afterRaw === undefined) return no('entry-rule', 'proposals are never deleted; withdraw or set them aside')
  const parsed = ProposalSchema.safeParse(afterRaw)
  if (!parsed.success)
    return no(
      malformedCode(parsed.error),
      `malformed proposal: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`,
    )
  const after = parsed.data
  if (after.id !== key) return no('entry-rule', 'a proposal is stored under its own id')
  if (!before) {
    if (!mayPropose(actor)) return no('read-only', 'only delegations make proposals')
    if (!mayProposeFor(actor, after.party))
      return no('not-yours', `a delegation proposes for its own Party (${actor.party}), not ${after.party}`)
    if (after.by !== actor.username) return no('not-yours', 'a proposal is signed by the account that writes it')
    if (after.status !== 'open' || after.decision) return no('entry-rule', 'a new proposal is open and undecided')
    if (after.kind === 'inscription' && !mayProposeFor(actor, after.target.slice(after.target.indexOf('/') + 1))) {
      return no('not-yours', `a delegation inscribes only for its own Party (${actor.party})`)
    }
    return null
  }
  // Only the status and the decision ever change after a proposal is made.
  const same = (['id', 'party', 'by', 'kind', 'target', 'value', 'rationale', 'at'] as const).every(
    (f) => JSON.stringify(before[f]) === JSON.stringify(after[f]),
  )
  if (!same) return no('entry-rule', 'a proposal cannot be edited once made; withdraw it and propose again')
  if (before.status !== 'open') {
    // A co-chair who undoes an acceptance (or a set-aside) puts the proposal back on the table.
    const reopening = after.status === 'open' && !after.decision && before.status !== 'withdrawn'
    if (reopening)
      return mayDecide(actor.role)
        ? null
        : no('read-only', 'only co-chairs and the secretariat reopen a decided proposal')
    return no('entry-rule', `the proposal is already ${before.status}`)
  }
  if (after.status === 'withdrawn') {
    if (!mayProposeFor(actor, before.party))
      return no('not-yours', 'only the proposing delegation can withdraw a proposal')
    return after.decision ? no('entry-rule', 'a withdrawal carries no decision') : null
  }
  if (after.status === 'accepted' || after.status === 'set-aside') {
    if (!mayDecide(actor.role))
      return no('read-only', 'only co-chairs and the secretariat accept or set aside proposals')
    if (after.decision?.by !== actor.username)
      return no('not-yours', 'the decision is signed by the account that makes it')
    if (after.status === 'set-aside' && !after.decision.reason)
      return no('entry-rule', 'setting a proposal aside needs a reason')
    return null
  }
  return no('entry-rule', 'nothing to change')
}

function refuseStance(actor: Actor, key: string, afterRaw: unknown): Refusal | null {
  if (!mayPropose(actor)) return no('read-only', 'only delegations support or object')
  const party = key.slice(key.lastIndexOf('/') + 1)
  if (party !== actor.party)
    return no('not-yours', `a delegation takes a stance for its own Party (${actor.party}), not ${party}`)
  if (afterRaw === undefined) return null // taking a stance back
  const parsed = StanceSchema.safeParse(afterRaw)
  if (!parsed.success) return no(malformedCode(parsed.error), `malformed stance: ${parsed.error.issues[0].message}`)
  return (parsed.data as Stance).by === actor.username
    ? null
    : no('not-yours', 'a stance is signed by the account that takes it')
}

function refuseLogEntry(actor: Actor, key: string, before: unknown, afterRaw: unknown): Refusal | null {
  if (!mayStreamline(actor.role)) return no('read-only', 'only co-chairs and the secretariat write the log')
  if (before !== undefined) return no('entry-rule', 'the log is only added to: an entry is never changed or removed')
  const parsed = LogEntrySchema.safeParse(afterRaw)
  if (!parsed.success)
    return no(
      malformedCode(parsed.error),
      `malformed log entry: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`,
    )
  if (parsed.data.id !== key) return no('entry-rule', 'a log entry is stored under its own id')
  return parsed.data.by === actor.username
    ? null
    : no('not-yours', 'a log entry is signed by the account that writes it')
}
