/**
 * A document as the catalogue knows it — the server stores it, the API lists it, the
 * documents page shows it: its id, title, kind, who tabled it and when, and whether it is
 * archived. Its content is in its rooms, never here.
 */

/** A document's catalogue entry. */
export interface CatalogueEntry {
  id: string
  title: string
  /** 'negotiation' for real texts; 'scratch' for rooms opened by the benchmark prefix. */
  kind: string
  createdAt: number
  createdBy: string | null
  /** When it was archived; null while it is live. */
  archivedAt: number | null
}
