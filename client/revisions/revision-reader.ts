/**
 * A revision opened read-only: its text as circulated, line by line, with
 * bracketed stretches shaded so the open questions stand out, and what remains
 * open in it. Nothing here can change the revision or the draft.
 */
import { el } from '../dom/element.ts'
import type { RevisionDetail } from './revision-api.ts'
import { formatDateTime } from '../format/date-format.ts'

/** Splits a line into text and `[…]` runs (outermost brackets, nested ones inside). */
function bracketed(line: string): (Node | string)[] {
  const out: (Node | string)[] = []
  let depth = 0
  let run = ''
  for (const ch of line) {
    if (ch === '[' && depth++ === 0) {
      if (run) out.push(run)
      run = ''
    }
    run += ch
    if (ch === ']' && depth > 0 && --depth === 0) {
      out.push(el('span', { class: 'reader-bracket' }, run))
      run = ''
    }
  }
  if (run) out.push(depth > 0 ? el('span', { class: 'reader-bracket' }, run) : run)
  return out
}

/** The read-only view of `revision`. */
export function revisionReader(revision: RevisionDetail): HTMLElement {
  const r = revision.structure.remaining
  const text = el('div', { class: 'reader-text', 'aria-label': `Text of ${revision.name}` })
  for (const line of revision.text.split(/\r?\n/))
    text.append(el('div', { class: 'reader-line' }, ...(line ? bracketed(line) : ['\u00a0'])))
  return el(
    'article',
    { class: 'revision-reader', 'data-revision': revision.name },
    el('h2', {}, `${revision.name} (read only)`),
    el(
      'p',
      { class: 'muted' },
      `By ${revision.createdBy ?? 'unknown'}, ${formatDateTime(revision.createdAt)}${revision.restoredFrom ? `; restores ${revision.restoredFrom}` : ''}. Open: ${r.brackets} brackets, ${r.options} options.`,
    ),
    text,
  )
}
