/**
 * Finds placeholders: letters standing for a number not yet agreed (`X per
 * cent`, `2013–V`, `in W`, `Article [7][R]`, `[X] years`, `XX`, `20XX`, `USD X.X
 * million`, `at its [x] session`, `paragraph X`, `Article (XX)`, `annex X`,
 * `paragraphs X-Y`). Detection is conservative: never the `A` of "Annex A", the
 * `I` of "Annex I", a letter after a label word ("Party B", "section G",
 * "sections D, E, F", "Annex [A or B]"), a section letter (`[B. Mitigation]`), a
 * unit (`°C`, `2 degrees C`, `W/m2`), a quoted mention (“V”) or a list label.
 * Only `X` (and `XX`) stands for a number even after a label word.
 */
import type { PlaceholderOverrides } from './annotations.ts'

/** A placeholder found in a line: columns [from, to). */
export interface PlaceholderSpan {
  from: number
  to: number
}

// Words that make the next capital letter a name, not a number.
const LABEL_WORDS = new Set([
  'annex',
  'annexes',
  'appendix',
  'article',
  'articles',
  'category',
  'chapter',
  'class',
  'column',
  'decision',
  'degree',
  'degrees',
  'document',
  'group',
  'item',
  'list',
  'option',
  'options',
  'paragraph',
  'paragraphs',
  'part',
  'parties',
  'party',
  'phase',
  'plan',
  'scenario',
  'schedule',
  'section',
  'sections',
  'table',
  'type',
  'vitamin',
])
// Currencies before an amount: `USD X.X million`.
const CURRENCIES = new Set(['USD', 'EUR', 'GBP', 'CHF', 'JPY', 'CNY', 'SDR'])
const NOT_BEFORE = /[\p{L}\p{N}_'’“"‘.°/]/u
const NOT_AFTER = /[\p{L}\p{N}_'’”"\-/]/u
const NONE: PlaceholderSpan[] = []

/**
 * Placeholders of `line` in [from, to). `lineNo` is 0-based; `overrides` (from
 * annotations, by the column of a letter) win over the rules.
 */
export function findPlaceholders(
  line: string,
  lineNo: number,
  from: number,
  to: number,
  overrides: PlaceholderOverrides,
): PlaceholderSpan[] {
  let found: PlaceholderSpan[] | undefined
  // A character loop, not a regular expression: this runs on every piece of text.
  for (let col = from; col < to; col++) {
    const c = line.charCodeAt(col)
    if (c === 120 /* x */) {
      // `[x]`: a lower-case x alone in brackets.
      if (line.charCodeAt(col - 1) === 91 && line.charCodeAt(col + 1) === 93 && col === from && col + 1 === to) {
        const forced = overrides.size ? overrides.get(`${lineNo}:${col}`) : undefined
        if (forced ?? true) (found ??= []).push({ from: col, to: col + 1 })
      }
      continue
    }
    if (c < 66 || c > 90 || c === 73 /* I */) continue
    const span = spanAt(line, col, from, to)
    if (!span) continue
    const forced = overrides.size ? overrides.get(`${lineNo}:${col}`) : undefined
    if (forced ?? isPlaceholderAt(line, span)) (found ??= []).push(span)
    col = span.to - 1
  }
  for (const [key, yes] of overrides) {
    if (!yes) continue
    const [l, c] = key.split(':').map(Number)
    if (l === lineNo && c >= from && c < to && !found?.some((s) => s.from <= c && c < s.to))
      (found ??= []).push({ from: c, to: c + 1 })
  }
  return found ? found.sort((a, b) => a.from - b.from) : NONE
}

// The letters that could be one placeholder at `col`: `X`, `XX`, `X.X`, `20XX`;
// null when the letter is part of a word or name.
function spanAt(line: string, col: number, from: number, to: number): PlaceholderSpan | null {
  const c = line.charCodeAt(col)
  let start = col
  let end = col + 1
  if (c === 88 /* X */) {
    if (line.charCodeAt(col + 1) === 88) end = col + 2
    else if (line.charCodeAt(col + 1) === 46 && line.charCodeAt(col + 2) === 88) end = col + 3
    // `20XX`: a year not yet agreed.
    if (
      end === col + 2 &&
      col - 2 >= from &&
      isDigit(line, col - 1) &&
      isDigit(line, col - 2) &&
      !isDigit(line, col - 3)
    )
      start = col - 2
  }
  if (end > to) return null
  // Neighbours within this piece only: the piece ends at brackets and footnote
  // markers (`V³` is V with a marker, not a word).
  if (start === col && col > from && isNameChar(line, col - 1, NOT_BEFORE)) return null
  if (end < to && isNameChar(line, end, NOT_AFTER)) {
    // `X-Y`: a range of two placeholders.
    if (!(line[end] === '-' && /^[A-Z](?![\p{L}\p{N}])/u.test(line.slice(end + 1, end + 3)))) return null
  }
  return { from: start, to: end }
}

function isDigit(line: string, at: number): boolean {
  const c = line.charCodeAt(at)
  return c >= 48 && c <= 57
}

function isNameChar(line: string, at: number, set: RegExp): boolean {
  const c = line.charCodeAt(at)
  if (c < 128)
    return (
      (c >= 48 && c <= 57) ||
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      c === 95 ||
      c === 39 ||
      c === 34 ||
      c === 47 ||
      (set === NOT_BEFORE ? c === 46 : c === 45)
    )
  return set.test(line[at])
}

function isPlaceholderAt(line: string, span: PlaceholderSpan): boolean {
  const col = span.from
  const next = line[span.to]
  const x = line[col] === 'X' || /^\d/.test(line.slice(col, span.to))
  if (span.to === col + 1) {
    // `B.I`, `A.1`: part of a name.
    if (next === '.' && /[A-Za-z0-9]/.test(line[col + 2] ?? '')) return false
    // `(V)`: a list label.
    if (line[col - 1] === '(' && next === ')') return false
    // `[B. Mitigation]`, `B. Mitigation` at a line's start: a section letter.
    if (next === '.' && /^\.\s+\p{Lu}/u.test(line.slice(col + 1, col + 4)) && /(?:^|\[)\s*$/.test(line.slice(0, col)))
      return false
    if (col === 0 && next === '.') return false
  }
  // The word before, skipping spaces, brackets and a list of letters (`sections D, E and F`, `Annex [A or B]`).
  let end = col
  for (;;) {
    while (
      end > 0 &&
      (line[end - 1] === ' ' || line[end - 1] === '[' || line[end - 1] === ']' || line[end - 1] === ',')
    )
      end--
    let start = end
    while (start > 0 && isLetterAt(line, start - 1)) start--
    const word = line.slice(start, end)
    if (start === end) return true
    if (LABEL_WORDS.has(word.toLowerCase())) return x
    if (CURRENCIES.has(word)) return true
    if (/^(?:and|or)$/.test(word) || (/^[A-Z]$/.test(word) && start > 0 && /[\s[]/.test(line[start - 1]))) {
      end = start
      continue
    }
    return !/^\p{Lu}/u.test(word)
  }
}

function isLetterAt(line: string, at: number): boolean {
  const c = line.charCodeAt(at)
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  return /\p{L}/u.test(line[at])
}
