/**
 * Option labels as negotiating texts write them — `Option 1:`, `Option 1 bis:`,
 * `Option 3 {No text required}`, `Option A`, `Option (a)`, `Option I`, `OPTION II:`,
 * `Option A.1:`, `[Option 2:`, `**Option 1:**`, `**Option 2**:`, and the same
 * with `Alt 1:`, `Alt. A`, `Alternative 2:` (texts write both words for one thing)
 * — and the numbering style each belongs to. Two labels are options of one run only when their
 * styles agree: `OPTION I` (articles), `Option A` (paragraphs) and `Option 1`
 * (subparagraphs) are three levels of one text.
 */

/** An option label found in a line. */
export interface OptionLabel {
  /** Columns of the label in its line: `**Option 1:**`, `Option (a):`, `Option 3`. */
  from: number
  to: number
  /** The number as written, without parentheses: `1`, `1 bis`, `a`, `A`, `II`, `A.1`. */
  value: string
  /** Word case and numbering: `Option:decimal`, `OPTION:upper-roman`, `Option:A.`. */
  style: string
  /** No text of the option's own on the label's line (a note or a parenthesis may follow). */
  labelOnly: boolean
}

const SUFFIX = '(?:\\s?(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies))?'
const LABEL = new RegExp(
  '^(\\*\\*)?(Option|OPTION|Alternative|ALTERNATIVE|Alt\\.?|ALT\\.?)\\s+(\\((?:[A-Za-z]{1,4}|\\d{1,3})\\)|[A-Z](?:\\.\\d{1,2})+|\\d{1,3}(?:\\.\\d{1,2})*' +
    SUFFIX +
    '|[IVX]{1,5}|[A-Z]|[a-z]|[ivx]{1,5})(\\*\\*)?(\\s*[:.)])?(\\*\\*)?',
)
// What may follow a label with no punctuation: the end of the line, a footnote
// marker, a bracket, a parenthesis or a drafting note (`Option 3 {No text
// required}`, `Option 1 (Tuvalu)`); `Option 2 of section A` is text.
const AFTER_BARE = /^(?:\s*$|[⁰¹²³⁴⁵⁶⁷⁸⁹^[\]]|\s+[([{])/
// Label-only: what stands after the label is a parenthesis, bracket or note, markers, punctuation.
const ONLY_ANNOTATION =
  /^\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\^\S+|\d{1,2}(?=\s*$))?\s*(?:\*\*)?\s*[:.]?\s*(?:(?:\([^()]*\)|\{[^{}]*\}|\[[^[\]]*\])\s*[:.]?\s*)?(?:\*\*)?\s*$/

/** The option label starting at column `at` of `line` (after any `[`, `- ` or spaces), or null. */
export function optionLabelAt(line: string, at: number): OptionLabel | null {
  let from = at
  while (from < line.length && (line[from] === '[' || line[from] === ' ')) from++
  const c = line.charCodeAt(from)
  if (c !== 79 /* O */ && c !== 65 /* A */ && c !== 42 /* * */) return null
  const m = LABEL.exec(from === 0 ? line : line.slice(from))
  if (!m) return null
  const bold = m[1] !== undefined
  // `**Option 1:**` and `**Option 2**:` close their bold; `**Option 1: text**` is a bold option.
  const punct = m[5] !== undefined
  let end = from + m[0].length
  if (bold && m[4] === undefined && m[6] === undefined) {
    // The bold may close later on the line (`**Option 1 (a):**`): the label ends there if nothing else comes first.
    const close = line.indexOf('**', end)
    if (close >= 0 && /^[\s:.()A-Za-z0-9]*$/.test(line.slice(end, close)) && close - end <= 12) end = close + 2
  }
  const rest = line.slice(end)
  if (!punct && m[4] === undefined && !AFTER_BARE.test(rest)) return null
  const raw = m[3]
  const value = raw.replace(/[()]/g, '').replace(/\s+/g, ' ')
  return {
    from,
    to: end,
    value,
    // `Alt.` and `Alt` are one word: a run may mix them.
    style: `${m[2].replace(/\.$/, '')}:${numberingStyle(value, raw.startsWith('('))}`,
    labelOnly: ONLY_ANNOTATION.test(rest),
  }
}

/**
 * The numbering style of an option number. Single letters that are also roman
 * numerals (I, V, X) read as roman; a run that started with letters keeps them
 * (see `continuesStyle`).
 */
export function numberingStyle(value: string, parenthesised = false): string {
  const p = parenthesised ? '()' : ''
  if (/^\d+(?: \w+)?$/.test(value)) return 'decimal' + p
  const dotted = /^([A-Za-z]+|\d+)((?:\.\d+)+)$/.exec(value)
  if (dotted) return `${dotted[1]}${'.'.repeat(dotted[2].split('.').length - 1)}`
  if (/^[IVX]+$/.test(value)) return 'upper-roman' + p
  if (/^[A-Z]$/.test(value)) return 'upper-letter' + p
  if (/^[ivx]+$/.test(value)) return 'lower-roman' + p
  return 'lower-letter' + p
}

/**
 * Whether an option numbered `value` in `style` can follow `previous` in a run
 * of `runStyle`: the same style, or a letter the roman reading took for a
 * numeral (`Option I` after `Option H`). A first number (1, A, a, I, i) never
 * continues a run: it starts another.
 */
export function continuesRun(runStyle: string, previous: string[], style: string, value: string): boolean {
  if (isFirst(value) || previous.includes(value)) return false
  if (runStyle === style) return true
  const [word, numbering] = runStyle.split(':')
  const [w, n] = style.split(':')
  if (word !== w) return false
  // `Option I` / `Option V` / `Option X` in a run of letters are letters.
  return (
    (numbering === 'upper-letter' && n === 'upper-roman' && /^[IVX]$/.test(value)) ||
    (numbering === 'lower-letter' && n === 'lower-roman' && /^[ivx]$/.test(value))
  )
}

/** Whether `value` is the first number of its style: 1, A, a, I, i (a run starts there). */
export function isFirst(value: string): boolean {
  return value === '1' || value === 'A' || value === 'a' || value === 'I' || value === 'i'
}
