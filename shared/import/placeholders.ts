/**
 * Finds placeholders: single capital letters standing for a number not yet
 * agreed (`X per cent`, `2013–V`, `in W`, `Article [7][R]`). Detection is
 * conservative: never the `A` of "Annex A", the `I` of "Annex I", a letter after
 * a label word ("Party B", "section G"), a quoted mention (“V”) or a list label.
 */
import type { PlaceholderOverrides } from './annotations.ts'

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
  'document',
  'group',
  'item',
  'list',
  'option',
  'options',
  'paragraph',
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
const NOT_BEFORE = /[\p{L}\p{N}_'’“"‘.]/u
const NOT_AFTER = /[\p{L}\p{N}_'’”"-]/u

/**
 * Columns of `line` in [from, to) that hold a placeholder. `lineNo` is 0-based;
 * `overrides` (from annotations) win over the rules.
 */
export function findPlaceholders(
  line: string,
  lineNo: number,
  from: number,
  to: number,
  overrides: PlaceholderOverrides,
): number[] {
  let found: number[] | undefined
  // A character loop, not a regular expression: this runs on every piece of text.
  for (let col = from; col < to; col++) {
    const c = line.charCodeAt(col)
    if (c < 66 || c > 90 || c === 73 /* I */) continue
    // Neighbours within this piece only: the piece ends at brackets and footnote
    // markers (`V³` is V with a marker, not a word).
    if (col > from && isNameChar(line, col - 1, NOT_BEFORE)) continue
    if (col + 1 < to && isNameChar(line, col + 1, NOT_AFTER)) continue
    const forced = overrides.size ? overrides.get(`${lineNo}:${col}`) : undefined
    if (forced ?? isPlaceholderAt(line, col)) (found ??= []).push(col)
  }
  for (const [key, yes] of overrides) {
    if (!yes) continue
    const [l, c] = key.split(':').map(Number)
    if (l === lineNo && c >= from && c < to && !found?.includes(c)) (found ??= []).push(c)
  }
  return found ? found.sort((a, b) => a - b) : NONE
}

const NONE: number[] = []

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
      (set === NOT_BEFORE ? c === 46 : c === 45)
    )
  return set.test(line[at])
}

function isPlaceholderAt(line: string, col: number): boolean {
  const next = line[col + 1]
  // `B.I`, `A.1`: part of a name.
  if (next === '.' && /[A-Za-z0-9]/.test(line[col + 2] ?? '')) return false
  // `(V)`: a list label.
  if (line[col - 1] === '(' && next === ')') return false
  // Line start followed by "." is a section letter, not a number.
  if (col === 0 && next === '.') return false
  // The word before, skipping spaces and brackets: `Annex [B]`, `[five][Z]`.
  let end = col
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '[' || line[end - 1] === ']')) end--
  let start = end
  while (start > 0 && isLetterAt(line, start - 1)) start--
  if (start === end) return true
  const word = line.slice(start, end)
  if (LABEL_WORDS.has(word.toLowerCase())) return false
  return !/^\p{Lu}/u.test(word)
}

function isLetterAt(line: string, at: number): boolean {
  const c = line.charCodeAt(at)
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  return /\p{L}/u.test(line[at])
}
