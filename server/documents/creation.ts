/**
 * Creating a document: import its plain text (or Word document) into fresh Y.Docs and
 * store their states as the first rows of its rooms — the text room, and for a Word
 * document the proposals room with its comments — together with its catalogue entry, in
 * one transaction: a document is created whole or not at all.
 */
import * as Y from 'yjs'
import type { DocxImportCounts } from '../../shared/document/docx-document.ts'
import type { DocxReading } from '../../shared/docx/index.ts'
import type { Annotation, Diagnostic } from '../../shared/import/index.ts'
import type { Bindings } from '../../shared/model/bindings.ts'
import type { Services } from '../services.ts'
import type { DocumentRecord } from '../store/documents.ts'
import { documentIdPattern, roomName } from '../../shared/document/rooms.ts'
import { seedDocument, seedDocumentFromDocx } from './template.ts'

/** What to create. */
export interface NewDocument {
  /** Wanted id; derived from the title when absent. */
  id?: string
  title: string
  text: string
  annotations?: Annotation[]
  /** Model bindings for the text's brackets and placeholders (a template's bindings.json). */
  bindings?: Bindings
  /** The Word document the text was read from: its changes and comments are imported too. */
  docx?: DocxReading
  createdBy: string
}

/** A created document with the importer's diagnostics, or the reason it was not created. */
export type Creation =
  | { ok: true; document: DocumentRecord; diagnostics: Diagnostic[]; counts?: DocxImportCounts }
  | { ok: false; field: 'id'; message: string }

/** A URL-safe id from a title: `Non-paper Rev.1` → `non-paper-rev-1`. */
export function idFromTitle(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return slug || 'document'
}

/** Imports and stores a new document. */
export function createDocument(services: Services, input: NewDocument): Creation {
  let id = input.id
  if (id === undefined) {
    const base = idFromTitle(input.title)
    id = base
    for (let n = 2; services.documents.get(id); n++) id = `${base}-${n}`
  }
  if (!documentIdPattern.test(id)) return { ok: false, field: 'id', message: 'must match ' + documentIdPattern.source }
  if (services.documents.get(id)) return { ok: false, field: 'id', message: `a document "${id}" already exists` }
  const rooms = { text: new Y.Doc(), proposals: new Y.Doc() }
  let diagnostics: Diagnostic[]
  let counts: DocxImportCounts | undefined
  if (input.docx) ({ diagnostics, counts } = seedDocumentFromDocx(rooms, input.docx, input.createdBy))
  else ({ diagnostics } = seedDocument(rooms.text, input.text, input.annotations ?? [], input.bindings ?? {}))
  const text = Y.encodeStateAsUpdate(rooms.text)
  const proposals = rooms.proposals.share.size > 0 ? Y.encodeStateAsUpdate(rooms.proposals) : undefined
  rooms.text.destroy()
  rooms.proposals.destroy()
  const documentId = id
  services.updates.batch(() => {
    services.documents.create({ id: documentId, title: input.title, kind: 'negotiation', createdBy: input.createdBy })
    services.updates.append(roomName(documentId, 'text'), text)
    if (proposals) services.updates.append(roomName(documentId, 'proposals'), proposals)
  })
  return { ok: true, document: services.documents.get(documentId)!, diagnostics, ...(counts ? { counts } : {}) }
}
