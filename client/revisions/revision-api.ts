/**
 * The revision routes as the browser calls them: list, make, read, restore,
 * compare and the bracket history. The shapes are the server's; the comparison
 * and what remains open are the shared compare layer's own types.
 */
import type { Comparison, RevisionRemaining } from '../../shared/compare/index.ts'
import { callApi } from '../app/api.ts'
import type { Session } from '../app/session.ts'

/** A revision as listed. */
export interface RevisionEntry {
  name: string
  createdAt: number
  createdBy: string | null
  restoredFrom: string | null
  /** What it is, in words (Rev.0: "as tabled"). */
  description: string | null
}

/** A revision read back: its text and what remains open in it. */
export interface RevisionDetail extends RevisionEntry {
  text: string
  structure: {
    summary: { options: number; bracketGroups: number; optionalBrackets: number }
    remaining: RevisionRemaining
  }
}

/** One column of the bracket history: a revision, or the working draft (`draft`). */
export interface HistoryPoint {
  name: string
  createdAt: number | null
  createdBy: string | null
  remaining: RevisionRemaining
}

/** The name the server gives the working draft in comparisons. */
export const DRAFT = 'draft'

/** The revision calls for one document. */
export class RevisionApi {
  private readonly base: string

  constructor(
    private readonly session: Session,
    documentId: string,
  ) {
    this.base = `/api/documents/${encodeURIComponent(documentId)}`
  }

  /** Every revision, oldest first. */
  list(): Promise<RevisionEntry[]> {
    return callApi('GET', `${this.base}/revisions`, this.session.token)
  }

  /** Snapshots the draft; the server names it Rev.N when `name` is empty. */
  create(name?: string): Promise<RevisionEntry> {
    return callApi('POST', `${this.base}/revisions`, this.session.token, name ? { name } : {})
  }

  /** One revision's text and structure. */
  read(name: string): Promise<RevisionDetail> {
    return callApi('GET', `${this.base}/revisions/${encodeURIComponent(name)}`, this.session.token)
  }

  /** Makes the draft say what `name` said; answers the new revision that records it. */
  restore(name: string): Promise<RevisionEntry> {
    return callApi('POST', `${this.base}/revisions/${encodeURIComponent(name)}/restore`, this.session.token, {})
  }

  /** Compares two revisions (either may be the draft). */
  compare(from: string, to: string): Promise<Comparison> {
    return callApi(
      'GET',
      `${this.base}/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      this.session.token,
    )
  }

  /** What remains open per section at every revision and in the draft. */
  async history(): Promise<HistoryPoint[]> {
    return (await callApi<{ revisions: HistoryPoint[] }>('GET', `${this.base}/bracket-history`, this.session.token))
      .revisions
  }
}
