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
  /** The last row's `seq` (`afterSeq` when none was read). */
  lastSeq: number
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
  constructor(readonly db: Store) {}

  /**
   * Appends one update and returns its row's `seq` (increasing per room: where a reader
   * of the room's stream starts, `cluster/`). Call inside `batch` to share one commit
   * (one fsync) with others.
   */
  append(room: string, update: Uint8Array): number {
    try {
      return this.db.get<{ seq: number }>('INSERT INTO updates (room, data) VALUES (?, ?) RETURNING seq', room, update)!
        .seq
    } catch (error) {
      throw new StoreFailure(error)
    }
  }

  /** Runs `fn` in one write transaction: all appends inside commit together or not at all. */
  batch<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn)
    } catch (error) {
      throw error instanceof StoreFailure ? error : new StoreFailure(error)
    }
  }

  /** Applies every stored update of `room` to `doc`, in one Yjs transaction. */
  loadInto(room: string, doc: Y.Doc, origin: unknown = null, afterSeq = 0): LoadedLog {
    const rows = this.db.all<{ seq: number; data: Buffer }>(
      'SELECT seq, data FROM updates WHERE room = ? AND seq > ? ORDER BY seq',
      room,
      afterSeq,
    )
    let bytes = 0
    doc.transact(() => {
      for (const row of rows) {
        bytes += row.data.length
        Y.applyUpdate(doc, row.data)
      }
    }, origin)
    return { rows: rows.length, bytes, lastSeq: rows.at(-1)?.seq ?? afterSeq }
  }

  /** Row count and stored bytes of a room's log. */
  size(room: string): { rows: number; bytes: number } {
    const { n, bytes } = this.db.get<{ n: number; bytes: number }>(
      'SELECT count(*) AS n, coalesce(sum(length(data)), 0) AS bytes FROM updates WHERE room = ?',
      room,
    )!
    return { rows: n, bytes }
  }

  /**
   * Replaces a room's rows by one row holding their merged state, atomically. Merging goes
   * through a Y.Doc (apply, then encode) because that is ~25× faster than Y.mergeUpdates.
   */
  compact(room: string): Compaction {
    return this.batch(() => {
      const rows = this.db.all<{ seq: number; data: Buffer }>(
        'SELECT seq, data FROM updates WHERE room = ? ORDER BY seq',
        room,
      )
      if (rows.length <= 1) return { rowsBefore: rows.length, bytes: 0 }
      const doc = new Y.Doc({ gc: true })
      doc.transact(() => {
        for (const row of rows) Y.applyUpdate(doc, row.data)
      })
      const state = Y.encodeStateAsUpdate(doc)
      doc.destroy()
      this.db.run('DELETE FROM updates WHERE room = ? AND seq <= ?', room, rows[rows.length - 1]!.seq)
      this.append(room, state)
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
      const counted = this.db.get<{ n: number }>(
        'SELECT CAST(count(*) AS INTEGER) AS n FROM updates WHERE room = ? AND seq <= ?',
        room,
        upToSeq,
      )!
      if (Number(counted.n) !== rows) return false
      this.db.run('DELETE FROM updates WHERE room = ? AND seq <= ?', room, upToSeq)
      this.db.run('INSERT INTO updates (seq, room, data) VALUES (?, ?, ?)', upToSeq, room, state)
      return true
    })
  }

  /** Deletes a room's whole log (used when a document is deleted). */
  drop(room: string): void {
    this.db.run('DELETE FROM updates WHERE room = ?', room)
  }
}
