/**
 * A co-chair's decision on a pending change as the document's log records it:
 * its own operation, the change's id, and the words in the negotiators'
 * terms — whose insertion or deletion, of which words — so compare and the
 * log say who changed which words, and who let them in or kept them out.
 */
import type { PendingChange } from './pending-change.ts'

/** The log's operations for decisions on pending changes. */
export const PENDING_DECISION_OPS = ['accept-change', 'reject-change'] as const

/** Longest quote of a change's words in a log summary. */
const QUOTE_CHARS = 80

/** Whose change it is, as a reader names it: the Party a delegation spoke for, else the author. */
export function changeAuthor(change: Pick<PendingChange, 'author' | 'party'>): string {
  return change.party ? `${change.party} (${change.author})` : change.author
}

/** The change in words: "Norway (norway-1)'s insertion of “their ”". */
export function describeChange(
  change: Pick<PendingChange, 'author' | 'party' | 'kind' | 'text' | 'blockBreak'>,
): string {
  const words = change.blockBreak
    ? 'a paragraph break'
    : `“${change.text.length > QUOTE_CHARS ? `${change.text.slice(0, QUOTE_CHARS - 1)}…` : change.text}”`
  return `${changeAuthor(change)}’s ${change.kind} of ${words}`
}

/** The log draft of accepting (`accept`) or rejecting `change`, placed `where` ("in section A"). */
export function pendingDecisionDraft(
  change: PendingChange,
  accept: boolean,
  where: string,
): { op: (typeof PENDING_DECISION_OPS)[number]; ids: string[]; summary: string } {
  return {
    op: accept ? 'accept-change' : 'reject-change',
    ids: [change.id],
    summary: `${accept ? 'accepted' : 'rejected'} ${describeChange(change)}${where ? ` ${where}` : ''}`,
  }
}
