/**
 * The comments of the open document, live: every thread with the range of the
 * text it covers now (the threads live in the proposals room, their anchors
 * point into the text room), re-read when either room changes; what this
 * account may do with them; and its writes, each refused locally first with
 * the server's own rule. Which thread is in front (the one at the caret, or
 * the one clicked) is kept here too, so the text, the margin and the panel
 * agree on it.
 */
import type { Node } from 'prosemirror-model'
import type * as Y from 'yjs'
import { CommentRegister, speakersFor } from '../../shared/comments/comment-register.ts'
import { threadSpans, type ThreadSpan } from '../../shared/comments/comment-spans.ts'
import type { Comment } from '../../shared/comments/comment.ts'
import { proposalsRoom } from '../../shared/document/proposals-room.ts'
import { PositionMapper } from '../../shared/document/relative-positions.ts'
import { mayDecide, mayPropose, speaksForAParty, writesAnything } from '../../shared/document/roles.ts'
import { anchorRange, type TextAnchor } from '../../shared/document/text-anchor.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import type { Speaker } from '../../shared/parties/speaker.ts'
import type { Account } from '../app/session.ts'
import { roster } from './shipped-roster.ts'

/** Where the comments come from. */
export interface CommentsSource {
  textDoc: Y.Doc
  /** The proposals room's document as it is now (a new one after the room is reopened). */
  proposalsDoc(): Y.Doc
  /** Calls `listener` whenever the proposals room changes or is reopened; returns the function that stops. */
  subscribeProposals(listener: () => void): () => void
  account: Account
  say(message: string): void
}

/** Words a new comment is about: their anchor and their text. */
export interface CommentTarget {
  anchor: TextAnchor
  quote: string
}

/** The comment threads of one document. */
export class LiveComments {
  private readonly listeners = new Set<() => void>()
  private scheduled = false
  private readonly stops: (() => void)[] = []
  /** The thread in front, if any. */
  active: string | null = null
  /** Whether the thread in front is shown even once resolved (it was brought there from the resolved list). */
  activeEvenResolved = false

  constructor(private readonly source: CommentsSource) {
    const changed = () => this.changed()
    this.stops.push(source.subscribeProposals(changed))
    const text = textRoom(source.textDoc).text
    text.observeDeep(changed)
    this.stops.push(() => text.unobserveDeep(changed))
  }

  private get actor() {
    const { username, role, party } = this.source.account
    return { username, role, party: party ?? undefined }
  }

  /** May comment and reply: delegations (for their Party or its groups), co-chairs, the secretariat. */
  get mayComment(): boolean {
    const actor = this.actor
    return writesAnything(actor.role) && (!speaksForAParty(actor.role) || mayPropose(actor))
  }

  /** May resolve and reopen threads. */
  get mayResolve(): boolean {
    return mayDecide(this.actor.role)
  }

  /** This account's name. */
  get me(): string {
    return this.actor.username
  }

  /** Whom this account may speak for, its Party first (null: its own voice). */
  speakers(): (Speaker | null)[] {
    return speakersFor(this.actor, roster)
  }

  /** Every thread with its present range, in text order. */
  spans(): ThreadSpan[] {
    return threadSpans(this.source.textDoc, proposalsRoom(this.source.proposalsDoc()).comments.toJSON())
  }

  /** Tell `listener` (once per burst) when threads or their ranges change; returns the function that stops. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Bring thread `id` to the front (null: none); `evenResolved` keeps it in the margin once resolved. */
  focus(id: string | null, evenResolved = false): void {
    if (this.active === id && this.activeEvenResolved === evenResolved) return
    this.active = id
    this.activeEvenResolved = evenResolved
    this.notify()
  }

  /** Whether thread `comment` is in the margin: open, or resolved and brought to the front from the list. */
  inMargin(comment: Comment): boolean {
    return !comment.resolved || (this.active === comment.id && this.activeEvenResolved)
  }

  /** The words `[from, to)` of `doc` (the text on screen, which the text room holds) as a comment's target. */
  target(doc: Node, from: number, to: number): CommentTarget {
    return {
      anchor: anchorRange(new PositionMapper(textRoom(this.source.textDoc).text), from, to),
      quote: doc.textBetween(from, to, ' ', (leaf) => String(leaf.attrs.text || leaf.attrs.name || '')),
    }
  }

  /** Open a thread on `target`. */
  comment(target: CommentTarget, body: string, speaker: Speaker | null): Comment | null {
    const made = this.write((r) => r.comment(target.anchor, target.quote, body, speaker))
    if (made) this.focus(made.id)
    return made
  }

  /** Reply to thread `thread`. */
  reply(thread: string, body: string, speaker: Speaker | null): Comment | null {
    return this.write((r) => r.reply(thread, body, speaker))
  }

  /** Resolve or reopen thread `id`. */
  settle(id: string, resolved: boolean): Comment | null {
    return this.write((r) => (resolved ? r.resolve(id) : r.reopen(id)))
  }

  /** Withdraw this account's comment `id`. */
  withdraw(id: string): Comment | null {
    return this.write((r) => r.withdraw(id))
  }

  /** Stop observing. */
  destroy(): void {
    this.stops.forEach((stop) => stop())
    this.listeners.clear()
  }

  private write(act: (register: CommentRegister) => Comment): Comment | null {
    try {
      return act(new CommentRegister(this.source.proposalsDoc(), this.actor, roster))
    } catch (error) {
      this.source.say(`The comment was not saved: ${(error as Error).message}.`)
      return null
    }
  }

  private changed(): void {
    if (this.scheduled) return
    this.scheduled = true
    queueMicrotask(() => {
      this.scheduled = false
      this.notify()
    })
  }

  private notify(): void {
    for (const listener of this.listeners) listener()
  }
}
