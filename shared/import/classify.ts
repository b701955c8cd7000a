/**
 * What a single line is, judged from its first characters: the starters of
 * blocks (headings, options, footnote bodies, numbered paragraphs, list items,
 * table rows, page furniture). Everything else is running text that may
 * continue a block. Context (what came before) is `blocks.ts`'s to weigh.
 */
import { optionLabelAt, type OptionLabel } from './option-label.ts'

/** A label at the start of a line, as a span of that line. */
export interface LabelSpan {
  kind: 'article' | 'section' | 'part' | 'annex' | 'option' | 'provision' | 'item' | 'footnote'
  from: number
  to: number
  /** The label's value: `1`, `1 bis`, `a`, `A`, `IV`, `¹⁰` read as `10`. */
  value: string
}

/** The kind of a line. */
export type LineKind =
  'blank' | 'heading' | 'option' | 'table_break' | 'footnote' | 'provision' | 'item' | 'row' | 'page' | 'rule' | 'text'

/** How high a heading stands: `level` names it, `rank` orders it (0 title … 7 a bold Markdown line). */
export interface HeadingClass {
  level: 'title' | 'part' | 'chapter' | 'preamble' | 'annex' | 'article' | 'section' | 'markdown'
  rank: number
}

/** A classified line. */
export interface LineClass {
  kind: LineKind
  /** Leading spaces. */
  indent: number
  label?: LabelSpan
  heading?: HeadingClass
  /** The option label of an `option` line, or one that follows a paragraph's label (`4. Option A: …`). */
  option?: OptionLabel
  /** `1 See decision…`: a footnote body where a page or section ends, text elsewhere (`blocks.ts` decides). */
  plainFootnote?: boolean
  /** The sub-level of a list item: 2 for `(a)`, 3 for `(i)`, 4 for `(1)` (a numbered paragraph is 1). */
  depth?: number
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

const SUFFIX = '(?:\\s?(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies))?'
// `Article 10 bis`, `Article 2bis`, and `Article 20 ante` / `Article ante 58` (inserted before 20, 58).
const ARTICLE = new RegExp(`^(ARTICLE|Article)\\s+((?:ante\\s+)?\\d{1,3}${SUFFIX}(?:\\s+ante)?|[IVXLC]{1,6})\\b`)
const PART = /^(PART|Part|CHAPTER|Chapter)\s+([IVXLC]{1,6}|\d{1,2}|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN)\b/
const SECTION_WORD = /^(SECTION|Section)\s+([A-Z]|\d{1,2}|[IVX]{1,5})\b/
const ANNEX = /^(ANNEX(?:ES)?|Annex(?:es)?|annex)(?:\s+([IVXLC]{1,6}|[A-Z](?:\.[A-Z0-9]+)?|\d{1,2})\b)?/
const PREAMBLE = /^(?:PREAMBLE|Preamble)\s*$/
const ROMAN = /^(XL|X{0,3}(?:IX|IV|VI{0,3}|I{1,3}))\.(?=\s+\S)/
const LETTER = /^([A-Z])\.(?=\s+\S)/
const TABLE_BREAK = /^Table\s*\(continued\)\s*$/i
const FOOTNOTE = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+|\^\{[^}\s]{1,8}\}|\^[A-Za-z0-9*]|\*)(?=[ \t])/
const MARKDOWN_FOOTNOTE = /^\[\^([^\]\s]{1,10})\]:/
const PLAIN_FOOTNOTE = /^(\d{1,3}) +(?=[A-Z“"‘'(]|See |https?:|ibid|e\.g\.|i\.e\.)/
const PROVISION = new RegExp(`^(\\d{1,3}${SUFFIX})\\.(?=\\s)`)
const ITEM = /^((?:[-–•]\s+)?\(([a-z]{1,2}|[ivxlc]{1,6}|\d{1,2}|[A-Z])\))(?=\s)/
const PAGE =
  /^(?:\d{2}-\d{5}(?: \(E\))?\s+\d{1,3}\/\d{1,3}|\d{1,3}\/\d{1,3}\s+\d{2}-\d{5}(?: \(E\))?|[Pp]age \d{1,3}(?: of \d{1,3})?|- ?\d{1,3} ?-)\s*$/
const RULE = /^(?:_{3,}|-{3,}|—{2,}|={4,}|\*{3,})\s*$/
const MARKDOWN_HEADING = /^(#{1,6})[ \t]+/
const BOLD_LINE = /^\*\*[^*]+\*\*\s*$/
// A title after a heading's number: `: AMENDMENT`, `. Finance`, ` – Mitigation`, or nothing.
const TITLE_AFTER = /^(?:\s*$|\s*[:.–—-]\s*(?:$|\S))/
// A sentence end: a heading that ends so is a wrapped line of text.
const SENTENCE_END = /[.;,]\s*$/

/** Classify one line; `markdown` when the text is Markdown (headings `#`, `*` for emphasis, `[^n]` notes). */
export function classifyLine(line: string, markdown = false): LineClass {
  let indent = 0
  while (indent < line.length && line.charCodeAt(indent) === 32) indent++
  if (indent === line.length) return { kind: 'blank', indent }
  if (line.includes('\t')) return { kind: 'row', indent }
  // Labels may follow opening brackets: `[2. This Agreement …`, `[(a) …`, `[Option 2: …`.
  let at = indent
  while (line.charCodeAt(at) === 91 /* [ */ && line.charCodeAt(at + 1) !== 94 /* ^ */) at++
  const head = at === 0 ? line : line.slice(at)
  let m: RegExpExecArray | null
  if (markdown) {
    if ((m = MARKDOWN_FOOTNOTE.exec(head)))
      return { kind: 'footnote', indent, label: { kind: 'footnote', from: at, to: at + m[0].length, value: m[1] } }
    if ((m = MARKDOWN_HEADING.exec(line))) return markdownHeading(line, m[1].length, m[0].length, indent)
  } else if (at === indent && (m = FOOTNOTE.exec(head))) {
    const marker = m[1]
    const value = marker.startsWith('^') ? marker.replace(/^\^\{?|\}$/g, '') : superscriptValue(marker)
    return { kind: 'footnote', indent, label: { kind: 'footnote', from: at, to: at + marker.length, value } }
  }
  if (PAGE.test(head)) return { kind: 'page', indent }
  if (RULE.test(head)) return { kind: 'rule', indent }
  if (TABLE_BREAK.test(head)) return { kind: 'table_break', indent }
  const heading = plainHeading(head, at)
  if (heading) return { ...heading, indent }
  const option = optionLabelAt(line, indent)
  if (option) return { kind: 'option', indent, option, label: optionSpan(option) }
  if (markdown && indent === 0 && BOLD_LINE.test(line)) {
    return { kind: 'heading', indent, heading: { level: 'markdown', rank: 7 } }
  }
  if ((m = PROVISION.exec(head))) {
    const label: LabelSpan = { kind: 'provision', from: at, to: at + m[0].length, value: m[1].replace(/\s+/g, ' ') }
    return { kind: 'provision', indent, label, depth: 1, option: optionLabelAt(line, label.to) ?? undefined }
  }
  if ((m = ITEM.exec(head))) {
    const label: LabelSpan = { kind: 'item', from: at, to: at + m[1].length, value: m[2] }
    return { kind: 'item', indent, label, depth: itemDepth(m[2]), option: optionLabelAt(line, label.to) ?? undefined }
  }
  if (at === indent && (m = PLAIN_FOOTNOTE.exec(head))) {
    const label: LabelSpan = { kind: 'footnote', from: at, to: at + m[1].length, value: m[1] }
    return { kind: 'text', indent, label, plainFootnote: true }
  }
  return { kind: 'text', indent }
}

function optionSpan(option: OptionLabel): LabelSpan {
  return { kind: 'option', from: option.from, to: option.to, value: option.value }
}

// `(a)` 2, `(i)` 3, `(1)` or `(A)` 4: how deep a list item sits under a numbered paragraph.
function itemDepth(value: string): number {
  if (/^[ivxlc]+$/.test(value) && value !== 'c' && value !== 'l') return value === 'i' || value.length > 1 ? 3 : 2
  if (/^[a-z]{1,2}$/.test(value)) return 2
  return 4
}

function plainHeading(head: string, at: number): Omit<LineClass, 'indent'> | null {
  let m: RegExpExecArray | null
  const short = head.length <= 160
  if ((m = ARTICLE.exec(head)) && short) {
    const rest = head.slice(m[0].length)
    if (TITLE_AFTER.test(rest) && !/[[\]]/.test(rest) && !(rest.trim() !== '' && SENTENCE_END.test(rest)))
      return heading('article', 2, { kind: 'article', from: at, to: at + m[0].length, value: m[2] })
    return null
  }
  if ((m = PART.exec(head)) && short && titled(head.slice(m[0].length), m[1] === m[1].toUpperCase())) {
    const level = /^c/i.test(m[1]) ? 'chapter' : 'part'
    return heading(level, 1, { kind: 'part', from: at, to: at + m[0].length, value: m[2] })
  }
  if ((m = SECTION_WORD.exec(head)) && short && TITLE_AFTER.test(head.slice(m[0].length)))
    return heading('section', 3, { kind: 'section', from: at, to: at + m[0].length, value: m[2] })
  if ((m = ANNEX.exec(head)) && short) {
    const rest = head.slice(m[0].length)
    const upper = m[1] === m[1].toUpperCase()
    if ((m[2] !== undefined || /^\s*$/.test(rest)) && titled(rest, upper) && !SENTENCE_END.test(rest))
      return heading('annex', 1, { kind: 'annex', from: at, to: at + m[0].length, value: m[2] ?? '' })
    return null
  }
  if (PREAMBLE.test(head)) return heading('preamble', 1)
  if ((m = ROMAN.exec(head)) && short && m[1].length > 1 && !/[.:;,]\s*$/.test(head))
    return heading('part', 1, { kind: 'part', from: at, to: at + m[0].length, value: m[1] })
  if ((m = LETTER.exec(head)) && head.length <= 120 && !/[.:;]\s*$/.test(head))
    return heading('section', 3, { kind: 'section', from: at, to: at + m[0].length, value: m[1] })
  return null
}

// What follows a part's or annex's number: a title (`: …`, `. …`, nothing), or, upper case, a title in capitals.
function titled(rest: string, upper: boolean): boolean {
  return (
    TITLE_AFTER.test(rest) || (upper && /^\s+[A-Z(“"[*]/.test(rest) && !/[a-z]/.test(rest.replace(/\([^)]*\)/g, '')))
  )
}

function heading(level: HeadingClass['level'], rank: number, label?: LabelSpan): Omit<LineClass, 'indent'> {
  return { kind: 'heading', heading: { level, rank }, label }
}

// `## Article 2 *(purpose)*`, `## [Article 3bis] *(REDD-plus)*`, `## Preamble`: the rank is the number of '#'.
function markdownHeading(line: string, hashes: number, textFrom: number, indent: number): LineClass {
  let at = textFrom
  while (line.charCodeAt(at) === 91 /* [ */) at++
  const m = ARTICLE.exec(line.slice(at))
  if (m) {
    return {
      kind: 'heading',
      indent,
      heading: { level: 'article', rank: hashes },
      label: { kind: 'article', from: at, to: at + m[0].length, value: m[2] },
    }
  }
  return { kind: 'heading', indent, heading: { level: 'markdown', rank: hashes } }
}
