/**
 * The document routes as the browser calls them: the list (and the archive), previewing
 * and creating from an uploaded file with progress, renaming, archiving and restoring,
 * deleting, and the UN header. The shapes are the server's.
 */
import type { CatalogueEntry } from '../../shared/document/catalogue-entry.ts'
import type { RoomKind } from '../../shared/document/rooms.ts'
import type { DocumentHeader } from '../../shared/export/document-header.ts'
import type { Diagnostic } from '../../shared/import/diagnostic.ts'
import type { Guess } from '../../shared/import/guess.ts'
import type { TextSummary } from '../../shared/inspect/summary.ts'
import { callApi } from '../app/api.ts'
import type { Session } from '../app/session.ts'
import { sendWithProgress, type UploadProgress } from '../app/upload-request.ts'

/** A document as listed: its catalogue entry and the names of its sync rooms (a client never builds them). */
export interface DocumentEntry extends CatalogueEntry {
  rooms: Record<RoomKind, string>
}

/** What the server would store for an upload, before anything is stored. */
export interface DocumentPreview {
  id: string
  title: string
  digest: string
  summary: TextSummary
  diagnostics: Diagnostic[]
  guesses: (Guess & { text?: string })[]
  import: { kind: 'text' } | ({ kind: 'docx' } & Record<string, number>)
  characters: number
  lines: number
}

/** A created document and what the importer said. */
export interface CreatedDocument {
  document: DocumentEntry
  diagnostics: Diagnostic[]
}

/** The document calls of one session. */
export class DocumentApi {
  constructor(private readonly session: Session) {}

  private path(id: string, rest = ''): string {
    return `/api/documents/${encodeURIComponent(id)}${rest}`
  }

  /** The live documents. */
  list(): Promise<DocumentEntry[]> {
    return callApi('GET', '/api/documents', this.session.token)
  }

  /** The archived documents (secretariat). */
  archived(): Promise<DocumentEntry[]> {
    return callApi('GET', '/api/documents?archived=true', this.session.token)
  }

  /** Imports `file` as the server would, storing nothing. */
  preview(file: File, title: string, id: string, progress: UploadProgress): Promise<DocumentPreview> {
    return sendWithProgress('POST', '/api/documents/preview', this.session.token, form(file, title, id), progress)
  }

  /** Creates the document from `file`, refused unless it is the file previewed (`digest`). */
  create(file: File, title: string, id: string, digest: string, progress: UploadProgress): Promise<CreatedDocument> {
    const route = `/api/documents?digest=${encodeURIComponent(digest)}`
    return sendWithProgress('POST', route, this.session.token, form(file, title, id), progress)
  }

  /** Gives the document a new title. */
  rename(id: string, title: string): Promise<DocumentEntry> {
    return callApi('PATCH', this.path(id), this.session.token, { title })
  }

  /** Archives the document. */
  archive(id: string): Promise<DocumentEntry> {
    return callApi('POST', this.path(id, '/archive'), this.session.token)
  }

  /** Makes an archived document live again. */
  unarchive(id: string): Promise<DocumentEntry> {
    return callApi('POST', this.path(id, '/unarchive'), this.session.token)
  }

  /** Deletes a document nobody has edited; refused (409) otherwise. */
  remove(id: string): Promise<void> {
    return callApi('DELETE', this.path(id), this.session.token)
  }

  /** The document's UN header. */
  header(id: string): Promise<DocumentHeader> {
    return callApi('GET', this.path(id, '/header'), this.session.token)
  }

  /** Stores the document's UN header (secretariat). */
  saveHeader(id: string, header: DocumentHeader): Promise<DocumentHeader> {
    return callApi('PUT', this.path(id, '/header'), this.session.token, header)
  }
}

function form(file: File, title: string, id: string): FormData {
  const data = new FormData()
  data.append('title', title)
  if (id) data.append('id', id)
  data.append('file', file, file.name)
  return data
}
