/**
 * What a single line is, judged from its first characters: the starters of
 * blocks (headings, options, footnote bodies, numbered provisions, list items,
 * table rows). Everything else is running text that may continue a block.
 */

/** The label at the start of a line, as a span of that line. */
export interface LabelSpan {
  kind: 'article' | 'section' | 'option' | 'provision' | 'item' | 'footnote'
  from: number
  to: number
  /** The label's value: `1`, `1 bis`, `a`, `A`, `¹⁰` read as `10`. */
  value: string
}

/** The kind of a line. */
export type LineKind =
  | 'blank'
  | 'article'
  | 'section'
  | 'option'
  | 'annex'
  | 'table_break'
  | 'footnote'
  | 'provision'
  | 'item'
  | 'row'
  | 'text'

/** A classified line. */
export interface LineClass {
  kind: LineKind
  label?: LabelSpan
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹'

/** Reads a run of superscript digits as an ordinary number string. */
export function superscriptValue(text: string): string {
  let out = ''
  for (const ch of text) {
    const d = SUPERSCRIPT_DIGITS.indexOf(ch)
    out += d >= 0 ? String(d) : ch
  }
  return out
}

const ARTICLE = /^(?:ARTICLE|Article)\s+(\d+|[IVXLC]+)(?=\s*(?:[:.–—-]|$))/
const SECTION = /^([A-Z])\.(?=\s+\S)/
const OPTION = /^Option\s+(\d+|\([A-Za-z0-9]{1,4}\)|[IVX]{1,5}|[A-Z]|[a-z])(\s*[:.)])?/
const ANNEX = /^Annex\s+[A-Z](?:\.[A-Z0-9]+)?\s*$/
const TABLE_BREAK = /^Table\s*\(continued\)\s*$/i
const FOOTNOTE = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+|\^\{[^}\s]{1,8}\}|\^[A-Za-z0-9*]|\*)(?=[ \t])/
const PROVISION = /^(\d{1,3}(?:\s+(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies))?)\.(?=\s)/
const ITEM = /^((?:[-–•]\s+)?\(([a-z]{1,2}|[ivxlc]{1,6}|\d{1,2})\))(?=\s)/
// What may follow an option label without punctuation: end, a footnote marker, a
// bracket or a parenthesis ("Option 1 (Tuvalu)"); "Option 2 of section A" is text.
const AFTER_BARE_OPTION = /^(?:$|\s*$|[⁰¹²³⁴⁵⁶⁷⁸⁹^\[\]]|\s+[(\[])/

/** Classify one line of a text. */
export function classifyLine(line: string): LineClass {
  if (line.length === 0 || /^ *$/.test(line)) return { kind: 'blank' }
  if (line.includes('\t')) return { kind: 'row' }
  let m: RegExpExecArray | null
  if ((m = FOOTNOTE.exec(line))) {
    const marker = m[1]
    const value = marker.startsWith('^') ? marker.replace(/^\^\{?|\}$/g, '') : superscriptValue(marker)
    return { kind: 'footnote', label: { kind: 'footnote', from: 0, to: marker.length, value } }
  }
  if (TABLE_BREAK.test(line)) return { kind: 'table_break' }
  if (ANNEX.test(line)) return { kind: 'annex' }
  if ((m = ARTICLE.exec(line)) && line.length <= 100) {
    return { kind: 'article', label: { kind: 'article', from: 0, to: m[0].length, value: m[1] } }
  }
  const option = optionLabel(line)
  if (option) return { kind: 'option', label: option }
  if ((m = SECTION.exec(line)) && line.length <= 120 && !/[.:;]\s*$/.test(line)) {
    return { kind: 'section', label: { kind: 'section', from: 0, to: m[0].length, value: m[1] } }
  }
  if ((m = PROVISION.exec(line))) {
    return {
      kind: 'provision',
      label: { kind: 'provision', from: 0, to: m[0].length, value: m[1].replace(/\s+/g, ' ') },
    }
  }
  if ((m = ITEM.exec(line))) return { kind: 'item', label: { kind: 'item', from: 0, to: m[1].length, value: m[2] } }
  return { kind: 'text' }
}

/** The option label of a line such as `Option 2:`, `[Option (a):` or `Option 3⁷`. */
function optionLabel(line: string): LabelSpan | undefined {
  let from = 0
  while (from < line.length && (line[from] === '[' || line[from] === ' ')) from++
  const m = OPTION.exec(line.slice(from))
  if (!m) return undefined
  const rest = line.slice(from + m[0].length)
  if (!m[2] && !AFTER_BARE_OPTION.test(rest)) return undefined
  return { kind: 'option', from, to: from + m[0].length, value: m[1].replace(/[()]/g, '') }
}
