/**
 * Comment threads with the range of the text each covers now: the anchors are
 * relative positions, resolved against the text room as it stands, so a
 * thread follows its words through everyone's edits and loses its range only
 * when its words are gone (it then shows its quote).
 */
import type * as Y from 'yjs'
import { PositionMapper } from '../document/relative-positions.ts'
import { anchoredRange } from '../document/text-anchor.ts'
import { textRoom } from '../document/text-room.ts'
import { commentThreads, type Comment, type CommentThread } from './comment.ts'

/** A thread and the document range its first comment covers now (null: its words are gone). */
export interface ThreadSpan {
  thread: CommentThread
  range: { from: number; to: number } | null
}

/** The threads of `comments` with their ranges in the text of `textDoc`, in text order (unanchored last). */
export function threadSpans(textDoc: Y.Doc, comments: Record<string, Comment>): ThreadSpan[] {
  const mapper = new PositionMapper(textRoom(textDoc).text)
  const spans = commentThreads(comments).map((thread): ThreadSpan => {
    const anchor = thread.comment.anchor
    return { thread, range: anchor ? anchoredRange(mapper, anchor) : null }
  })
  return spans.sort((a, b) => (a.range?.from ?? Infinity) - (b.range?.from ?? Infinity))
}
