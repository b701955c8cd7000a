/**
 * The server's door to revisions' content: a revision or the working draft is opaque
 * Yjs state everywhere else in `server/`; here it is read into the shared compare
 * layer (structure, what remains open, comparisons) and restored into a draft.
 */
import * as Y from 'yjs'
import { restoreDraft } from '../../shared/document/restore.ts'
import { summarizeNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import {
  compareRevisions,
  readRevisionContent,
  remainingBySection,
  type Comparison,
  type RevisionRemaining,
} from '../../shared/compare/index.ts'
import type { TextSummary } from '../../shared/inspect/summary.ts'

/** The states one side of a comparison is read from. */
export interface StatesOf {
  /** `Rev.1` … or `draft`. */
  name: string
  text: Uint8Array
  proposals: Uint8Array | null
}

/** A revision's structure: counts (with import diagnostics) and what remains open per section. */
export interface RevisionStructure {
  summary: TextSummary
  remaining: RevisionRemaining
}

/** Runs `read` on a temporary Y.Doc holding `state`. */
function withDoc<T>(state: Uint8Array | null, read: (doc: Y.Doc) => T): T {
  const doc = new Y.Doc()
  try {
    if (state) Y.applyUpdate(doc, state)
    return read(doc)
  } finally {
    doc.destroy()
  }
}

/** The structure of a text-room state. */
export function revisionStructure(text: Uint8Array): RevisionStructure {
  return withDoc(text, (doc) => {
    const content = readRevisionContent('', doc)
    return { summary: summarizeNegotiationDoc(doc), remaining: remainingBySection(content.doc, content.resolutions) }
  })
}

/** What remains open in a text-room state, per section. */
export function revisionRemaining(text: Uint8Array): RevisionRemaining {
  return withDoc(text, (doc) => {
    const content = readRevisionContent('', doc)
    return remainingBySection(content.doc, content.resolutions)
  })
}

/** Compares two revisions (or a revision and the draft). */
export function compareStates(from: StatesOf, to: StatesOf): Comparison {
  const side = (s: StatesOf) =>
    withDoc(s.text, (text) => withDoc(s.proposals, (proposals) => readRevisionContent(s.name, text, proposals)))
  return compareRevisions(side(from), side(to))
}

/**
 * The update that makes `draft` (left untouched) equal to the revision `state`: computed
 * on a copy, so the caller applies it through the durable relay like any client's.
 */
export function restoreUpdate(draft: Y.Doc, state: Uint8Array): Uint8Array | null {
  const copy = new Y.Doc()
  const revision = new Y.Doc()
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(draft))
    Y.applyUpdate(revision, state)
    const updates: Uint8Array[] = []
    copy.on('update', (update: Uint8Array) => updates.push(update))
    restoreDraft(copy, revision)
    return updates.length ? Y.mergeUpdates(updates) : null
  } finally {
    copy.destroy()
    revision.destroy()
  }
}
