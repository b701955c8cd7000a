/**
 * The audit trail of security events, kept in the store beside what it concerns: logins
 * and failed logins, logouts, accounts created, disabled, re-enabled, given a new password
 * or role, requests refused for their origin, and writes the server refused, by account.
 * Rows are only added; the secretariat reads them (`GET /api/audit`, also as CSV).
 */
import type { Store } from './database.ts'

/** Every kind of event the trail records. */
export const AUDIT_KINDS = [
  'login',
  'login-failed',
  'login-throttled',
  'logout',
  'account-created',
  'account-disabled',
  'account-enabled',
  'password-reset',
  'role-changed',
  'origin-refused',
  'write-refused',
] as const

/** A kind of security event. */
export type AuditKind = (typeof AUDIT_KINDS)[number]

/** One event as it is recorded. */
export interface AuditInput {
  kind: AuditKind
  /** The account the event concerns (the one logging in, created, disabled…), when known. */
  accountId?: number | null
  /** Its username as given (a failed login may name no account). */
  username?: string | null
  /** The remote address the request came from. */
  address?: string | null
  /** Who did it, when someone else than the account: the secretariat officer who disabled it. */
  actor?: string | null
  /** What else there is to say: why a login failed, the refusal's code, the new role. */
  detail?: Record<string, unknown>
}

/** One recorded event. */
export interface AuditEvent {
  id: number
  at: number
  kind: AuditKind
  accountId: number | null
  username: string | null
  address: string | null
  actor: string | null
  detail: Record<string, unknown>
}

/** Failed logins of one account: since its last successful login, and in the last 24 hours. */
export interface FailedLogins {
  sinceLastLogin: number
  lastDay: number
}

interface Row {
  id: number
  at: number
  kind: AuditKind
  account_id: number | null
  username: string | null
  address: string | null
  actor: string | null
  detail: string | null
}

const clip = (value: string | null | undefined, max = 200): string | null =>
  value === undefined || value === null ? null : value.slice(0, max)

/** Refused writes recorded per account per minute, at most: a client resending a refused edit must not fill the store. */
export const refusedWritesPerMinute = 20

/** Appends to and reads the `audit_events` table. */
export class AuditLog {
  private readonly refusedRecently = new Map<number, number[]>()

  constructor(private readonly db: Store) {}

  /** Records a write the server refused to `account` in `room` (at most `refusedWritesPerMinute` a minute per account). */
  refusedWrite(
    account: { id: number; username: string },
    room: string,
    refusal: { code: string; message: string },
    now = Date.now(),
  ): void {
    const recent = (this.refusedRecently.get(account.id) ?? []).filter((t) => now - t < 60_000)
    if (recent.length >= refusedWritesPerMinute) return
    recent.push(now)
    this.refusedRecently.set(account.id, recent)
    if (this.refusedRecently.size > 10_000) this.refusedRecently.clear()
    this.record({
      kind: 'write-refused',
      accountId: account.id,
      username: account.username,
      detail: { room, code: refusal.code, message: refusal.message.slice(0, 300) },
    })
  }

  /** Records an event now. */
  record(event: AuditInput): void {
    this.db.run(
      'INSERT INTO audit_events (at, kind, account_id, username, address, actor, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
      Date.now(),
      event.kind,
      event.accountId ?? null,
      clip(event.username, 100),
      clip(event.address, 100),
      clip(event.actor, 100),
      event.detail ? JSON.stringify(event.detail).slice(0, 2000) : null,
    )
  }

  /** Events newest first: at most `limit`, older than id `before`, of one kind or account if asked. */
  list(query: { limit: number; before?: number; kind?: AuditKind; accountId?: number }): AuditEvent[] {
    const where: string[] = []
    const args: (string | number)[] = []
    if (query.before !== undefined) (where.push('id < ?'), args.push(query.before))
    if (query.kind !== undefined) (where.push('kind = ?'), args.push(query.kind))
    if (query.accountId !== undefined) (where.push('account_id = ?'), args.push(query.accountId))
    const rows = this.db.all(
      `SELECT * FROM audit_events ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT ?`,
      ...args,
      query.limit,
    ) as Row[]
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      kind: row.kind,
      accountId: row.account_id,
      username: row.username,
      address: row.address,
      actor: row.actor,
      detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : {},
    }))
  }

  /** Failed logins per account id, for the accounts list. */
  failedLogins(now = Date.now()): Map<number, FailedLogins> {
    const rows = this.db.all(
      `SELECT e.account_id AS id,
                sum(CASE WHEN e.at > coalesce(a.last_login_at, 0) THEN 1 ELSE 0 END) AS since,
                sum(CASE WHEN e.at > ? THEN 1 ELSE 0 END) AS day
           FROM audit_events e JOIN accounts a ON a.id = e.account_id
          WHERE e.kind = 'login-failed' AND (e.at > ? OR e.at > coalesce(a.last_login_at, 0))
          GROUP BY e.account_id`,
      now - 86_400_000,
      now - 86_400_000,
    ) as { id: number; since: number; day: number }[]
    return new Map(rows.map((row) => [row.id, { sinceLastLogin: row.since, lastDay: row.day }]))
  }
}
