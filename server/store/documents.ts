/**
 * The catalogue of documents: ids, titles and who created them. Content lives in the
 * update log under the document's rooms, never here.
 */
import type { Store } from './database.ts'

/** A document's catalogue entry. */
export interface DocumentRecord {
  id: string
  title: string
  /** 'negotiation' for real texts; 'scratch' for rooms opened by the benchmark prefix. */
  kind: string
  createdAt: number
  createdBy: string | null
}

interface Row {
  id: string
  title: string
  kind: string
  created_at: number
  created_by: string | null
}

const toRecord = (row: Row): DocumentRecord => ({
  id: row.id,
  title: row.title,
  kind: row.kind,
  createdAt: row.created_at,
  createdBy: row.created_by,
})

/** Reads and writes the `documents` table. */
export class DocumentCatalogue {
  constructor(private readonly db: Store) {}

  /** Every document, oldest first. */
  list(): DocumentRecord[] {
    return (this.db.prepare('SELECT * FROM documents ORDER BY created_at, id').all() as Row[]).map(toRecord)
  }

  /** One document, or undefined. */
  get(id: string): DocumentRecord | undefined {
    const row = this.db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as Row | undefined
    return row && toRecord(row)
  }

  /** Adds a document; returns false when the id is taken. */
  create(record: Omit<DocumentRecord, 'createdAt'>): boolean {
    const result = this.db
      .prepare('INSERT OR IGNORE INTO documents (id, title, kind, created_at, created_by) VALUES (?, ?, ?, ?, ?)')
      .run(record.id, record.title, record.kind, Date.now(), record.createdBy)
    return result.changes === 1
  }

  /** How many documents exist. */
  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n
  }
}
