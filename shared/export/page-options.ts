/**
 * How an issued text is laid out, one object for every renderer of a page (HTML,
 * the PDF printed from it, Word): the UN document header, what kind of text it
 * is, and whether its lines are numbered. A new layout choice is added here once
 * and reaches every format.
 */
import type { DocumentHeader } from './document-header.ts'

/** The layout of one issued page. */
export interface PageOptions {
  /** The UN document header, its date and title settled for this export. */
  heading: DocumentHeader
  /** A subtitle under the title: `Consolidated text` or `Text as negotiated`, with the revision. */
  status: string
  /** Number the lines (HTML and PDF: Accord's lines, as the editor numbers them; Word: Word's own). */
  lineNumbers?: boolean
}
