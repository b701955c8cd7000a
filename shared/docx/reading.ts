/**
 * What the DOCX reader gives back: the plain text the importer reads (one
 * paragraph per line, blank lines between blocks, numbering rendered, table
 * rows tab-separated, note bodies after their section) and everything Word
 * knows about it as side data keyed to character offsets of that text.
 */
import type { Diagnostic } from '../import/index.ts'

/** A range of the text, `from` inclusive, `to` exclusive (UTF-16 offsets). */
export interface TextSpan {
  from: number
  to: number
}

/** Where a paragraph sits in the Word file. */
export type ParagraphPlace = 'body' | 'cell' | 'footnote' | 'endnote'

/** A paragraph of the Word file and the span of the text it became. */
export interface DocxParagraph extends TextSpan {
  place: ParagraphPlace
  /** The paragraph style's name (`heading 1`, `Title`, `List Paragraph`), if any. */
  style?: string
  /** Outline level (0 = top) from the paragraph or its style; `heading N` styles count. */
  outlineLevel?: number
  /** The automatic number Word shows, rendered into the text before the paragraph's own words. */
  number?: { label: string; level: number; numId: string; format: string }
}

/** Formatting kept as marks. */
export type DocxMarkName = 'bold' | 'italic' | 'underline' | 'strike' | 'highlight' | 'superscript' | 'subscript'

/** A run of text carrying one mark (`value`: the highlight colour). */
export interface DocxMark extends TextSpan {
  mark: DocxMarkName
  value?: string
}

/**
 * A tracked change as Word recorded it. The text holds both inserted and deleted
 * words (as Word shows them with all markup); accepting an insertion keeps its
 * span, rejecting it removes the span; accepting a deletion removes the span,
 * rejecting it keeps it. A move is a deletion and an insertion sharing `move`.
 */
export interface TrackedChange extends TextSpan {
  /** Word's revision id (unique per kind in the file). */
  id: string
  kind: 'insertion' | 'deletion'
  author: string
  /** ISO date as Word wrote it, when it did. */
  date?: string
  /** The name pairing a moveFrom with its moveTo. */
  move?: string
  /** True when the change is a paragraph (or table row) mark: the break between two blocks. */
  blockBreak?: boolean
  /** The characters of the span. */
  text: string
}

/** A formatting-only change (`w:rPrChange`): kept as a note, it changes no text. */
export interface FormatChange extends TextSpan {
  id: string
  author: string
  date?: string
}

/** A Word comment, anchored to the words it covers. */
export interface DocxComment extends TextSpan {
  id: string
  /** The Word author: who typed it, kept as "recorded by". */
  author: string
  initials?: string
  date?: string
  /** The comment's text, paragraphs joined by newlines. */
  body: string
  /** The comment this one replies to (commentsExtended.xml). */
  parentId?: string
  /** Marked done in Word. */
  done: boolean
  /** The words the comment covers. */
  quote: string
}

/** A footnote or endnote: its reference mark in the text and its body after its section. */
export interface DocxNote {
  kind: 'footnote' | 'endnote'
  id: string
  /** The mark as shown (`1`, `ii`, `*`). */
  label: string
  /** The reference mark in the text (absent for a note whose reference was not found). */
  ref?: TextSpan
  /** The note's body, its label first. */
  body: TextSpan
}

/** A Word table and the lines of the text it became. */
export interface DocxTable extends TextSpan {
  rows: number
  /** Grid columns (cells per line after spans are laid out). */
  columns: number
  /** Cells spanning columns or continuing a vertical merge (0-based row and grid column). */
  merges: { row: number; column: number; span: number; continuesAbove: boolean }[]
}

/** Everything the reader found. */
export interface DocxReading {
  text: string
  paragraphs: DocxParagraph[]
  marks: DocxMark[]
  changes: TrackedChange[]
  formatChanges: FormatChange[]
  comments: DocxComment[]
  notes: DocxNote[]
  tables: DocxTable[]
  /** What the reader could not carry over or had to approximate, at a line and column of `text`. */
  diagnostics: Diagnostic[]
}
