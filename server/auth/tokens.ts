/**
 * Session tokens: random bearer strings handed out at login. Only their SHA-256 is stored,
 * so a copy of the store does not let anyone sign in; sessions survive a restart.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Store } from '../store/database.ts'
import type { Account } from './accounts.ts'
import type { AccountDirectory } from './accounts.ts'

const digest = (token: string): string => createHash('sha256').update(token).digest('base64url')

/** An issued token and when it stops working. */
export interface IssuedToken {
  token: string
  expiresAt: number
}

/** Issues, resolves and revokes session tokens. */
export class SessionTokens {
  constructor(
    private readonly db: Store,
    private readonly accounts: AccountDirectory,
    private readonly ttlMs: number,
  ) {}

  /** Issues a new token for an account. */
  issue(account: Account): IssuedToken {
    const token = randomBytes(32).toString('base64url')
    const expiresAt = Date.now() + this.ttlMs
    this.db
      .prepare('INSERT INTO sessions (token_hash, account_id, expires_at) VALUES (?, ?, ?)')
      .run(digest(token), account.id, expiresAt)
    return { token, expiresAt }
  }

  /** The account a live token belongs to; undefined for unknown or expired tokens. */
  resolve(token: string | undefined): Account | undefined {
    return this.session(token)?.account
  }

  /** The account and expiry of a live token; undefined for unknown or expired tokens. */
  session(token: string | undefined): { account: Account; expiresAt: number } | undefined {
    if (!token || token.length > 200) return undefined
    const row = this.db
      .prepare('SELECT account_id, expires_at FROM sessions WHERE token_hash = ?')
      .get(digest(token)) as { account_id: number; expires_at: number } | undefined
    if (!row) return undefined
    if (row.expires_at <= Date.now()) {
      this.revoke(token)
      return undefined
    }
    const account = this.accounts.byId(row.account_id)
    return account && { account, expiresAt: row.expires_at }
  }

  /** Ends a session. */
  revoke(token: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(digest(token))
  }

  /** Deletes expired sessions. */
  sweep(): void {
    this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(Date.now())
  }
}
