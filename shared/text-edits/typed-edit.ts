/**
 * A co-chair's free typing as the document's log records it: one entry per
 * burst of typing in one paragraph, saying which words went and which came
 * ("changed “shall” to “should”; inserted “their ” in Option 2 of section A"),
 * so the log and a comparison of revisions show who changed which words, not
 * only who took which structured step.
 */
import { compareWords } from '../compare/line-changes.ts'

/** The log's operation for typed edits. */
export const TEXT_EDIT_OPS = ['edit-text'] as const

/** Longest quote of words in a summary. */
const QUOTE_CHARS = 80

// The words without the spaces around them (which side of a word a space went is the diff's choice).
const quote = (raw: string) => {
  const words = raw.trim() || raw
  return `“${words.length > QUOTE_CHARS ? `${words.slice(0, QUOTE_CHARS - 1)}…` : words}”`
}

/** The words changed between two versions of a paragraph, in words; null when nothing changed. */
export function describeTypedEdit(before: string, after: string): string | null {
  if (before === after) return null
  const parts: string[] = []
  let removed = ''
  let added = ''
  const settle = () => {
    if (removed && added) parts.push(`changed ${quote(removed)} to ${quote(added)}`)
    else if (added) parts.push(`inserted ${quote(added)}`)
    else if (removed) parts.push(`deleted ${quote(removed)}`)
    removed = added = ''
  }
  for (const part of compareWords(before, after)) {
    if (part.change === 'removed') removed += part.text
    else if (part.change === 'added') added += part.text
    else if (part.text.trim() || !(removed || added)) settle()
    else if (removed || added) {
      // A space between two changed words belongs to the change.
      removed += removed ? part.text : ''
      added += added ? part.text : ''
    }
  }
  settle()
  return parts.length ? parts.join('; ') : null
}

/** The log draft of a burst of typing in one paragraph, placed `where`. */
export function typedEditDraft(
  before: string,
  after: string,
  where: string,
): { op: (typeof TEXT_EDIT_OPS)[number]; ids: string[]; summary: string; notes: string[] } | null {
  const words = describeTypedEdit(before, after)
  if (!words) return null
  return {
    op: 'edit-text',
    ids: [],
    summary: `${words}${where ? ` ${where}` : ''}`,
    notes: [`before: ${before.slice(0, 1900)}`, `after: ${after.slice(0, 1900)}`],
  }
}
