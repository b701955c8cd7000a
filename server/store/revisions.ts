/**
 * Named revisions (Rev.1, Rev.2 …): frozen Yjs states of a document's text room that
 * delegations compare with the current text.
 */
import type { Store } from './database.ts'

/** A revision's catalogue entry, without its state. */
export interface RevisionRecord {
  name: string
  createdAt: number
  createdBy: string | null
}

/** Reads and writes the `revisions` table. */
export class RevisionArchive {
  constructor(private readonly db: Store) {}

  /** Stores a snapshot; returns false when the name is taken for this document. */
  create(documentId: string, name: string, state: Uint8Array, createdBy: string): boolean {
    const result = this.db
      .prepare('INSERT OR IGNORE INTO revisions (document_id, name, state, created_at, created_by) VALUES (?, ?, ?, ?, ?)')
      .run(documentId, name, state, Date.now(), createdBy)
    return result.changes === 1
  }

  /** A document's revisions, oldest first. */
  list(documentId: string): RevisionRecord[] {
    const rows = this.db
      .prepare('SELECT name, created_at, created_by FROM revisions WHERE document_id = ? ORDER BY created_at, name')
      .all(documentId) as { name: string; created_at: number; created_by: string | null }[]
    return rows.map((r) => ({ name: r.name, createdAt: r.created_at, createdBy: r.created_by }))
  }

  /** A revision's stored Yjs state, or undefined. */
  state(documentId: string, name: string): Uint8Array | undefined {
    const row = this.db
      .prepare('SELECT state FROM revisions WHERE document_id = ? AND name = ?')
      .get(documentId, name) as { state: Buffer } | undefined
    return row ? new Uint8Array(row.state) : undefined
  }
}
