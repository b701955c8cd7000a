/**
 * Projection links: read-only tokens for the room's screen, one per link, made and revoked
 * by co-chairs and the secretariat. A link opens one document's text room and nothing
 * else, writes nothing, and stops working when it is revoked (its sockets are closed with
 * 4401). Only the token's SHA-256 is stored, as for sessions.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Store } from '../store/database.ts'

const digest = (token: string): string => createHash('sha256').update(token).digest('base64url')

/** A link as it is listed (never its token). */
export interface ProjectionLink {
  id: number
  documentId: string
  createdBy: string
  createdAt: number
}

interface Row {
  id: number
  document_id: string
  created_by: string
  created_at: number
}

const toLink = (row: Row): ProjectionLink => ({
  id: row.id,
  documentId: row.document_id,
  createdBy: row.created_by,
  createdAt: row.created_at,
})

/** Makes, lists, resolves and revokes projection links. */
export class ProjectionLinks {
  private readonly revoked = new Set<(link: ProjectionLink) => void>()

  constructor(private readonly db: Store) {}

  /** A new link to `documentId` made by `createdBy`; the token is shown once, here. */
  create(documentId: string, createdBy: string): ProjectionLink & { token: string } {
    const token = randomBytes(32).toString('base64url')
    const createdAt = Date.now()
    const { id } = this.db.get<{ id: number }>(
      'INSERT INTO projections (token_hash, document_id, created_by, created_at) VALUES (?, ?, ?, ?) RETURNING id',
      digest(token),
      documentId,
      createdBy,
      createdAt,
    )!
    return { id, documentId, createdBy, createdAt, token }
  }

  /** The links to `documentId` that still work, oldest first. */
  list(documentId: string): ProjectionLink[] {
    const rows = this.db.all(
      'SELECT * FROM projections WHERE document_id = ? AND revoked_at IS NULL ORDER BY id',
      documentId,
    ) as Row[]
    return rows.map(toLink)
  }

  /** The working link a token belongs to, if any. */
  resolve(token: string | undefined): ProjectionLink | undefined {
    if (!token || token.length > 200) return undefined
    const row = this.db.get('SELECT * FROM projections WHERE token_hash = ? AND revoked_at IS NULL', digest(token)) as
      Row | undefined
    return row && toLink(row)
  }

  /** Revoke link `id` of `documentId`; false when there is no such working link. */
  revoke(documentId: string, id: number): boolean {
    const row = this.db.get(
      'SELECT * FROM projections WHERE id = ? AND document_id = ? AND revoked_at IS NULL',
      id,
      documentId,
    ) as Row | undefined
    if (!row) return false
    this.db.run('UPDATE projections SET revoked_at = ? WHERE id = ?', Date.now(), id)
    this.announceRevoked(toLink(row))
    return true
  }

  /** Tells the listeners `link` was revoked: here, or by another process of the cluster. */
  announceRevoked(link: ProjectionLink): void {
    for (const listener of this.revoked) listener(link)
  }

  /** Call `listener` with each link revoked (the sync endpoint closes its sockets); returns the function that stops. */
  onRevoke(listener: (link: ProjectionLink) => void): () => void {
    this.revoked.add(listener)
    return () => this.revoked.delete(listener)
  }
}
