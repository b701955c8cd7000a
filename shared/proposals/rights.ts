/**
 * Who may write what in the proposals document, judged on the entries an
 * update changes (before and after). The server runs this on every update a
 * client sends; the client is never trusted. Delegations propose for their own
 * Party only, take one stance per Party on others' proposals, and may withdraw
 * their own; co-chairs and the secretariat accept or set aside, signing the
 * decision, and sign every step they take on the text in the log, which is
 * only ever added to; observers write nothing.
 */
import { LogEntrySchema } from './log-entry.ts'
import { ProposalSchema, StanceSchema, type Proposal, type Stance } from './proposal.ts'

/** The account behind a change. */
export interface Actor {
  username: string
  role: 'secretariat' | 'co-chair' | 'delegation' | 'observer'
  /** The Party a delegation speaks for. */
  party?: string
}

/** One changed entry: its map, key, and value before and after (undefined: absent). */
export interface EntryChange {
  map: 'proposals' | 'stances' | string
  key: string
  before: unknown
  after: unknown
}

/** Null when `actor` may make every change, else why not (the first refusal). */
export function refuseProposalChanges(actor: Actor, changes: EntryChange[]): string | null {
  for (const change of changes) {
    const why = refuse(actor, change)
    if (why) return `${change.map}.${change.key}: ${why}`
  }
  return null
}

function refuse(actor: Actor, c: EntryChange): string | null {
  if (actor.role === 'observer') return 'observers cannot write'
  if (c.map === 'proposals') return refuseProposal(actor, c.key, c.before as Proposal | undefined, c.after)
  if (c.map === 'stances') return refuseStance(actor, c.key, c.after)
  if (c.map === 'log') return refuseLogEntry(actor, c.key, c.before, c.after)
  if (c.map === '(incomplete)')
    return 'the update builds on changes the server does not have (an earlier refused write?); reload the document'
  return `unknown map "${c.map}"`
}

function refuseProposal(actor: Actor, key: string, before: Proposal | undefined, afterRaw: unknown): string | null {
  if (afterRaw === undefined) return 'proposals are never deleted; withdraw or set them aside'
  const parsed = ProposalSchema.safeParse(afterRaw)
  if (!parsed.success)
    return `malformed proposal: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`
  const after = parsed.data
  if (after.id !== key) return 'a proposal is stored under its own id'
  if (!before) {
    if (actor.role !== 'delegation') return 'only delegations make proposals'
    if (after.party !== actor.party)
      return `a delegation proposes for its own Party (${actor.party}), not ${after.party}`
    if (after.by !== actor.username) return 'a proposal is signed by the account that writes it'
    if (after.status !== 'open' || after.decision) return 'a new proposal is open and undecided'
    if (after.kind === 'inscription' && after.target.slice(after.target.indexOf('/') + 1) !== actor.party) {
      return `a delegation inscribes only for its own Party (${actor.party})`
    }
    return null
  }
  // Only the status and the decision ever change after a proposal is made.
  const same = (['id', 'party', 'by', 'kind', 'target', 'value', 'rationale', 'at'] as const).every(
    (f) => JSON.stringify(before[f]) === JSON.stringify(after[f]),
  )
  if (!same) return 'a proposal cannot be edited once made; withdraw it and propose again'
  if (before.status !== 'open') {
    // A co-chair who undoes an acceptance (or a set-aside) puts the proposal back on the table.
    const reopening = after.status === 'open' && !after.decision && before.status !== 'withdrawn'
    if (reopening)
      return actor.role === 'co-chair' || actor.role === 'secretariat'
        ? null
        : 'only co-chairs and the secretariat reopen a decided proposal'
    return `the proposal is already ${before.status}`
  }
  if (after.status === 'withdrawn') {
    if (actor.role !== 'delegation' || actor.party !== before.party)
      return 'only the proposing delegation can withdraw a proposal'
    return after.decision ? 'a withdrawal carries no decision' : null
  }
  if (after.status === 'accepted' || after.status === 'set-aside') {
    if (actor.role !== 'co-chair' && actor.role !== 'secretariat')
      return 'only co-chairs and the secretariat accept or set aside proposals'
    if (after.decision?.by !== actor.username) return 'the decision is signed by the account that makes it'
    if (after.status === 'set-aside' && !after.decision.reason) return 'setting a proposal aside needs a reason'
    return null
  }
  return 'nothing to change'
}

function refuseStance(actor: Actor, key: string, afterRaw: unknown): string | null {
  if (actor.role !== 'delegation') return 'only delegations support or object'
  const party = key.slice(key.lastIndexOf('/') + 1)
  if (party !== actor.party) return `a delegation takes a stance for its own Party (${actor.party}), not ${party}`
  if (afterRaw === undefined) return null // taking a stance back
  const parsed = StanceSchema.safeParse(afterRaw)
  if (!parsed.success) return `malformed stance: ${parsed.error.issues[0].message}`
  return (parsed.data as Stance).by === actor.username ? null : 'a stance is signed by the account that takes it'
}

function refuseLogEntry(actor: Actor, key: string, before: unknown, afterRaw: unknown): string | null {
  if (actor.role !== 'co-chair' && actor.role !== 'secretariat')
    return 'only co-chairs and the secretariat write the log'
  if (before !== undefined) return 'the log is only added to: an entry is never changed or removed'
  const parsed = LogEntrySchema.safeParse(afterRaw)
  if (!parsed.success)
    return `malformed log entry: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`
  if (parsed.data.id !== key) return 'a log entry is stored under its own id'
  return parsed.data.by === actor.username ? null : 'a log entry is signed by the account that writes it'
}
