/**
 * The store's background thread: WAL checkpoints and compaction merges, each on a
 * better-sqlite3 connection of its own, so neither ever runs on the event loop.
 *
 * SQLite runs an auto-checkpoint inside the commit that crosses `wal_autocheckpoint`
 * pages: the writer copies the WAL into the database file and fsyncs it before its
 * commit returns — on the event loop, in front of every relay waiting for that commit.
 * The main connection therefore turns auto-checkpoints off (`Checkpointer`), and this
 * thread checkpoints PASSIVE: it never takes the writer's lock, so commits go on while it
 * copies. Merging a room's rows into one state (loading them into a Y.Doc and encoding
 * it) is CPU work proportional to the room's size; it is done here too, from a read
 * snapshot, and the main thread only swaps the rows for the state (`UpdateLog.replaceMerged`).
 *
 * The thread's source is plain JavaScript (evaluated, no loader), requiring the same
 * better-sqlite3 and yjs builds the server resolves.
 */
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

const require = createRequire(import.meta.url)

const source = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.sqlite)
const Y = require(workerData.yjs)
const db = new Database(workerData.file)
db.pragma('busy_timeout = 2000')
db.pragma('wal_autocheckpoint = 0')
const select = db.prepare('SELECT seq, data FROM updates WHERE room = ? ORDER BY seq')
parentPort.on('message', (task) => {
  try {
    if (task.kind === 'checkpoint') {
      const started = performance.now()
      const [row] = db.pragma('wal_checkpoint(' + task.mode + ')')
      parentPort.postMessage({ id: task.id, ok: true, value: { ...row, ms: performance.now() - started } })
    } else if (task.kind === 'merge') {
      const rows = select.all(task.room)
      if (rows.length <= 1) return parentPort.postMessage({ id: task.id, ok: true, value: undefined })
      const doc = new Y.Doc({ gc: true })
      doc.transact(() => { for (const row of rows) Y.applyUpdate(doc, row.data) })
      const state = Y.encodeStateAsUpdate(doc)
      doc.destroy()
      parentPort.postMessage({ id: task.id, ok: true, value: { rows: rows.length, upToSeq: rows[rows.length - 1].seq, state } }, [state.buffer])
    } else if (task.kind === 'close') {
      db.close()
      parentPort.postMessage({ id: task.id, ok: true, value: undefined })
    }
  } catch (error) {
    parentPort.postMessage({ id: task.id, ok: false, error: String(error && error.message || error) })
  }
})
`

/** What one PASSIVE checkpoint did (SQLite's `wal_checkpoint` row, plus its duration). */
export interface CheckpointResult {
  busy: number
  log: number
  checkpointed: number
  ms: number
}

/** A room's rows merged into one state, from a read snapshot of the store. */
export interface MergedRows {
  /** Rows merged. */
  rows: number
  /** The highest `seq` merged: the rows up to it are what `state` replaces. */
  upToSeq: number
  state: Uint8Array
}

type Task = { kind: 'checkpoint'; mode: 'PASSIVE' } | { kind: 'merge'; room: string } | { kind: 'close' }

/** The background thread, as promises. */
export class StoreWorker {
  private readonly worker: Worker
  private readonly waiting = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>()
  private next = 0
  private ended = false

  constructor(file: string) {
    this.worker = new Worker(source, {
      eval: true,
      workerData: { file, sqlite: require.resolve('better-sqlite3'), yjs: require.resolve('yjs') },
    })
    // The thread never keeps the process alive: shutdown closes it explicitly.
    this.worker.unref()
    this.worker.on('message', (reply: { id: number; ok: boolean; value?: unknown; error?: string }) => {
      const waiter = this.waiting.get(reply.id)
      this.waiting.delete(reply.id)
      if (reply.ok) waiter?.resolve(reply.value)
      else waiter?.reject(new Error(reply.error))
    })
    const fail = (error: Error) => {
      this.ended = true
      for (const waiter of this.waiting.values()) waiter.reject(error)
      this.waiting.clear()
    }
    this.worker.on('error', fail)
    this.worker.on('exit', () => fail(new Error('store worker exited')))
  }

  /** Copies what the WAL holds into the database file without blocking writers. */
  checkpoint(): Promise<CheckpointResult> {
    return this.run({ kind: 'checkpoint', mode: 'PASSIVE' })
  }

  /** A room's rows merged into one state; undefined when there is at most one row. */
  merge(room: string): Promise<MergedRows | undefined> {
    return this.run({ kind: 'merge', room })
  }

  /** Closes the thread's connection and ends the thread. */
  async close(): Promise<void> {
    if (this.ended) return
    try {
      await this.run({ kind: 'close' })
    } finally {
      this.ended = true
      await this.worker.terminate()
    }
  }

  private run<T>(task: Task): Promise<T> {
    if (this.ended) return Promise.reject(new Error('store worker closed'))
    const id = this.next++
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject })
      this.worker.postMessage({ ...task, id })
    })
  }
}
