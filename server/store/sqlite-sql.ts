/**
 * `Sql` on better-sqlite3: statements are prepared once and kept, transactions are
 * `BEGIN IMMEDIATE` (a writer takes the lock at the start, never half-way).
 */
import Database from 'better-sqlite3'
import type { Sql, SqlResult, SqlValue } from './sql.ts'

/** An open SQLite file behind the `Sql` interface. */
export class SqliteSql implements Sql {
  readonly engine = 'sqlite'
  readonly db: Database.Database
  private readonly statements = new Map<string, Database.Statement>()
  private readonly inImmediate

  constructor(file: string) {
    this.db = new Database(file)
    this.inImmediate = this.db.transaction((fn: () => unknown) => fn())
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      // Built SQL (the audit filters) has few shapes; the bound keeps a mistake from growing memory.
      if (this.statements.size > 500) this.statements.clear()
      this.statements.set(sql, statement)
    }
    return statement
  }

  all<T>(sql: string, ...params: SqlValue[]): T[] {
    return this.statement(sql).all(...params) as T[]
  }

  get<T>(sql: string, ...params: SqlValue[]): T | undefined {
    return this.statement(sql).get(...params) as T | undefined
  }

  run(sql: string, ...params: SqlValue[]): SqlResult {
    return { changes: this.statement(sql).run(...params).changes }
  }

  exec(script: string): void {
    this.db.exec(script)
  }

  transaction<T>(fn: () => T): T {
    return this.inImmediate.immediate(fn) as T
  }

  /** Sets a pragma (SQLite only: journal mode, synchronous level). */
  pragma(setting: string): unknown {
    return this.db.pragma(setting)
  }

  get inTransaction(): boolean {
    return this.db.inTransaction
  }

  get open(): boolean {
    return this.db.open
  }

  close(): void {
    if (!this.db.open) return
    this.db.pragma('wal_checkpoint(TRUNCATE)')
    this.db.close()
  }
}
