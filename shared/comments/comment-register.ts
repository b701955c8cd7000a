/**
 * The comments one account writes: a new thread on a range of the text, a
 * reply, an edit or a withdrawal of its own comment, and — for co-chairs and
 * the secretariat — resolving or reopening a thread. Each write is one
 * transaction of one entry, checked first against the rule the server applies
 * (`rights.ts`), so a client never sends what it knows will be refused.
 */
import type * as Y from 'yjs'
import { freshId } from '../document/fresh-id.ts'
import { proposalsRoom } from '../document/proposals-room.ts'
import { speaksForAParty, type Actor } from '../document/roles.ts'
import type { TextAnchor } from '../document/text-anchor.ts'
import type { Roster } from '../parties/roster.ts'
import type { Speaker } from '../parties/speaker.ts'
import { MAX_QUOTE_CHARS, type Comment } from './comment.ts'
import { refuseCommentEntry } from './rights.ts'

/** The Yjs transaction origin of comment writes. */
export const COMMENT_ORIGIN = 'accord-comment'

/**
 * Who `actor` may speak for in a comment: a delegation its Party and the groups of `roster`
 * it belongs to, by their roster names; others their own voice (null).
 */
export function speakersFor(actor: Pick<Actor, 'role' | 'party'>, roster: Roster): (Speaker | null)[] {
  if (!speaksForAParty(actor.role)) return [null]
  const party = roster.parties.byName(actor.party ?? '')
  if (!party) return [{ kind: 'party', name: actor.party ?? '' }]
  const groups = roster.groups.groupsOf(party.iso)
  return [{ kind: 'party', name: party.name }, ...groups.map((g): Speaker => ({ kind: 'group', name: g.name }))]
}

/** The comments of a proposals room, as one account writes them. */
export class CommentRegister {
  constructor(
    readonly doc: Y.Doc,
    readonly actor: Actor,
    /** The roster speakers are checked against, as the server checks them. */
    private readonly roster: Roster,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /** Every comment, by id. */
  all(): Record<string, Comment> {
    return proposalsRoom(this.doc).comments.toJSON() as Record<string, Comment>
  }

  /** Open a thread on `anchor` (the words `quote`), speaking for `speaker`. */
  comment(anchor: TextAnchor, quote: string, body: string, speaker: Speaker | null): Comment {
    return this.add({ anchor, quote: quote.slice(0, MAX_QUOTE_CHARS) }, body, speaker)
  }

  /** Answer thread `thread`. */
  reply(thread: string, body: string, speaker: Speaker | null): Comment {
    return this.add({ replyTo: thread }, body, speaker)
  }

  /** Change the body of one's own comment. */
  edit(id: string, body: string): Comment {
    return this.change(id, (c) => ({ ...c, body: body.trim(), editedAt: this.now() }))
  }

  /** Withdraw one's own comment (it stays, shown as withdrawn). */
  withdraw(id: string): Comment {
    return this.change(id, (c) => ({ ...c, withdrawn: true }))
  }

  /** Resolve thread `id`, signed by the actor (co-chairs and the secretariat). */
  resolve(id: string): Comment {
    return this.change(id, (c) => ({ ...c, resolved: { by: this.actor.username, at: this.now() } }))
  }

  /** Reopen resolved thread `id` (co-chairs and the secretariat). */
  reopen(id: string): Comment {
    return this.change(id, (c) => ({ ...c, resolved: null }))
  }

  private add(place: Pick<Comment, 'anchor' | 'quote' | 'replyTo'>, body: string, speaker: Speaker | null): Comment {
    const comment: Comment = {
      id: freshId('c'),
      ...place,
      body: body.trim(),
      by: this.actor.username,
      for: speaker,
      source: 'accord',
      at: this.now(),
    }
    return this.write(undefined, comment)
  }

  private change(id: string, edit: (c: Comment) => Comment): Comment {
    const before = proposalsRoom(this.doc).comments.get(id)
    if (!before) throw new Error(`no comment ${id}`)
    return this.write(before, edit(before))
  }

  private write(before: Comment | undefined, after: Comment): Comment {
    const refusal = refuseCommentEntry(this.actor, { key: after.id, before, after }, this.roster)
    if (refusal) throw new Error(refusal.message)
    this.doc.transact(() => proposalsRoom(this.doc).comments.set(after.id, after), COMMENT_ORIGIN)
    return after
  }
}
