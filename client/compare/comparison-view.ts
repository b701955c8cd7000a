/**
 * Two revisions compared, side by side or inline. Side by side: the earlier
 * text on the left, the later on the right, each line beside its counterpart,
 * removed words struck through on the left and added words underlined on the
 * right. Inline: one text with removals and additions marked in place. Long
 * runs of unchanged lines fold to a single line, so the changes are what the
 * reader scrolls through.
 */
import type { Comparison, LineChange, WordPart } from '../../shared/compare/index.ts'
import { el } from '../dom/element.ts'
import { findingsList } from './findings-list.ts'

/** How the texts are laid out. */
export type CompareLayout = 'side-by-side' | 'inline'

/** Unchanged lines kept around a change for context. */
const CONTEXT = 1

const words = (parts: WordPart[], keep: (p: WordPart) => boolean) =>
  parts
    .filter(keep)
    .map((p) =>
      p.change === 'same' ? document.createTextNode(p.text) : el(p.change === 'added' ? 'ins' : 'del', {}, p.text),
    )

/** The comparison with its findings, in `layout`. */
export function comparisonView(comparison: Comparison, layout: CompareLayout): HTMLElement {
  const label = (name: string) => (name === 'draft' ? 'Working draft' : name)
  const body = el('div', { class: `compare-lines compare-${layout}` })
  if (layout === 'side-by-side')
    body.append(
      el(
        'div',
        { class: 'compare-row compare-heads' },
        el('div', {}, label(comparison.from)),
        el('div', {}, label(comparison.to)),
      ),
    )
  for (const item of folded(comparison.lines)) {
    if (item === 'fold') {
      body.append(el('div', { class: 'compare-fold' }, '⋯ unchanged lines ⋯'))
      continue
    }
    body.append(layout === 'side-by-side' ? sideBySide(item) : inline(item))
  }
  return el(
    'div',
    { class: 'comparison', 'data-layout': layout },
    el('h2', {}, `${label(comparison.from)} → ${label(comparison.to)}`),
    findingsList(comparison),
    body,
  )
}

function sideBySide(line: LineChange): HTMLElement {
  const where = { title: line.location }
  switch (line.kind) {
    case 'same':
      return el('div', { class: 'compare-row same', ...where }, el('div', {}, line.text), el('div', {}, line.text))
    case 'changed':
      return el(
        'div',
        { class: 'compare-row changed', ...where },
        el('div', {}, ...words(line.words, (p) => p.change !== 'added')),
        el('div', {}, ...words(line.words, (p) => p.change !== 'removed')),
      )
    case 'removed':
      return el(
        'div',
        { class: 'compare-row removed', ...where },
        el('div', {}, el('del', {}, line.text)),
        el('div', { class: 'empty' }),
      )
    case 'added':
      return el(
        'div',
        { class: 'compare-row added', ...where },
        el('div', { class: 'empty' }),
        el('div', {}, el('ins', {}, line.text)),
      )
  }
}

function inline(line: LineChange): HTMLElement {
  const where = { title: line.location }
  switch (line.kind) {
    case 'same':
      return el('div', { class: 'compare-line same', ...where }, line.text)
    case 'changed':
      return el('div', { class: 'compare-line changed', ...where }, ...words(line.words, () => true))
    case 'removed':
      return el('div', { class: 'compare-line removed', ...where }, el('del', {}, line.text))
    case 'added':
      return el('div', { class: 'compare-line added', ...where }, el('ins', {}, line.text))
  }
}

/** The lines with long unchanged stretches folded (`'fold'`), keeping CONTEXT lines around each change. */
function folded(lines: LineChange[]): (LineChange | 'fold')[] {
  const near = new Set<number>()
  lines.forEach((l, i) => {
    if (l.kind !== 'same') for (let k = i - CONTEXT; k <= i + CONTEXT; k++) near.add(k)
  })
  const out: (LineChange | 'fold')[] = []
  lines.forEach((l, i) => {
    if (l.kind !== 'same' || near.has(i)) out.push(l)
    else if (out[out.length - 1] !== 'fold') out.push('fold')
  })
  return out
}
