/**
 * The embedded SQLite store: one file per data folder, opened in WAL mode.
 *
 * `synchronous=FULL` is the default, deliberately: the sync endpoint relays an update only
 * after its append has committed, and with FULL a committed WAL frame is fsynced before
 * the commit returns, so nothing a client has seen relayed can be lost even by a power
 * cut or kernel panic. NORMAL survives a process crash (the frame is in the OS page
 * cache before the commit returns) but can lose the last transactions on power loss.
 * FULL's fsync (0.2–0.6 ms per commit on this machine's virtio disk) is paid once per
 * batch of appends that arrived together, not per update. ACCORD_SQLITE_SYNCHRONOUS=NORMAL
 * trades that guarantee for latency where the host's storage is already protected.
 */
import { ROLES } from '../../shared/document/roles.ts'
import { usernameKey } from '../auth/username.ts'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { PostgresSql } from './postgres-sql.ts'
import type { Sql } from './sql.ts'
import { SqliteSql } from './sqlite-sql.ts'

/** An open store (SQLite or PostgreSQL, `sql.ts`) with Accord's schema applied. */
export type Store = Sql

const schema = `
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'negotiation',
  created_at INTEGER NOT NULL,
  created_by TEXT
);
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  room TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_room_seq ON updates (room, seq);
CREATE TABLE IF NOT EXISTS revisions (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  state BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  created_by TEXT,
  PRIMARY KEY (document_id, name)
);
CREATE TABLE IF NOT EXISTS accounts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  username TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN (${ROLES.map((role) => `'${role}'`).join(', ')})),
  party TEXT,
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS projections (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  token_hash TEXT NOT NULL UNIQUE,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_account ON sessions (account_id);
CREATE TABLE IF NOT EXISTS audit_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  account_id INTEGER,
  username TEXT,
  address TEXT,
  actor TEXT,
  detail TEXT
);
CREATE INDEX IF NOT EXISTS audit_events_account ON audit_events (account_id, kind, at);
CREATE TABLE IF NOT EXISTS server_keys (
  name TEXT PRIMARY KEY,
  secret BLOB NOT NULL
);
`

/** The file name of the store inside the data folder. */
export const storeFileName = 'accord.sqlite'

/** The durability levels Accord accepts for `PRAGMA synchronous` in WAL mode. */
export type Synchronous = 'FULL' | 'NORMAL'

/**
 * The schema in PostgreSQL's types: 64-bit integers (times are ms since 1970), `BYTEA`
 * for bytes, identities for ids. `revisions` gets a `rowid` of its own, the insertion
 * order SQLite gives every table, so one `ORDER BY created_at, rowid` serves both engines.
 */
export function postgresSchema(sqlite: string): string {
  return sqlite
    .replaceAll('INTEGER PRIMARY KEY AUTOINCREMENT', 'BIGSERIAL PRIMARY KEY')
    .replaceAll('INTEGER', 'BIGINT')
    .replaceAll('BLOB', 'BYTEA')
    .replace('CREATE TABLE IF NOT EXISTS revisions (', 'CREATE TABLE IF NOT EXISTS revisions (\n  rowid BIGSERIAL,')
}

/**
 * Opens (creating if needed) the store and applies the schema: PostgreSQL at
 * `databaseUrl` when given (`ACCORD_DATABASE_URL`), else the SQLite file in `dataDir`.
 */
export function openStore(dataDir: string, synchronous: Synchronous = 'FULL', databaseUrl?: string): Store {
  if (databaseUrl) return openPostgres(databaseUrl)
  mkdirSync(dataDir, { recursive: true })
  const db = new SqliteSql(path.join(dataDir, storeFileName))
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${synchronous}`)
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  db.exec(schema)
  addMissingColumns(db)
  keyUsernames(db)
  return db
}

/** Arbitrary, fixed: the advisory lock that lets one of several starting processes migrate at a time. */
const migrationLock = 4_217_017

function openPostgres(url: string): Store {
  const db = new PostgresSql(url)
  db.get('SELECT pg_advisory_lock(?)', migrationLock)
  try {
    db.exec(postgresSchema(schema))
    for (const { table, column, type } of laterColumns)
      db.exec(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${column} ${postgresSchema(type)}`)
    keyUsernames(db)
  } finally {
    db.get('SELECT pg_advisory_unlock(?)', migrationLock)
  }
  return db
}

/**
 * Columns added after stores were first created: `CREATE TABLE IF NOT EXISTS` leaves an
 * existing table as it was, so each is added here when a store lacks it.
 */
const laterColumns: { table: string; column: string; type: string }[] = [
  // A revision keeps the proposals room beside the text, and says which revision it restores.
  { table: 'revisions', column: 'proposals_state', type: 'BLOB' },
  { table: 'revisions', column: 'restored_from', type: 'TEXT' },
  // What a revision is, in words: Rev.0 is "as tabled".
  { table: 'revisions', column: 'description', type: 'TEXT' },
  // An archived document is hidden from lists and closed to sync, and kept whole; null while live.
  { table: 'documents', column: 'archived_at', type: 'INTEGER' },
  // The UN document header its exports print (JSON, `shared/export/document-header.ts`).
  { table: 'documents', column: 'header', type: 'TEXT' },
  // Account state (issue 20): the comparison key of the username, disabling, the last login.
  { table: 'accounts', column: 'username_key', type: 'TEXT' },
  { table: 'accounts', column: 'disabled_at', type: 'INTEGER' },
  { table: 'accounts', column: 'last_login_at', type: 'INTEGER' },
]

function addMissingColumns(db: Store): void {
  for (const { table, column, type } of laterColumns) {
    const columns = db.all<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
    if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`)
  }
}

/**
 * Usernames are unique after NFKC and case folding (`auth/username.ts`): accounts made
 * before that rule get their key here, and the key is indexed as unique. Should an old
 * store hold two names with one key (`Secretariat` beside `secretariat`), the later one
 * keeps a key of its own (`secretariat#7`) so the store still opens; the secretariat
 * sees both in the list and can disable one.
 */
function keyUsernames(db: Store): void {
  const unkeyed = db.all<{ id: number; username: string }>(
    'SELECT id, username FROM accounts WHERE username_key IS NULL ORDER BY id',
  )
  if (unkeyed.length > 0) {
    db.transaction(() => {
      for (const { id, username } of unkeyed) {
        const key = usernameKey(username)
        const taken = db.get('SELECT 1 FROM accounts WHERE username_key = ?', key)
        db.run('UPDATE accounts SET username_key = ? WHERE id = ?', taken ? `${key}#${id}` : key, id)
      }
    })
  }
  db.exec('CREATE UNIQUE INDEX IF NOT EXISTS accounts_username_key ON accounts (username_key)')
}

/** Closes the store (SQLite: checkpointing the WAL into the main file first). */
export function closeStore(db: Store): void {
  db.close()
}
