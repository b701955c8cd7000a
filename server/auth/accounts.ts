/**
 * Accounts: a username, a role and — for delegations — the Party they speak for. The Party
 * is stored as its name; the Party table is another module's concern. An account can be
 * disabled (it keeps its history and can be re-enabled); usernames are unique after
 * normalisation (`username.ts`).
 */
import type { Store } from '../store/database.ts'
import type { Role } from '../../shared/document/roles.ts'
import { decoyHash, hashPassword, needsRehash, owaspScryptCost, verifyPassword, type ScryptCost } from './passwords.ts'
import { normalUsername, usernameKey } from './username.ts'

/** An account as the API shows it (never the hash). */
export interface Account {
  id: number
  username: string
  role: Role
  party: string | null
  createdAt: number
  /** When the account was disabled; null while it may log in. */
  disabledAt: number | null
  /** The last successful login; null before the first. */
  lastLoginAt: number | null
}

interface Row {
  id: number
  username: string
  role: Role
  party: string | null
  password_hash: string
  created_at: number
  disabled_at: number | null
  last_login_at: number | null
}

const toAccount = (row: Row): Account => ({
  id: row.id,
  username: row.username,
  role: row.role,
  party: row.party,
  createdAt: row.created_at,
  disabledAt: row.disabled_at ?? null,
  lastLoginAt: row.last_login_at ?? null,
})

/** How a login attempt went. */
export type Authentication =
  | { ok: true; account: Account }
  | { ok: false; reason: 'unknown-username' | 'wrong-password' | 'disabled'; account?: Account }

/** Reads and writes the `accounts` table. */
export class AccountDirectory {
  constructor(
    private readonly db: Store,
    /** The scrypt cost new hashes are made at (OWASP's unless a test asks for less). */
    private readonly cost: ScryptCost = owaspScryptCost,
  ) {}

  /** Creates an account; returns undefined when the username (after normalisation) is taken. */
  async create(input: {
    username: string
    password: string
    role: Role
    party?: string | null
  }): Promise<Account | undefined> {
    const username = normalUsername(input.username)
    if (this.byUsername(username)) return undefined
    const hash = await hashPassword(input.password, this.cost)
    const row = this.db.get<{ id: number }>(
      `INSERT INTO accounts (username, username_key, role, party, password_hash, created_at)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
      username,
      usernameKey(username),
      input.role,
      input.party ?? null,
      hash,
      Date.now(),
    )
    return row ? this.byId(row.id) : undefined
  }

  /**
   * Checks a username and password. Unknown usernames cost a full scrypt check too, so
   * timing does not reveal which exist; a disabled account is reported only to a caller
   * who knew its password. A hash made at a lower cost is replaced on success.
   */
  async authenticate(username: string, password: string): Promise<Authentication> {
    const row = this.row(username)
    if (!row) {
      await verifyPassword(password, decoyHash(this.cost))
      return { ok: false, reason: 'unknown-username' }
    }
    const account = toAccount(row)
    if (!(await verifyPassword(password, row.password_hash))) return { ok: false, reason: 'wrong-password', account }
    if (account.disabledAt !== null) return { ok: false, reason: 'disabled', account }
    if (needsRehash(row.password_hash, this.cost)) await this.setPassword(account.id, password)
    const now = Date.now()
    this.db.run('UPDATE accounts SET last_login_at = ? WHERE id = ?', now, account.id)
    return { ok: true, account: { ...account, lastLoginAt: now } }
  }

  /** Replaces an account's password. */
  async setPassword(id: number, password: string): Promise<void> {
    const hash = await hashPassword(password, this.cost)
    this.db.run('UPDATE accounts SET password_hash = ? WHERE id = ?', hash, id)
  }

  /** Disables (`true`) or re-enables an account; returns it as it now is. */
  setDisabled(id: number, disabled: boolean): Account | undefined {
    this.db.run('UPDATE accounts SET disabled_at = ? WHERE id = ?', disabled ? Date.now() : null, id)
    return this.byId(id)
  }

  /** Gives an account another role (and Party, for a delegation); returns it as it now is. */
  setRole(id: number, role: Role, party: string | null): Account | undefined {
    this.db.run('UPDATE accounts SET role = ?, party = ? WHERE id = ?', role, party, id)
    return this.byId(id)
  }

  /** One account by id. */
  byId(id: number): Account | undefined {
    const row = this.db.get('SELECT * FROM accounts WHERE id = ?', id) as Row | undefined
    return row && toAccount(row)
  }

  /** One account by username, compared after normalisation. */
  byUsername(username: string): Account | undefined {
    const row = this.row(username)
    return row && toAccount(row)
  }

  /** Every account, by username. */
  list(): Account[] {
    return (this.db.all('SELECT * FROM accounts ORDER BY username_key') as Row[]).map(toAccount)
  }

  /** How many accounts exist. */
  count(): number {
    return (this.db.get('SELECT count(*) AS n FROM accounts') as { n: number }).n
  }

  private row(username: string): Row | undefined {
    return this.db.get('SELECT * FROM accounts WHERE username_key = ?', usernameKey(username)) as Row | undefined
  }
}
