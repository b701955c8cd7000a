/**
 * Creating a document: import its plain text (or Word document) into fresh Y.Docs — in the
 * import thread, off the event loop (`import-thread.ts`) —, then
 * store their states as the first rows of its rooms — the text room, and for a Word
 * document the proposals room with its comments — together with its catalogue entry and
 * its Rev.0 "as tabled", in one transaction: a document is created whole or not at all,
 * and what was tabled can always be read back. `prepareDocument` does the import alone,
 * storing nothing: the upload preview shows exactly what creating would store.
 */
import type { DocxImportCounts } from '../../shared/document/docx-document.ts'
import type { DocxReading } from '../../shared/docx/index.ts'
import type { Annotation, Diagnostic } from '../../shared/import/index.ts'
import type { Bindings } from '../../shared/model/bindings.ts'
import type { Services } from '../services.ts'
import type { DocumentRecord } from '../store/documents.ts'
import { documentIdPattern, roomName } from '../../shared/document/rooms.ts'
import { runImport, type ImportedDocument, type ImportJob } from './import-job.ts'

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

/** A document imported but not stored: its id, its rooms' first states and what the importer found. */
export type PreparedDocument = ImportedDocument & { id: string }

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

/** How an import is run: in the import thread (the server's requests) or in-process (the first start). */
export type Importer = (job: ImportJob) => Promise<ImportedDocument>

/** Runs an import in this thread: for the first start, before the port is bound and nobody waits. */
export const importInProcess: Importer = async (job) => runImport(job)

/**
 * Imports a new document without storing it; refuses an id that is taken or malformed.
 * The import runs in the import thread unless `importer` says otherwise; it rejects with
 * `ImportRefused` when the importer runs out of its budget.
 */
export async function prepareDocument(
  services: Services,
  input: NewDocument,
  importer: Importer = (job) => services.importer.run(job),
): Promise<{ ok: true; prepared: PreparedDocument } | { ok: false; field: 'id'; message: string }> {
  const id = freeId(services, input)
  if (!id.ok) return id
  const { id: _id, title: _title, ...job } = input
  const imported = await importer(job)
  return { ok: true, prepared: { id: id.id, ...imported } }
}

/**
 * Imports and stores a new document with its Rev.0: its catalogue entry, its rooms' first
 * rows and Rev.0 in one transaction, so it is stored whole or not at all. The id is judged
 * again in that transaction: another creation may have taken it while this one imported.
 */
export async function createDocument(services: Services, input: NewDocument, importer?: Importer): Promise<Creation> {
  const result = await prepareDocument(services, input, importer)
  if (!result.ok) return result
  const { prepared } = result
  const id = prepared.id
  const stored = services.updates.batch(() => {
    if (!services.documents.create({ id, title: input.title, kind: 'negotiation', createdBy: input.createdBy }))
      return false
    services.updates.append(roomName(id, 'text'), prepared.text)
    if (prepared.proposals) services.updates.append(roomName(id, 'proposals'), prepared.proposals)
    services.revisions.create(id, TABLED_REVISION.name, prepared.text, input.createdBy, {
      proposals: prepared.proposals,
      description: TABLED_REVISION.description,
    })
    return true
  })
  if (!stored) return { ok: false, field: 'id', message: `a document "${id}" was created meanwhile` }
  return {
    ok: true,
    document: services.documents.get(id)!,
    diagnostics: prepared.diagnostics,
    ...(prepared.counts ? { counts: prepared.counts } : {}),
  }
}

// The id asked for, or one derived from the title that no document has.
function freeId(
  services: Services,
  input: NewDocument,
): { ok: true; id: string } | { ok: false; field: 'id'; message: string } {
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
  return { ok: true, id }
}
