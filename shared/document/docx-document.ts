/**
 * A Word document into a negotiation's two rooms, beside `seedNegotiationDoc`:
 * its text and structure through the same importer as a plain text; its
 * tracked changes as pending changes in the text room (the words stay in the
 * text, as Word shows them with all markup); its comments, anchored on the
 * same words, as comment threads in the proposals room, each speaking for the
 * Party or group its opening names (`readSpeaker`) and recorded by its Word author.
 */
import type * as Y from 'yjs'
import { MAX_COMMENT_CHARS, MAX_QUOTE_CHARS, type Comment } from '../comments/comment.ts'
import type { DocxReading } from '../docx/reading.ts'
import { importText, type Annotation, type Diagnostic, type Guess } from '../import/index.ts'
import type { Bindings } from '../model/bindings.ts'
import type { Roster } from '../parties/roster.ts'
import { readSpeaker } from '../parties/speaker.ts'
import { writeSharedBindings } from './model-state.ts'
import { recordPendingChanges, type PendingDraft } from '../pending-changes/decide.ts'
import { textPositions } from '../serialize/text-positions.ts'
import { writeNegotiationDoc } from './negotiation-doc.ts'
import { proposalsRoom } from './proposals-room.ts'
import { textRoom } from './text-room.ts'
import { PositionMapper } from './relative-positions.ts'
import { anchorRange } from './text-anchor.ts'

/** What the import of a Word document made. */
export interface DocxImportCounts {
  paragraphs: number
  comments: number
  /** Comments whose opening names a Party or group. */
  commentsWithParty: number
  insertions: number
  deletions: number
  footnotes: number
  endnotes: number
  tables: number
}

/** The rooms a Word document is imported into (both empty). */
export interface NegotiationRooms {
  text: Y.Doc
  proposals: Y.Doc
}

/** Who imports, and when (the signature of every record the import writes); whom comments speak for. */
export interface DocxImportOptions {
  by: string
  at: string
  /** The Parties and groups a comment's opening words are read against. */
  roster: Roster
  annotations?: Annotation[]
  bindings?: Bindings
}

/** The counts of a reading, as `accord inspect` and the upload report them; comments are attributed from `roster`. */
export function docxCounts(reading: DocxReading, roster: Roster): DocxImportCounts {
  return {
    paragraphs: reading.paragraphs.filter((p) => p.place === 'body').length,
    comments: reading.comments.length,
    commentsWithParty: reading.comments.filter((c) => readSpeaker(c.body, roster).speaker).length,
    insertions: reading.changes.filter((c) => c.kind === 'insertion').length,
    deletions: reading.changes.filter((c) => c.kind === 'deletion').length,
    footnotes: reading.notes.filter((n) => n.kind === 'footnote').length,
    endnotes: reading.notes.filter((n) => n.kind === 'endnote').length,
    tables: reading.tables.length,
  }
}

/** Import `reading` into empty `rooms`; returns the reader's and the importer's diagnostics and the counts. */
export function seedNegotiationDocFromDocx(
  rooms: NegotiationRooms,
  reading: DocxReading,
  options: DocxImportOptions,
): { diagnostics: Diagnostic[]; guesses: Guess[]; counts: DocxImportCounts } {
  const { doc, diagnostics: imported, guesses } = importText(reading.text, { annotations: options.annotations ?? [] })
  const diagnostics = [...reading.diagnostics, ...imported].sort((a, b) => a.line - b.line || a.column - b.column)
  const positions = textPositions(doc)
  rooms.text.transact(() => {
    writeNegotiationDoc(rooms.text, doc, diagnostics)
    writeSharedBindings(rooms.text, options.bindings ?? {})
    const drafts: PendingDraft[] = reading.changes.map((c) => {
      const range = positions.range(c.from, c.to)
      return {
        id: `word-${c.kind === 'insertion' ? 'ins' : 'del'}-${c.id}`,
        kind: c.kind,
        text: c.text,
        author: c.author || 'Word',
        ...(c.date ? { date: c.date } : {}),
        by: options.by,
        at: options.at,
        source: 'word',
        ...(c.move !== undefined ? { move: c.move } : {}),
        ...(c.blockBreak ? { blockBreak: true as const } : {}),
        from: range.from,
        to: range.to,
      }
    })
    recordPendingChanges(rooms.text, drafts)
  })
  const mapper = new PositionMapper(textRoom(rooms.text).text)
  const comments = proposalsRoom(rooms.proposals).comments
  const ids = new Map(reading.comments.map((c) => [c.id, `word-${c.id}`]))
  // Accord threads are flat, like Word's: a reply to a reply answers the thread's first comment.
  const parentOf = new Map(reading.comments.map((c) => [c.id, c.parentId]))
  const rootOf = (id: string): string => {
    for (let i = 0, at = id; i < 100; i++) {
      const up = parentOf.get(at)
      if (up === undefined || !ids.has(up)) return at
      at = up
    }
    return id
  }
  rooms.proposals.transact(() => {
    for (const c of reading.comments) {
      const root = rootOf(c.id)
      const parent = root !== c.id ? ids.get(root) : undefined
      const range = positions.range(c.from, c.to)
      if (c.body.length > MAX_COMMENT_CHARS)
        diagnostics.push({
          line: 1,
          column: 1,
          message: `Word comment ${c.id} is longer than ${MAX_COMMENT_CHARS} characters: its end was cut`,
        })
      const comment: Comment = {
        id: ids.get(c.id)!,
        ...(parent
          ? { replyTo: parent }
          : { anchor: anchorRange(mapper, range.from, range.to), quote: c.quote.slice(0, MAX_QUOTE_CHARS) }),
        body: c.body.slice(0, MAX_COMMENT_CHARS) || '(empty comment)',
        by: options.by,
        for: readSpeaker(c.body, options.roster).speaker,
        recordedBy: c.author,
        source: 'word',
        at: c.date ?? options.at,
        ...(!parent && c.done ? { resolved: { by: options.by, at: options.at } } : {}),
      }
      comments.set(comment.id, comment)
    }
  })
  return { diagnostics, guesses, counts: docxCounts(reading, options.roster) }
}
