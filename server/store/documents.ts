/**
 * The catalogue of documents: ids, titles, who created them, whether they are archived,
 * and the UN header their exports print. Content lives in the update log under the
 * document's rooms, never here. An archived document keeps its row (and its rooms and
 * revisions): `get` and `list` no longer see it, `find` and `listArchived` do, and
 * restoring it makes it live again.
 */
import { DocumentHeaderSchema, EMPTY_HEADER, type DocumentHeader } from '../../shared/export/document-header.ts'
import type { CatalogueEntry } from '../../shared/document/catalogue-entry.ts'
import type { Store } from './database.ts'

/** A document's catalogue entry (`shared/document/catalogue-entry.ts`). */
export type DocumentRecord = CatalogueEntry

interface Row {
  id: string
  title: string
  kind: string
  created_at: number
  created_by: string | null
  archived_at: number | null
  header: string | null
}

const toRecord = (row: Row): DocumentRecord => ({
  id: row.id,
  title: row.title,
  kind: row.kind,
  createdAt: row.created_at,
  createdBy: row.created_by,
  archivedAt: row.archived_at ?? null,
})

/** Reads and writes the `documents` table. */
export class DocumentCatalogue {
  constructor(private readonly db: Store) {}

  /** Every live document, oldest first. */
  list(): DocumentRecord[] {
    return (this.db.all('SELECT * FROM documents WHERE archived_at IS NULL ORDER BY created_at, id') as Row[]).map(
      toRecord,
    )
  }

  /** Every archived document, most recently archived first. */
  listArchived(): DocumentRecord[] {
    return (
      this.db.all('SELECT * FROM documents WHERE archived_at IS NOT NULL ORDER BY archived_at DESC, id') as Row[]
    ).map(toRecord)
  }

  /** One live document, or undefined (archived ones are not there for sync, exports or editing). */
  get(id: string): DocumentRecord | undefined {
    const found = this.find(id)
    return found && found.archivedAt === null ? found : undefined
  }

  /** One document, live or archived, or undefined. */
  find(id: string): DocumentRecord | undefined {
    const row = this.db.get('SELECT * FROM documents WHERE id = ?', id) as Row | undefined
    return row && toRecord(row)
  }

  /** Adds a document; returns false when the id is taken (by a live or an archived document). */
  create(record: Omit<DocumentRecord, 'createdAt' | 'archivedAt'>): boolean {
    const result = this.db.run(
      'INSERT INTO documents (id, title, kind, created_at, created_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      record.id,
      record.title,
      record.kind,
      Date.now(),
      record.createdBy,
    )
    return result.changes === 1
  }

  /** Gives a document a new title. */
  rename(id: string, title: string): void {
    this.db.run('UPDATE documents SET title = ? WHERE id = ?', title, id)
  }

  /** Archives a document (`archived`) or makes it live again. */
  setArchived(id: string, archived: boolean): void {
    this.db.run('UPDATE documents SET archived_at = ? WHERE id = ?', archived ? Date.now() : null, id)
  }

  /** Removes a document's row; its rooms' rows and revisions are the caller's to remove in the same transaction. */
  remove(id: string): void {
    this.db.run('DELETE FROM documents WHERE id = ?', id)
  }

  /** The document's UN header; an empty one until the secretariat sets it. */
  header(id: string): DocumentHeader {
    const row = this.db.get('SELECT header FROM documents WHERE id = ?', id) as { header: string | null }
    if (!row?.header) return { ...EMPTY_HEADER }
    // Written only through `setHeader`, so it parses; a hand-edited store falls back to the fields that do.
    const parsed = DocumentHeaderSchema.safeParse({ ...EMPTY_HEADER, ...JSON.parse(row.header) })
    return parsed.success ? parsed.data : { ...EMPTY_HEADER }
  }

  /** Stores the document's UN header. */
  setHeader(id: string, header: DocumentHeader): void {
    this.db.run('UPDATE documents SET header = ? WHERE id = ?', JSON.stringify(header), id)
  }

  /** How many documents exist, archived ones included. */
  count(): number {
    return (this.db.get('SELECT count(*) AS n FROM documents') as { n: number }).n
  }
}
