/**
 * The DOCX reader: a Word document's bytes → the plain text the importer
 * reads, with Word's formatting, tracked changes, comments, notes and tables
 * as side data keyed to offsets of that text (`DocxReading`). Pure: no I/O,
 * runs in Node and the browser. Anything that is not a readable Word document
 * is refused with a `SourceFileError` saying what it is.
 */
import type { Diagnostic } from '../import/index.ts'
import { SourceFileError } from '../source-file/error.ts'
import { sniffFileKind } from '../source-file/kind.ts'
import { refusal } from '../source-file/refusal.ts'
import { BlockReader } from './blocks.ts'
import { readComments } from './comments.ts'
import { InlineReader } from './inline.ts'
import { Notes } from './notes.ts'
import { Numbering } from './numbering.ts'
import { openDocxPackage } from './package.ts'
import type { DocxReading } from './reading.ts'
import { Styles } from './styles.ts'
import { TextWriter } from './text-writer.ts'
import { child } from './xml.ts'

export type * from './reading.ts'
export { acceptedText } from './accepted-text.ts'

/** Read the Word document `bytes` (called `name` in messages). */
export async function readDocx(bytes: Uint8Array, name = 'the document'): Promise<DocxReading> {
  const refused = refusal(sniffFileKind(bytes), name)
  if (refused) throw refused
  const parts = await openDocxPackage(bytes, name)
  const body = child(parts.document, 'w:body')
  if (!body)
    throw new SourceFileError(
      'unreadable',
      `${name}: the document part has no body`,
      'save the document again from Word as .docx',
    )
  const styles = new Styles(parts.styles)
  const numbering = new Numbering(parts.numbering, styles)
  const notes = new Notes(parts.footnotes, parts.endnotes, parts.settings)
  const out = new TextWriter()
  const inline = new InlineReader(out, styles, notes)
  const blocks = new BlockReader(out, inline, styles, numbering, notes, body)
  blocks.body(body)
  const text = out.text
  const kept = out.changes.filter((c) => c.to > c.from)
  const diagnostics: Diagnostic[] = []
  const note = (message: string, hint?: string) =>
    diagnostics.push({ line: 1, column: 1, message, ...(hint ? { hint } : {}) })
  if (kept.length < out.changes.length)
    note(`${out.changes.length - kept.length} tracked change(s) of white space only in empty paragraphs were not kept`)
  const t = inline.tallies
  if (t.hiddenCharacters)
    note(
      `${t.hiddenCharacters} characters of hidden text (Word's "hidden" formatting) were left out`,
      'show and unhide them in Word if they belong to the text',
    )
  if (t.drawingsWithText)
    note(
      `${t.drawingsWithText} drawing(s) or text box(es) hold text that was not imported`,
      'move that text into the document body in Word',
    )
  if (t.symbolCharacters)
    note(`${t.symbolCharacters} symbol-font character(s) were read as the nearest Unicode character`)
  if (notes.missing) note(`${notes.missing} note reference(s) point at notes the file does not contain`)
  const b = blocks.tallies
  if (b.nestedTables) note(`${b.nestedTables} table(s) inside table cells were flattened into their cells`)
  if (b.singleColumnTables) note(`${b.singleColumnTables} one-column table(s) were read as paragraphs`)
  return {
    text,
    paragraphs: out.paragraphs,
    marks: out.marks,
    changes: kept,
    formatChanges: out.formatChanges.filter((c) => c.to > c.from),
    comments: readComments(parts.comments, parts.commentsExtended, out.anchors, text),
    notes: out.notes,
    tables: blocks.tables,
    diagnostics,
  }
}
