/**
 * The durable update log: every Yjs update a room accepts is a row, appended before it is
 * relayed; compaction folds a room's rows into one state row.
 */
import * as Y from 'yjs'
import type { Store } from './database.ts'

/** A write to the store failed (disk full, I/O error, closed database): not the client's fault. */
export class StoreFailure extends Error {
  constructor(cause: unknown) {
    super(`store write failed: ${(cause as Error)?.message ?? String(cause)}`, { cause })
  }
}

/** What loading a room's log produced. */
export interface LoadedLog {
  /** Number of rows read. */
  rows: number
  /** Total stored bytes for the room, used for the document size limit. */
  bytes: number
}

/** The result of compacting one room. */
export interface Compaction {
  /** Rows before compaction. */
  rowsBefore: number
  /** Bytes of the single state row written (0 when nothing was done). */
  bytes: number
}

/** Append, load and compact per-room Yjs update logs in the store. */
export class UpdateLog {
  private readonly insert
  private readonly selectRoom
  private readonly deleteUpTo
  private readonly countRoom
  private readonly countUpTo
  private readonly insertAt
  private readonly transaction

  constructor(readonly db: Store) {
    this.insert = db.prepare('INSERT INTO updates (room, data) VALUES (?, ?)')
    this.selectRoom = db.prepare('SELECT seq, data FROM updates WHERE room = ? ORDER BY seq')
    this.deleteUpTo = db.prepare('DELETE FROM updates WHERE room = ? AND seq <= ?')
    this.countRoom = db.prepare(
      'SELECT count(*) AS n, coalesce(sum(length(data)), 0) AS bytes FROM updates WHERE room = ?',
    )
    this.countUpTo = db.prepare('SELECT count(*) AS n FROM updates WHERE room = ? AND seq <= ?')
    this.insertAt = db.prepare('INSERT INTO updates (seq, room, data) VALUES (?, ?, ?)')
    this.transaction = db.transaction((fn: () => unknown) => fn())
  }

  /** Appends one update. Call inside `batch` to share one commit (one fsync) with others. */
  append(room: string, update: Uint8Array): void {
    try {
      this.insert.run(room, update)
    } catch (error) {
      throw new StoreFailure(error)
    }
  }

  /** Runs `fn` in one write transaction: all appends inside commit together or not at all. */
  batch<T>(fn: () => T): T {
    try {
      return this.transaction.immediate(fn) as T
    } catch (error) {
      throw error instanceof StoreFailure ? error : new StoreFailure(error)
    }
  }

  /** Applies every stored update of `room` to `doc`, in one Yjs transaction. */
  loadInto(room: string, doc: Y.Doc, origin: unknown = null): LoadedLog {
    const rows = this.selectRoom.all(room) as { seq: number; data: Buffer }[]
    let bytes = 0
    doc.transact(() => {
      for (const row of rows) {
        bytes += row.data.length
        Y.applyUpdate(doc, row.data)
      }
    }, origin)
    return { rows: rows.length, bytes }
  }

  /** Row count and stored bytes of a room's log. */
  size(room: string): { rows: number; bytes: number } {
    const { n, bytes } = this.countRoom.get(room) as { n: number; bytes: number }
    return { rows: n, bytes }
  }

  /**
   * Replaces a room's rows by one row holding their merged state, atomically. Merging goes
   * through a Y.Doc (apply, then encode) because that is ~25× faster than Y.mergeUpdates.
   */
  compact(room: string): Compaction {
    return this.batch(() => {
      const rows = this.selectRoom.all(room) as { seq: number; data: Buffer }[]
      if (rows.length <= 1) return { rowsBefore: rows.length, bytes: 0 }
      const doc = new Y.Doc({ gc: true })
      doc.transact(() => {
        for (const row of rows) Y.applyUpdate(doc, row.data)
      })
      const state = Y.encodeStateAsUpdate(doc)
      doc.destroy()
      this.deleteUpTo.run(room, rows[rows.length - 1]!.seq)
      this.insert.run(room, state)
      return { rowsBefore: rows.length, bytes: state.length }
    })
  }

  /**
   * Swaps a room's rows up to `upToSeq` for `state`, their merge made elsewhere (the store
   * worker) from `rows` rows — only if exactly those rows are still there (no other
   * compaction or a deletion came between); the state takes the last merged row's `seq`,
   * so it stays ahead of every row appended since. Returns whether the swap was made.
   */
  replaceMerged(room: string, upToSeq: number, rows: number, state: Uint8Array): boolean {
    return this.batch(() => {
      const { n } = this.countUpTo.get(room, upToSeq) as { n: number }
      if (n !== rows) return false
      this.deleteUpTo.run(room, upToSeq)
      this.insertAt.run(upToSeq, room, state)
      return true
    })
  }

  /** Deletes a room's whole log (used when a document is deleted). */
  drop(room: string): void {
    this.db.prepare('DELETE FROM updates WHERE room = ?').run(room)
  }
}
