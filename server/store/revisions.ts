/**
 * Named revisions (Rev.1, Rev.2 …): frozen Yjs states of a document's text room (text,
 * resolutions, bindings, values, inscriptions) and of its proposals room, with who made
 * them and when. Rows are only ever added: restoring an old revision adds a new one.
 */
import type { Store } from './database.ts'

/** A revision's catalogue entry, without its state. */
export interface RevisionRecord {
  name: string
  createdAt: number
  createdBy: string | null
  /** The revision this one restored, when it was made by a restore. */
  restoredFrom: string | null
  /** What it is, in words (Rev.0: "as tabled"); null when nothing was said. */
  description: string | null
}

/** The stored states of a revision. */
export interface RevisionStates {
  text: Uint8Array
  /** The proposals room as it stood; null for revisions made before proposals were kept. */
  proposals: Uint8Array | null
}

interface Row {
  name: string
  created_at: number
  created_by: string | null
  restored_from: string | null
  description: string | null
}

const toRecord = (r: Row): RevisionRecord => ({
  name: r.name,
  createdAt: r.created_at,
  createdBy: r.created_by,
  restoredFrom: r.restored_from,
  description: r.description ?? null,
})

const COLUMNS = 'name, created_at, created_by, restored_from, description'

/** Reads and writes the `revisions` table. */
export class RevisionArchive {
  constructor(private readonly db: Store) {}

  /** Stores a snapshot; returns false when the name is taken for this document. */
  create(
    documentId: string,
    name: string,
    state: Uint8Array,
    createdBy: string,
    extra: { proposals?: Uint8Array | null; restoredFrom?: string | null; description?: string | null } = {},
  ): boolean {
    const result = this.db.run(
      'INSERT INTO revisions (document_id, name, state, created_at, created_by, proposals_state, restored_from, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      documentId,
      name,
      state,
      Date.now(),
      createdBy,
      extra.proposals ?? null,
      extra.restoredFrom ?? null,
      extra.description ?? null,
    )
    return result.changes === 1
  }

  /** A document's revisions, oldest first. */
  list(documentId: string): RevisionRecord[] {
    const rows = this.db.all(
      `SELECT ${COLUMNS} FROM revisions WHERE document_id = ? ORDER BY created_at, rowid`,
      documentId,
    ) as Row[]
    return rows.map(toRecord)
  }

  /** One revision's entry, or undefined. */
  get(documentId: string, name: string): RevisionRecord | undefined {
    const row = this.db.get(`SELECT ${COLUMNS} FROM revisions WHERE document_id = ? AND name = ?`, documentId, name) as
      Row | undefined
    return row && toRecord(row)
  }

  /** A revision's stored text-room state, or undefined. */
  state(documentId: string, name: string): Uint8Array | undefined {
    return this.states(documentId, name)?.text
  }

  /** A revision's stored states, or undefined. */
  states(documentId: string, name: string): RevisionStates | undefined {
    const row = this.db.get(
      'SELECT state, proposals_state FROM revisions WHERE document_id = ? AND name = ?',
      documentId,
      name,
    ) as { state: Buffer; proposals_state: Buffer | null } | undefined
    return row
      ? { text: new Uint8Array(row.state), proposals: row.proposals_state ? new Uint8Array(row.proposals_state) : null }
      : undefined
  }

  /** Removes every revision of a document (deleting a document nobody edited). */
  removeAll(documentId: string): void {
    this.db.run('DELETE FROM revisions WHERE document_id = ?', documentId)
  }

  /**
   * The next free name in the Rev.N series: one more than the highest `Rev.N` of the
   * document (Rev.1 for the first).
   */
  nextName(documentId: string): string {
    const highest = this.list(documentId).reduce(
      (n, r) => Math.max(n, Number(/^Rev\.(\d+)$/.exec(r.name)?.[1] ?? 0)),
      0,
    )
    return `Rev.${highest + 1}`
  }
}
