/**
 * What the importer read in an uploaded file, before it goes live: the structure in
 * numbers, the diagnostics with line and column (and how to fix each), and the groups
 * the importer guessed, so whoever tables the text knows what to confirm.
 */
import { el } from '../dom/element.ts'
import type { DocumentPreview } from './document-api.ts'

/** The preview of `preview` as a section of the page. */
export function previewView(preview: DocumentPreview): HTMLElement {
  const s = preview.summary
  const counts: [string, string | number][] = [
    ['Lines', preview.lines],
    ['Articles', s.articles],
    ['Sections', s.sections],
    ['Options', s.options],
    ['Bracket groups (alternatives)', `${s.bracketGroups} (${s.alternatives})`],
    ['Optional brackets', s.optionalBrackets],
    ['Blanks [...]', s.blanks],
    ['Editorial notes', s.editorialNotes],
    ['Placeholders', s.placeholders.length ? `${s.placeholderOccurrences} (${s.placeholders.join(', ')})` : 0],
    ['Footnotes (references)', `${s.footnotes} (${s.footnoteRefs})`],
    ['Tables (Party rows)', `${s.tables} (${s.partyRows})`],
    ['Deepest nesting', s.maxDepth],
  ]
  if (preview.import.kind === 'docx') {
    const d = preview.import as Record<string, number>
    counts.push(
      ['Word paragraphs', d.paragraphs],
      ['Comments (naming a Party)', `${d.comments} (${d.commentsWithParty})`],
      ['Tracked insertions / deletions', `${d.insertions} / ${d.deletions}`],
    )
  }
  const table = el(
    'table',
    { class: 'preview-counts' },
    el('tbody', {}, ...counts.map(([k, v]) => el('tr', {}, el('th', { scope: 'row' }, k), el('td', {}, String(v))))),
  )
  const diagnostics = preview.diagnostics.length
    ? el(
        'ol',
        { class: 'preview-diagnostics' },
        ...preview.diagnostics.map((d) =>
          el(
            'li',
            {},
            el('span', { class: 'place' }, `line ${d.line}, column ${d.column}`),
            ` ${d.message}`,
            d.hint ? el('span', { class: 'hint' }, ` — ${d.hint}`) : '',
          ),
        ),
      )
    : el('p', { class: 'muted' }, 'No diagnostics: every bracket has its partner.')
  const guesses = preview.guesses.length
    ? el(
        'ol',
        { class: 'preview-guesses' },
        ...preview.guesses.map((g) =>
          el(
            'li',
            {},
            el('span', { class: 'place' }, `line ${g.line}, column ${g.column}`),
            ' ',
            g.text ? el('code', {}, g.text) : '',
            ` ${g.message}`,
          ),
        ),
      )
    : el('p', { class: 'muted' }, 'The importer guessed nothing.')
  return el(
    'section',
    { class: 'upload-preview', 'aria-label': 'Preview' },
    el('h3', {}, `Preview of “${preview.title}” (id ${preview.id})`),
    el(
      'p',
      { class: 'muted' },
      `${preview.import.kind === 'docx' ? 'Word document' : 'Plain text'}, ${preview.characters.toLocaleString('en')} characters. Nothing is stored until you create the document; it is then tabled as Rev.0.`,
    ),
    table,
    el('h4', {}, `Diagnostics (${preview.diagnostics.length})`),
    diagnostics,
    el('h4', {}, `The importer’s guesses (${preview.guesses.length})`),
    guesses,
  )
}
