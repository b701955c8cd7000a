/**
 * Accounts: a username, a role and — for delegations — the Party they speak for. The Party
 * is stored as its name; the Party table is another module's concern.
 */
import type { Store } from '../store/database.ts'
import type { Role } from '../../shared/document/roles.ts'
import { hashPassword, verifyPassword } from './passwords.ts'

/** An account as the API shows it (never the hash). */
export interface Account {
  id: number
  username: string
  role: Role
  party: string | null
  createdAt: number
}

interface Row {
  id: number
  username: string
  role: Role
  party: string | null
  password_hash: string
  created_at: number
}

const toAccount = (row: Row): Account => ({
  id: row.id,
  username: row.username,
  role: row.role,
  party: row.party,
  createdAt: row.created_at,
})

/** Reads and writes the `accounts` table. */
export class AccountDirectory {
  constructor(private readonly db: Store) {}

  /** Creates an account; returns undefined when the username is taken. */
  async create(input: {
    username: string
    password: string
    role: Role
    party?: string | null
  }): Promise<Account | undefined> {
    const hash = await hashPassword(input.password)
    const result = this.db
      .prepare(
        'INSERT OR IGNORE INTO accounts (username, role, party, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(input.username, input.role, input.party ?? null, hash, Date.now())
    return result.changes === 1 ? this.byId(Number(result.lastInsertRowid)) : undefined
  }

  /** The account whose username and password match, or undefined. */
  async authenticate(username: string, password: string): Promise<Account | undefined> {
    const row = this.db.prepare('SELECT * FROM accounts WHERE username = ?').get(username) as Row | undefined
    if (!row) {
      // Spend the same time as a real check so timing does not reveal which usernames exist.
      await verifyPassword(
        password,
        'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      )
      return undefined
    }
    return (await verifyPassword(password, row.password_hash)) ? toAccount(row) : undefined
  }

  /** One account by id. */
  byId(id: number): Account | undefined {
    const row = this.db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as Row | undefined
    return row && toAccount(row)
  }

  /** Every account, by username. */
  list(): Account[] {
    return (this.db.prepare('SELECT * FROM accounts ORDER BY username').all() as Row[]).map(toAccount)
  }

  /** How many accounts exist. */
  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n
  }
}
