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
import { findGroup, findParty, speaksWithin } from '../parties/roster.ts'
import type { Actor, EntryChange } from '../proposals/rights.ts'
import { ownsText } from '../roles/owns-text.ts'
import { COMMENTS_MAP, CommentSchema, type Comment } from './comment.ts'

/** Null when `actor` may make every change, else why not (the first refusal). */
export function refuseCommentChanges(actor: Actor, changes: EntryChange[]): string | null {
  for (const change of changes) {
    const why = refuse(actor, change)
    if (why) return `${change.map}.${change.key}: ${why}`
  }
  return null
}

function refuse(actor: Actor, c: EntryChange): string | null {
  if (c.map !== COMMENTS_MAP) return `not a comment (map "${c.map}")`
  if (actor.role === 'observer') return 'observers cannot write'
  if (c.after === undefined) return 'comments are never deleted; withdraw your own'
  const parsed = CommentSchema.safeParse(c.after)
  if (!parsed.success)
    return `malformed comment: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`
  const after = parsed.data
  if (after.id !== c.key) return 'a comment is stored under its own id'
  // Read the stored entry through the schema too, so both sides compare in one key order.
  const before = c.before === undefined ? undefined : ((CommentSchema.safeParse(c.before).data ?? c.before) as Comment)
  return before ? refuseChange(actor, before, after) : refuseNew(actor, after)
}

function refuseNew(actor: Actor, after: Comment): string | null {
  if (after.by !== actor.username) return 'a comment is signed by the account that writes it'
  if (after.resolved || after.withdrawn || after.editedAt) return 'a new comment is open, not withdrawn and not edited'
  if (after.source !== 'accord') return 'only an import carries comments over from Word'
  if (after.recordedBy !== undefined && !ownsText(actor.role))
    return 'only co-chairs and the secretariat record comments for others'
  return refuseSpeaker(actor, after.for)
}

// A delegation speaks for its Party or a group it belongs to; the chair and the record for anyone on the roster.
function refuseSpeaker(actor: Actor, speaker: Comment['for']): string | null {
  if (actor.role !== 'delegation') {
    if (speaker === null) return null
    const known = speaker.kind === 'party' ? findParty(speaker.name) : findGroup(speaker.name)
    return known && known.name === speaker.name
      ? null
      : `"${speaker.name}" is not a ${speaker.kind === 'party' ? 'Party' : 'negotiating group'} on the roster`
  }
  const own = actor.party ?? ''
  if (speaker === null) return `a delegation comments for its Party (${own})`
  if (speaker.kind === 'party') {
    const party = findParty(own)
    return speaker.name === own || (party && speaker.name === party.name)
      ? null
      : `a delegation comments for its own Party (${own}), not ${speaker.name}`
  }
  const group = findGroup(speaker.name)
  if (!group || group.name !== speaker.name) return `"${speaker.name}" is not a negotiating group on the roster`
  return speaksWithin(own, group) ? null : `${own} is not a member of ${group.name}`
}

const FIXED = ['id', 'replyTo', 'anchor', 'quote', 'by', 'for', 'recordedBy', 'source', 'at'] as const

function refuseChange(actor: Actor, before: Comment, after: Comment): string | null {
  if (!FIXED.every((f) => JSON.stringify(before[f]) === JSON.stringify(after[f])))
    return 'only the body (by its author), withdrawal (by its author) and resolution (by a co-chair or the secretariat) change'
  const author = actor.username === before.by
  if (before.body !== after.body || before.editedAt !== after.editedAt) {
    if (!author) return "never edit another's comment"
    if (before.withdrawn) return 'a withdrawn comment is not edited'
    if (!after.editedAt || after.editedAt === before.editedAt) return 'an edited comment says when it was edited'
  }
  if (before.withdrawn !== after.withdrawn) {
    if (!after.withdrawn) return 'a withdrawal is final'
    if (!author) return "never withdraw another's comment"
  }
  if (JSON.stringify(before.resolved ?? null) !== JSON.stringify(after.resolved ?? null)) {
    if (!ownsText(actor.role)) return 'only co-chairs and the secretariat resolve comments'
    if (after.resolved && after.resolved.by !== actor.username)
      return 'a resolution is signed by the account that makes it'
  }
  return null
}
