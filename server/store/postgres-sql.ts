/**
 * `Sql` on PostgreSQL, synchronous: a worker thread holds the `pg` connection, and each
 * statement is posted to it while this thread waits on a shared flag (`Atomics.wait`)
 * and then takes the answer with `receiveMessageOnPort`. The event loop is blocked for
 * one round trip per statement (measured in `bench/cluster/store-latency.ts`); in return
 * every store class is written once for both engines and "committed before relayed"
 * stays the same plain statement order it is on SQLite.
 *
 * One connection, used by one thread, is enough: statements are serial anyway, and a
 * transaction's statements must share their connection. A statement PostgreSQL does not
 * answer within `timeoutMs` fails (a store failure for the caller, never a hang); a lost
 * connection (server restart) is reopened by the next statement.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads'
import type { Sql, SqlResult, SqlValue } from './sql.ts'

interface Answer {
  rows: Record<string, unknown>[]
  changes: number
  error?: { message: string; code?: string }
}

/** `?` placeholders as PostgreSQL's `$1, $2 …`, outside quoted literals. */
export function numberedPlaceholders(sql: string): string {
  let n = 0
  let quoted = false
  let out = ''
  for (const ch of sql) {
    if (ch === "'") quoted = !quoted
    out += ch === '?' && !quoted ? `$${++n}` : ch
  }
  return out
}

/** A PostgreSQL database behind the synchronous `Sql` interface. */
export class PostgresSql implements Sql {
  readonly engine = 'postgres'
  private readonly worker: Worker
  private readonly replies: MessagePort
  private readonly flag = new Int32Array(new SharedArrayBuffer(4))
  private readonly texts = new Map<string, string>()
  private depth = 0
  private closed = false

  constructor(
    url: string,
    private readonly timeoutMs = 30_000,
  ) {
    const { port1, port2 } = new MessageChannel()
    this.replies = port1
    this.worker = new Worker(new URL('./postgres-worker.mjs', import.meta.url), {
      workerData: { url, replies: port2, signal: this.flag.buffer },
      transferList: [port2],
    })
    this.worker.unref()
    // Fails now, with PostgreSQL's reason, when the database cannot be reached.
    this.get('SELECT 1 AS ok')
  }

  private ask(message: { sql?: string; params?: SqlValue[]; close?: boolean }): Answer {
    if (this.closed) throw new Error('the PostgreSQL store is closed')
    Atomics.store(this.flag, 0, 0)
    this.worker.postMessage(message)
    if (Atomics.wait(this.flag, 0, 0, this.timeoutMs) === 'timed-out')
      throw new Error(`PostgreSQL did not answer within ${this.timeoutMs} ms`)
    const answer = receiveMessageOnPort(this.replies)?.message as Answer | undefined
    if (!answer) throw new Error('PostgreSQL worker gave no answer')
    if (answer.error) throw Object.assign(new Error(answer.error.message), { code: answer.error.code })
    return answer
  }

  private query(sql: string, params: SqlValue[]): Answer {
    let text = this.texts.get(sql)
    if (text === undefined) {
      text = numberedPlaceholders(sql)
      if (this.texts.size > 500) this.texts.clear()
      this.texts.set(sql, text)
    }
    const answer = this.ask({ sql: text, params })
    for (const row of answer.rows)
      for (const key in row) {
        const value = row[key]
        // Structured cloning turned the worker's Buffers into plain Uint8Arrays.
        if (value instanceof Uint8Array) row[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength)
      }
    return answer
  }

  all<T>(sql: string, ...params: SqlValue[]): T[] {
    return this.query(sql, params).rows as T[]
  }

  get<T>(sql: string, ...params: SqlValue[]): T | undefined {
    return this.query(sql, params).rows[0] as T | undefined
  }

  run(sql: string, ...params: SqlValue[]): SqlResult {
    return { changes: this.query(sql, params).changes }
  }

  exec(script: string): void {
    this.ask({ sql: script, params: [] })
  }

  transaction<T>(fn: () => T): T {
    if (this.depth > 0) return fn()
    this.ask({ sql: 'BEGIN', params: [] })
    this.depth = 1
    try {
      const result = fn()
      this.ask({ sql: 'COMMIT', params: [] })
      return result
    } catch (error) {
      try {
        this.ask({ sql: 'ROLLBACK', params: [] })
      } catch {
        // The connection is gone: PostgreSQL rolled back on its own.
      }
      throw error
    } finally {
      this.depth = 0
    }
  }

  get inTransaction(): boolean {
    return this.depth > 0
  }

  get open(): boolean {
    return !this.closed
  }

  close(): void {
    if (this.closed) return
    try {
      this.ask({ close: true })
    } finally {
      this.closed = true
      void this.worker.terminate()
    }
  }
}
