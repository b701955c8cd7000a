/**
 * Creating a document: import its plain text (or Word document) into fresh Y.Docs, then
 * store their states as the first rows of its rooms — the text room, and for a Word
 * document the proposals room with its comments — together with its catalogue entry and
 * its Rev.0 "as tabled", in one transaction: a document is created whole or not at all,
 * and what was tabled can always be read back. `prepareDocument` does the import alone,
 * storing nothing: the upload preview shows exactly what creating would store.
 */
import * as Y from 'yjs'
import type { DocxImportCounts } from '../../shared/document/docx-document.ts'
import { readNegotiationDoc, summarizeNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import type { Node } from 'prosemirror-model'
import type { DocxReading } from '../../shared/docx/index.ts'
import type { Annotation, Diagnostic, Guess } from '../../shared/import/index.ts'
import { plainText } from '../../shared/consolidate/unresolved.ts'
import type { TextSummary } from '../../shared/inspect/summary.ts'
import type { Bindings } from '../../shared/model/bindings.ts'
import type { Services } from '../services.ts'
import type { DocumentRecord } from '../store/documents.ts'
import { documentIdPattern, roomName } from '../../shared/document/rooms.ts'
import { seedDocument, seedDocumentFromDocx } from './template.ts'

/** The revision every document is given at import, and what it says. */
export const TABLED_REVISION = { name: 'Rev.0', description: 'as tabled' } as const

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

/** A document imported but not stored: its rooms' first states and what the importer found. */
export interface PreparedDocument {
  id: string
  text: Uint8Array
  /** The proposals room's first state (a Word document's comments); null when it starts empty. */
  proposals: Uint8Array | null
  diagnostics: Diagnostic[]
  summary: TextSummary
  /** The importer's guesses, each with the text it concerns where it is a bracket group. */
  guesses: (Guess & { text?: string })[]
  counts?: DocxImportCounts
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

/** Imports a new document without storing it; refuses an id that is taken or malformed. */
export function prepareDocument(
  services: Services,
  input: NewDocument,
): { ok: true; prepared: PreparedDocument } | { ok: false; field: 'id'; message: string } {
  let id = input.id
  if (id === undefined) {
    const base = idFromTitle(input.title)
    id = base
    for (let n = 2; services.documents.find(id); n++) id = `${base}-${n}`
  }
  if (!documentIdPattern.test(id)) return { ok: false, field: 'id', message: 'must match ' + documentIdPattern.source }
  const taken = services.documents.find(id)
  if (taken)
    return {
      ok: false,
      field: 'id',
      message: `a document "${id}" already exists${taken.archivedAt !== null ? ' (archived)' : ''}`,
    }
  const rooms = { text: new Y.Doc(), proposals: new Y.Doc() }
  try {
    let diagnostics: Diagnostic[]
    let guesses: Guess[]
    let counts: DocxImportCounts | undefined
    if (input.docx) ({ diagnostics, guesses, counts } = seedDocumentFromDocx(rooms, input.docx, input.createdBy))
    else
      ({ diagnostics, guesses } = seedDocument(rooms.text, input.text, input.annotations ?? [], input.bindings ?? {}))
    return {
      ok: true,
      prepared: {
        id,
        text: Y.encodeStateAsUpdate(rooms.text),
        proposals: rooms.proposals.share.size > 0 ? Y.encodeStateAsUpdate(rooms.proposals) : null,
        diagnostics,
        summary: summarizeNegotiationDoc(rooms.text),
        guesses: quoted(guesses, readNegotiationDoc(rooms.text)),
        ...(counts ? { counts } : {}),
      },
    }
  } finally {
    rooms.text.destroy()
    rooms.proposals.destroy()
  }
}

/** Imports and stores a new document with its Rev.0. */
export function createDocument(services: Services, input: NewDocument): Creation {
  const result = prepareDocument(services, input)
  if (!result.ok) return result
  const { prepared } = result
  const id = prepared.id
  services.updates.batch(() => {
    services.documents.create({ id, title: input.title, kind: 'negotiation', createdBy: input.createdBy })
    services.updates.append(roomName(id, 'text'), prepared.text)
    if (prepared.proposals) services.updates.append(roomName(id, 'proposals'), prepared.proposals)
    services.revisions.create(id, TABLED_REVISION.name, prepared.text, input.createdBy, {
      proposals: prepared.proposals,
      description: TABLED_REVISION.description,
    })
  })
  return {
    ok: true,
    document: services.documents.get(id)!,
    diagnostics: prepared.diagnostics,
    ...(prepared.counts ? { counts: prepared.counts } : {}),
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
