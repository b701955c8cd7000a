/**
 * The audit trail for the secretariat: `GET /api/audit` (newest first, `?limit=` up to
 * 1000, `?before=ID` for the next page, `?kind=`, `?account=ID`) and the same rows as
 * CSV, `GET /api/audit.csv`, for a spreadsheet. Usernames in the trail are what callers
 * typed, so a CSV cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`) is
 * prefixed with `'` (OWASP, CSV injection).
 */
import { Router } from 'express'
import { z } from 'zod'
import type { Services } from '../services.ts'
import { requireAccount, requireRight } from './authenticate.ts'
import { managesRecord } from '../../shared/document/roles.ts'
import { validate } from './responses.ts'
import { AUDIT_KINDS, type AuditEvent } from '../store/audit-log.ts'

const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  before: z.coerce.number().int().positive().optional(),
  kind: z.enum(AUDIT_KINDS).optional(),
  account: z.coerce.number().int().positive().optional(),
})

const columns = ['id', 'time', 'kind', 'account_id', 'username', 'address', 'by', 'detail'] as const

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** The events as CSV (RFC 4180, CRLF). */
export function auditCsv(events: AuditEvent[]): string {
  const rows = events.map((e) => [
    String(e.id),
    new Date(e.at).toISOString(),
    e.kind,
    e.accountId === null ? '' : String(e.accountId),
    e.username ?? '',
    e.address ?? '',
    e.actor ?? '',
    Object.keys(e.detail).length ? JSON.stringify(e.detail) : '',
  ])
  return [columns as readonly string[], ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n'
}

/** The audit routes (secretariat only). */
export function auditRoutes(services: Services): Router {
  const router = Router()
  const guard = [requireAccount(services), requireRight(managesRecord, 'the secretariat')]
  const events = (query: z.infer<typeof auditQuery>) =>
    services.audit.list({ limit: query.limit, before: query.before, kind: query.kind, accountId: query.account })

  router.get('/audit', ...guard, (req, res) => {
    const query = validate(auditQuery, req.query, 'query', res)
    if (query) res.json(events(query).map((e) => ({ ...e, at: new Date(e.at).toISOString() })))
  })

  router.get('/audit.csv', ...guard, (req, res) => {
    const query = validate(auditQuery, req.query, 'query', res)
    if (!query) return
    res.type('text/csv; charset=utf-8')
    res.setHeader('Content-Disposition', 'attachment; filename="accord-audit.csv"')
    res.send(auditCsv(events(query)))
  })

  return router
}
