/**
 * Who may write which comment, judged like a proposal on the entries an
 * update changes (before and after). Delegations comment for their own Party
 * or for a negotiating group their Party belongs to; co-chairs and the
 * secretariat comment for no one or record what a Party or group said;
 * observers write nothing. An entry is signed by its writer and never edited
 * by anyone else: its author may change the body or withdraw it; only
 * co-chairs and the secretariat resolve (or reopen) a thread, signing it.
 * Nothing is ever deleted.
 */
import { rosterGroup, rosterParty, type Roster } from '../parties/roster.ts'
import { malformedCode, type Actor, type EntryChange } from '../proposals/rights.ts'
import { mayDecide, mayStreamline, speaksForAParty, writesAnything } from '../document/roles.ts'
import { PROPOSALS_ROOTS } from '../document/root-names.ts'
import type { Refusal, RefusalCode } from '../document/protocol.ts'
import { CommentSchema, type Comment } from './comment.ts'

/**
 * Why `actor` may not make `change` (one entry), or null; the message names
 * the entry. Who a comment speaks for is checked against `roster`; without
 * one, only comments for no one pass.
 */
export function refuseCommentEntry(
  actor: Actor,
  change: Omit<EntryChange, 'map'>,
  roster: Roster | undefined,
): Refusal | null {
  const why = refuse(actor, change, roster)
  return why && { code: why.code, message: `${PROPOSALS_ROOTS.comments}.${change.key}: ${why.message}` }
}

/** A refusal with its code. */
const no = (code: RefusalCode, message: string): Refusal => ({ code, message })

function refuse(actor: Actor, c: Omit<EntryChange, 'map'>, roster: Roster | undefined): Refusal | null {
  if (!writesAnything(actor.role)) return no('read-only', 'observers cannot write')
  if (c.after === undefined) return no('entry-rule', 'comments are never deleted; withdraw your own')
  const parsed = CommentSchema.safeParse(c.after)
  if (!parsed.success)
    return no(
      malformedCode(parsed.error),
      `malformed comment: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`,
    )
  const after = parsed.data
  if (after.id !== c.key) return no('entry-rule', 'a comment is stored under its own id')
  // Read the stored entry through the schema too, so both sides compare in one key order.
  const before = c.before === undefined ? undefined : ((CommentSchema.safeParse(c.before).data ?? c.before) as Comment)
  return before ? refuseChange(actor, before, after) : refuseNew(actor, after, roster)
}

function refuseNew(actor: Actor, after: Comment, roster: Roster | undefined): Refusal | null {
  if (after.by !== actor.username) return no('not-yours', 'a comment is signed by the account that writes it')
  if (after.resolved || after.withdrawn || after.editedAt)
    return no('entry-rule', 'a new comment is open, not withdrawn and not edited')
  if (after.source !== 'accord') return no('read-only', 'only an import carries comments over from Word')
  if (after.recordedBy !== undefined && !mayStreamline(actor.role))
    return no('read-only', 'only co-chairs and the secretariat record comments for others')
  return refuseSpeaker(actor, after.for, roster)
}

// A delegation speaks for its Party or a group it belongs to; the chair and the record for anyone on the roster,
// each named by its roster name (the table's name of a Party, a group's own name), so the record spells it once.
function refuseSpeaker(actor: Actor, speaker: Comment['for'], roster: Roster | undefined): Refusal | null {
  const own = actor.party ?? ''
  if (speaker === null)
    return speaksForAParty(actor.role) ? no('not-yours', `a delegation comments for its Party (${own})`) : null
  if (!roster) return no('invalid-value', 'this room has no roster of Parties and groups to check a speaker against')
  const party = rosterParty(roster, speaker)
  const group = rosterGroup(roster, speaker)
  if (!party && !group) {
    const kind = speaker.kind === 'party' ? 'Party' : 'negotiating group'
    const named =
      speaker.kind === 'party' ? roster.parties.byName(speaker.name)?.name : roster.groups.byName(speaker.name)?.name
    return no(
      'invalid-value',
      `"${speaker.name}" is not a ${kind} on the roster${named ? `: write it as "${named}"` : ''}`,
    )
  }
  if (!speaksForAParty(actor.role)) return null
  const ownParty = roster.parties.byName(own)
  if (party)
    return party === ownParty
      ? null
      : no('not-yours', `a delegation comments for its own Party (${own}), not ${speaker.name}`)
  return ownParty && group!.members.includes(ownParty.iso)
    ? null
    : no('not-yours', `${own} is not a member of ${group!.name}`)
}

const FIXED = ['id', 'replyTo', 'anchor', 'quote', 'by', 'for', 'recordedBy', 'source', 'at'] as const

function refuseChange(actor: Actor, before: Comment, after: Comment): Refusal | null {
  if (!FIXED.every((f) => JSON.stringify(before[f]) === JSON.stringify(after[f])))
    return no(
      'read-only',
      'only the body (by its author), withdrawal (by its author) and resolution (by a co-chair or the secretariat) change',
    )
  const author = actor.username === before.by
  if (before.body !== after.body || before.editedAt !== after.editedAt) {
    if (!author) return no('not-yours', "never edit another's comment")
    if (before.withdrawn) return no('entry-rule', 'a withdrawn comment is not edited')
    if (!after.editedAt || after.editedAt === before.editedAt)
      return no('entry-rule', 'an edited comment says when it was edited')
  }
  if (before.withdrawn !== after.withdrawn) {
    if (!after.withdrawn) return no('entry-rule', 'a withdrawal is final')
    if (!author) return no('not-yours', "never withdraw another's comment")
  }
  if (JSON.stringify(before.resolved ?? null) !== JSON.stringify(after.resolved ?? null)) {
    if (!mayDecide(actor.role)) return no('read-only', 'only co-chairs and the secretariat resolve comments')
    if (after.resolved && after.resolved.by !== actor.username)
      return no('not-yours', 'a resolution is signed by the account that makes it')
  }
  return null
}
