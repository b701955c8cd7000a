/**
 * Creating a document: import its plain text into a fresh Y.Doc and store that state as
 * the first row of its text room, together with its catalogue entry, in one transaction.
 */
import * as Y from 'yjs'
import type { Annotation, Diagnostic } from '../../shared/import/index.ts'
import type { Bindings } from '../../shared/model/bindings.ts'
import type { Services } from '../services.ts'
import type { DocumentRecord } from '../store/documents.ts'
import { documentIdPattern, roomName } from '../../shared/document/rooms.ts'
import { seedDocument } from './template.ts'

/** What to create. */
export interface NewDocument {
  /** Wanted id; derived from the title when absent. */
  id?: string
  title: string
  text: string
  annotations?: Annotation[]
  /** Model bindings for the text's brackets and placeholders (a template's bindings.json). */
  bindings?: Bindings
  createdBy: string
}

/** A created document with the importer's diagnostics, or the reason it was not created. */
export type Creation =
  { ok: true; document: DocumentRecord; diagnostics: Diagnostic[] } | { ok: false; field: 'id'; message: string }

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
  const doc = new Y.Doc()
  const { diagnostics } = seedDocument(doc, input.text, input.annotations ?? [], input.bindings ?? {})
  const state = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  const documentId = id
  services.updates.batch(() => {
    services.documents.create({ id: documentId, title: input.title, kind: 'negotiation', createdBy: input.createdBy })
    services.updates.append(roomName(documentId, 'text'), state)
  })
  return { ok: true, document: services.documents.get(documentId)!, diagnostics }
}
