/**
 * The one door every store class goes through: four synchronous calls (all, get, run,
 * transaction) over portable SQL, with `?` placeholders. Two engines implement it:
 * SQLite (`sqlite-sql.ts`, embedded, the default) and PostgreSQL (`postgres-sql.ts`,
 * when `ACCORD_DATABASE_URL` is set). The calls stay synchronous because the server was
 * built on better-sqlite3's synchronous API — "committed before relayed" is a plain
 * statement order in `sync/durable-relay.ts` — and converting every caller to promises
 * would touch most of the server; PostgreSQL is made synchronous instead (a worker thread).
 *
 * Portable SQL means: `ON CONFLICT DO NOTHING` (not `INSERT OR IGNORE`), `RETURNING` for
 * new ids, integers that fit in a JavaScript number, bytes in and out as `Buffer`.
 */

/** A value a statement may bind. */
export type SqlValue = string | number | bigint | null | Uint8Array

/** What a write statement did. */
export interface SqlResult {
  /** Rows inserted, updated or deleted. */
  changes: number
}

/** A synchronous connection to Accord's store. */
export interface Sql {
  /** Which engine answers: SQL that must differ (the schema) asks. */
  readonly engine: 'sqlite' | 'postgres'
  /** Every row `sql` returns. */
  all<T = Record<string, unknown>>(sql: string, ...params: SqlValue[]): T[]
  /** The first row `sql` returns, or undefined. */
  get<T = Record<string, unknown>>(sql: string, ...params: SqlValue[]): T | undefined
  /** Runs a write. */
  run(sql: string, ...params: SqlValue[]): SqlResult
  /** Runs statements without parameters, separated by `;` (the schema). */
  exec(script: string): void
  /**
   * Runs `fn` in one write transaction: everything it writes commits together or not at
   * all; a throw rolls back and is rethrown. Nested calls join the outer transaction.
   */
  transaction<T>(fn: () => T): T
  /** Whether a transaction is open. */
  readonly inTransaction: boolean
  /** Whether the connection is open. */
  readonly open: boolean
  /** Closes the connection (checkpointing first, for SQLite). */
  close(): void
}
