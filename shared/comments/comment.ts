/**
 * Comments anchored in the text: a thread's first comment covers a range of
 * the text (two Yjs relative positions into the text room, so the range
 * follows its words through everyone's edits); replies answer it. Each entry
 * is signed by the account that wrote it and says which Party or group it
 * speaks for; a comment carried over from Word keeps the Word author as
 * `recordedBy`. Comments live in the proposals room (delegations write there)
 * in the `comments` map, one entry per comment, and are never deleted: an
 * author withdraws theirs, a co-chair or the secretariat resolves a thread.
 */
import { z } from 'zod'
import { TextAnchorSchema } from '../document/text-anchor.ts'

/** Largest comment body, in characters. */
export const MAX_COMMENT_CHARS = 20_000
/** Largest quote of the commented words kept with a comment. */
export const MAX_QUOTE_CHARS = 2_000

/** The Party or negotiating group a comment speaks for, by its roster name. */
export const SpeakerSchema = z.object({ kind: z.enum(['party', 'group']), name: z.string().min(1).max(200) }).strict()

/** A resolution of a thread: who closed it and when. */
export const ResolutionSchema = z.object({ by: z.string().min(1), at: z.string().min(1) }).strict()

/** A stored comment. */
export const CommentSchema = z
  .object({
    id: z.string().min(1).max(100),
    /** The thread's first comment this one answers; absent on a thread's first comment. */
    replyTo: z.string().min(1).max(100).optional(),
    /** The commented range (a thread's first comment only). */
    anchor: TextAnchorSchema.optional(),
    /** The commented words when the comment was made, shown when the range is gone. */
    quote: z.string().max(MAX_QUOTE_CHARS).optional(),
    body: z.string().min(1).max(MAX_COMMENT_CHARS),
    /** The account that wrote the entry. */
    by: z.string().min(1),
    /** The Party or group it speaks for; null for a co-chair's or the secretariat's own remark. */
    for: SpeakerSchema.nullable(),
    /** Who typed it where it came from (the Word author of an imported comment). */
    recordedBy: z.string().max(200).optional(),
    /** Where it came from: typed in Accord, or carried over from a Word file. */
    source: z.enum(['accord', 'word']),
    at: z.string().min(1),
    /** When its author last changed the body. */
    editedAt: z.string().optional(),
    /** Withdrawn by its author: kept, shown as withdrawn. */
    withdrawn: z.literal(true).optional(),
    /** Set when a co-chair or the secretariat resolves the thread (first comments only). */
    resolved: ResolutionSchema.nullable().optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.replyTo === undefined && c.anchor === undefined)
      ctx.addIssue({ code: 'custom', path: ['anchor'], message: "a thread's first comment is anchored in the text" })
    if (c.replyTo !== undefined && (c.anchor !== undefined || c.resolved))
      ctx.addIssue({
        code: 'custom',
        path: ['replyTo'],
        message: 'a reply has no range of its own and is not resolved by itself',
      })
  })

/** A comment. */
export type Comment = z.infer<typeof CommentSchema>

/** A thread: its first comment and the replies, oldest first. */
export interface CommentThread {
  comment: Comment
  replies: Comment[]
}

/** The threads of a comments map (replies whose first comment is missing are left out). */
export function commentThreads(comments: Record<string, Comment>): CommentThread[] {
  const byAt = (a: Comment, b: Comment) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id)
  const threads = new Map<string, CommentThread>()
  for (const c of Object.values(comments)) if (c.replyTo === undefined) threads.set(c.id, { comment: c, replies: [] })
  for (const c of Object.values(comments)) if (c.replyTo !== undefined) threads.get(c.replyTo)?.replies.push(c)
  for (const t of threads.values()) t.replies.sort(byAt)
  return [...threads.values()].sort((a, b) => byAt(a.comment, b.comment))
}
