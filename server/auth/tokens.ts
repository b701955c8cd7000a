/**
 * Session tokens: random bearer strings handed out at login. Only their SHA-256 is stored,
 * so a copy of the store does not let anyone sign in; sessions survive a restart. Every
 * end of a session is announced (`session-ends.ts`) so its open sockets close with it.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Store } from '../store/database.ts'
import type { Account } from './accounts.ts'
import type { AccountDirectory } from './accounts.ts'
import { SessionEnds, type SessionEndReason } from './session-ends.ts'

const digest = (token: string): string => createHash('sha256').update(token).digest('base64url')

/** An issued token and when it stops working. */
export interface IssuedToken {
  token: string
  expiresAt: number
}

/** A live session: its id (the token's digest, never the token), account and expiry. */
export interface LiveSession {
  id: string
  account: Account
  expiresAt: number
}

/** Issues, resolves and revokes session tokens. */
export class SessionTokens {
  /** Where ends are announced; the sync endpoint listens. */
  readonly ends = new SessionEnds()

  constructor(
    private readonly db: Store,
    private readonly accounts: AccountDirectory,
    private readonly ttlMs: number,
  ) {}

  /** Issues a new token for an account. */
  issue(account: Account): IssuedToken {
    const token = randomBytes(32).toString('base64url')
    const expiresAt = Date.now() + this.ttlMs
    this.db.run(
      'INSERT INTO sessions (token_hash, account_id, expires_at) VALUES (?, ?, ?)',
      digest(token),
      account.id,
      expiresAt,
    )
    return { token, expiresAt }
  }

  /** The account a live token belongs to; undefined for unknown or expired tokens and disabled accounts. */
  resolve(token: string | undefined): Account | undefined {
    return this.session(token)?.account
  }

  /** The live session of a token; undefined for unknown or expired tokens and disabled accounts. */
  session(token: string | undefined): LiveSession | undefined {
    if (!token || token.length > 200) return undefined
    const id = digest(token)
    const row = this.db.get('SELECT account_id, expires_at FROM sessions WHERE token_hash = ?', id) as
      { account_id: number; expires_at: number } | undefined
    if (!row) return undefined
    if (row.expires_at <= Date.now()) {
      this.end(id, row.account_id, 'session expired')
      return undefined
    }
    const account = this.accounts.byId(row.account_id)
    if (!account || account.disabledAt !== null) return undefined
    return { id, account, expiresAt: row.expires_at }
  }

  /** Ends the session of `token` (logout). */
  revoke(token: string): void {
    const id = digest(token)
    const row = this.db.get('SELECT account_id FROM sessions WHERE token_hash = ?', id) as
      { account_id: number } | undefined
    if (row) this.end(id, row.account_id, 'logged out')
  }

  /** Ends every session of an account (password reset, disabled, role changed). */
  revokeAccount(accountId: number, reason: SessionEndReason): void {
    this.db.run('DELETE FROM sessions WHERE account_id = ?', accountId)
    this.ends.announce({ accountId, reason })
  }

  /** Deletes expired sessions (their sockets were closed by their own expiry timers). */
  sweep(): void {
    this.db.run('DELETE FROM sessions WHERE expires_at <= ?', Date.now())
  }

  private end(id: string, accountId: number, reason: SessionEndReason): void {
    this.db.run('DELETE FROM sessions WHERE token_hash = ?', id)
    this.ends.announce({ accountId, sessionId: id, reason })
  }
}
