/**
 * One import, as the import thread runs it: a text (or a Word document's reading) seeded
 * into fresh Y.Docs for the text room and the proposals room, encoded, with what the
 * importer found. Pure of the store and the network, so it can run in a worker thread
 * (`import-thread.ts`) and never holds up the server's event loop.
 */
import * as Y from 'yjs'
import type { Node } from 'prosemirror-model'
import type { DocxImportCounts } from '../../shared/document/docx-document.ts'
import { readNegotiationDoc, summarizeNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import type { DocxReading } from '../../shared/docx/index.ts'
import type { Annotation, Diagnostic, Guess } from '../../shared/import/index.ts'
import { plainText } from '../../shared/consolidate/unresolved.ts'
import type { TextSummary } from '../../shared/inspect/summary.ts'
import type { Bindings } from '../../shared/model/bindings.ts'
import { seedDocument, seedDocumentFromDocx } from './template.ts'

/** What to import. */
export interface ImportJob {
  text: string
  annotations?: Annotation[]
  bindings?: Bindings
  /** The Word document the text was read from: its changes and comments are imported too. */
  docx?: DocxReading
  /** Who signs a Word document's comments. */
  createdBy: string
}

/** An imported document: its rooms' first states and what the importer found. */
export interface ImportedDocument {
  text: Uint8Array
  /** The proposals room's first state (a Word document's comments); null when it starts empty. */
  proposals: Uint8Array | null
  diagnostics: Diagnostic[]
  summary: TextSummary
  /** The importer's guesses, each with the text it concerns where it is a bracket group. */
  guesses: (Guess & { text?: string })[]
  counts?: DocxImportCounts
}

/** Runs one import. */
export function runImport(job: ImportJob): ImportedDocument {
  const rooms = { text: new Y.Doc(), proposals: new Y.Doc() }
  try {
    let diagnostics: Diagnostic[]
    let guesses: Guess[]
    let counts: DocxImportCounts | undefined
    if (job.docx) ({ diagnostics, guesses, counts } = seedDocumentFromDocx(rooms, job.docx, job.createdBy))
    else ({ diagnostics, guesses } = seedDocument(rooms.text, job.text, job.annotations ?? [], job.bindings ?? {}))
    return {
      text: Y.encodeStateAsUpdate(rooms.text),
      proposals: rooms.proposals.share.size > 0 ? Y.encodeStateAsUpdate(rooms.proposals) : null,
      diagnostics,
      summary: summarizeNegotiationDoc(rooms.text),
      guesses: quoted(guesses, readNegotiationDoc(rooms.text)),
      ...(counts ? { counts } : {}),
    }
  } finally {
    rooms.text.destroy()
    rooms.proposals.destroy()
  }
}

// Each guessed bracket group with its text as written, so a preview can show what to look at.
function quoted(guesses: Guess[], doc: Node): (Guess & { text?: string })[] {
  const texts = new Map<string, string>()
  doc.descendants((node) => {
    if (node.type.name === 'bracket_group') texts.set(node.attrs.id, plainText(node))
    return true
  })
  return guesses.map((g) => (g.id && texts.has(g.id) ? { ...g, text: texts.get(g.id) } : g))
}
