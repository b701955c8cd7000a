/**
 * Comments and pending changes in a Word export of the text as negotiated, the
 * way Word writes its own: each open comment thread as Word comments (author,
 * initials, date, replies threaded, resolved threads marked done) over the
 * range of its words, and each pending change as a tracked insertion or
 * deletion with its author and date, so a Word user sees what Accord shows and
 * the Word reader reads the same comments and changes back. A comment that
 * speaks for a Party or group opens with its name ("Norway: …"), the
 * convention the reader reads it by.
 */
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  InsertedTextRun,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx'
import type * as Y from 'yjs'
import { threadSpans } from '../../shared/comments/comment-spans.ts'
import type { Comment } from '../../shared/comments/comment.ts'
import { proposalsRoom } from '../../shared/document/proposals-room.ts'
import type { Roster } from '../../shared/parties/roster.ts'
import { readSpeaker } from '../../shared/parties/speaker.ts'
import { pendingSpans } from '../../shared/pending-changes/decide.ts'
import { changeAuthor } from '../../shared/pending-changes/decision-log.ts'
import type { PendingChange } from '../../shared/pending-changes/pending-change.ts'

type Range = { from: number; to: number }

/** What a Word export carries besides the text: threads and pending changes over ranges of it. */
export interface DocxAnnotations {
  threads: { range: Range; comment: Comment; replies: Comment[] }[]
  changes: { range: Range; change: PendingChange }[]
  /** The roster a comment's opening is read against, to tell whether it already names its speaker. */
  roster: Roster
}

/**
 * The annotations of a document's rooms, ranges in the text room's positions (those of
 * `readNegotiationDoc`): comments not withdrawn whose words are still there, pending changes.
 */
export function annotationsOf(textDoc: Y.Doc, proposalsDoc: Y.Doc | null, roster: Roster): DocxAnnotations {
  const threads = proposalsDoc
    ? threadSpans(textDoc, proposalsRoom(proposalsDoc).comments.toJSON())
        .filter((s) => s.range && !s.thread.comment.withdrawn)
        .map((s) => ({
          range: s.range!,
          comment: s.thread.comment,
          replies: s.thread.replies.filter((r) => !r.withdrawn),
        }))
    : []
  const changes = pendingSpans(textDoc)
    .filter((s) => s.range && s.range.to > s.range.from && !s.change.blockBreak)
    .map((s) => ({ range: s.range!, change: s.change }))
  return { threads, changes, roster }
}

interface Thread {
  range: Range
  /** Word ids of the thread's first comment and its replies. */
  ids: number[]
}

/** Places the annotations in the runs of a Word document as it is written, in text order. */
export class DocxMarkup {
  private readonly threads: Thread[] = []
  private readonly definitions: ICommentOptions[] = []
  private readonly changes: { range: Range; change: PendingChange; id: number }[] = []
  private readonly boundaries: number[]
  private next = 0
  private readonly opened = new Set<Thread>()
  private readonly closed = new Set<Thread>()

  private readonly roster: Roster | null

  constructor(annotations?: DocxAnnotations) {
    this.roster = annotations?.roster ?? null
    for (const t of annotations?.threads ?? []) {
      const first = this.define(t.comment, undefined, !!t.comment.resolved)
      const ids = [first, ...t.replies.map((r) => this.define(r, first, !!t.comment.resolved))]
      this.threads.push({ range: t.range, ids })
    }
    this.threads.sort((a, b) => a.range.from - b.range.from)
    for (const c of annotations?.changes ?? []) this.changes.push({ ...c, id: this.next++ })
    const points = new Set<number>()
    for (const t of this.threads) points.add(t.range.from).add(t.range.to)
    for (const c of this.changes) points.add(c.range.from).add(c.range.to)
    this.boundaries = [...points].sort((a, b) => a - b)
  }

  /** The comments part: every comment with its author, initials, date, thread and done flag. */
  comments(): ICommentOptions[] {
    return this.definitions
  }

  /**
   * The runs of `text` (styled `options`) that stand at document position `pos` and take
   * `size` positions there — a text node its characters, an atom one — split where a comment
   * or change begins or ends; `pos` null for text outside the body's positions (notes).
   */
  runs(text: string, options: IRunOptions, pos: number | null, size: number): ParagraphChild[] {
    if (pos === null) return [new TextRun({ ...options, text })]
    const out: ParagraphChild[] = []
    // Only a text node can be split: an atom's characters are one position.
    const cuts = size === text.length ? this.boundaries.filter((b) => b > pos && b < pos + size) : []
    let at = pos
    for (const end of [...cuts, pos + size]) {
      out.push(...this.point(at))
      const piece = size === text.length ? text.slice(at - pos, end - pos) : text
      out.push(this.run(piece, options, at, end))
      at = end
    }
    out.push(...this.point(pos + size))
    return out
  }

  /** Comments still open at the end of the text, closed there. */
  finish(): ParagraphChild[] {
    return this.point(Infinity)
  }

  private define(c: Comment, parentId: number | undefined, resolved: boolean): number {
    const id = this.next++
    const author = (c.source === 'word' ? c.recordedBy : c.by) || c.by
    const date = new Date(c.at)
    this.definitions.push({
      id,
      author,
      initials: initialsOf(author),
      ...(Number.isNaN(date.getTime()) ? {} : { date }),
      ...(parentId !== undefined ? { parentId } : {}),
      ...(resolved ? { resolved: true } : {}),
      children: bodyWithSpeaker(c, this.roster)
        .split('\n')
        .map((line) => new Paragraph({ children: [new TextRun(line)] })),
    })
    return id
  }

  private run(text: string, options: IRunOptions, from: number, to: number): ParagraphChild {
    // A bracket drawn at a boundary (no width) is in a change that spans the boundary.
    const c = this.changes.find((x) =>
      from === to ? x.range.from <= from && from < x.range.to : x.range.from <= from && to <= x.range.to,
    )
    if (!c) return new TextRun({ ...options, text })
    const mark = { id: c.id, author: changeAuthor(c.change), date: c.change.date ?? c.change.at }
    return c.change.kind === 'insertion'
      ? new InsertedTextRun({ ...options, text, ...mark })
      : new DeletedTextRun({ ...options, text, ...mark })
  }

  // At position `p`: threads ending here are closed, threads beginning here (or skipped past) opened.
  private point(p: number): ParagraphChild[] {
    const out: ParagraphChild[] = []
    const close = (t: Thread) => {
      this.closed.add(t)
      for (const id of t.ids) out.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }))
    }
    for (const t of this.opened) if (!this.closed.has(t) && t.range.to <= p) close(t)
    for (const t of this.threads) {
      if (t.range.from > p) break
      if (this.opened.has(t)) continue
      this.opened.add(t)
      for (const id of t.ids) out.push(new CommentRangeStart(id))
      if (t.range.to <= p) close(t)
    }
    return out
  }
}

// A comment for a Party or group opens with its name, as the Word reader reads it.
function bodyWithSpeaker(c: Comment, roster: Roster | null): string {
  if (!c.for || (roster && readSpeaker(c.body, roster).speaker?.name === c.for.name)) return c.body
  return `${c.for.name}: ${c.body}`
}

/** A name's initials, as Word shows them beside a comment ("Barbara Ratusznik" → "BR"). */
export function initialsOf(name: string): string {
  const words = name.split(/[\s._-]+/).filter((w) => /^\p{L}/u.test(w))
  return (words.length ? words.map((w) => w[0]!.toUpperCase()).join('') : name.slice(0, 2)).slice(0, 9)
}
