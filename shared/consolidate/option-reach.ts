/**
 * The furthest an option can reach, read from the lines of the text alone —
 * not from the document's structure, which is what may be wrong. An option
 * ends before the next label of its own numbering (`Option B` after `Option
 * A`); one whose label stands on a line of its own ends before the next heading
 * as high as the heading above it; one with text on its label line ends before
 * the next heading or numbered paragraph of its paragraph's level (a `4 bis`
 * followed by the run's next label excepted), and in Markdown before a line
 * indented no deeper than that paragraph. The removal check clips what a
 * dropped option may take away to this reach.
 */
import { optionLabelAt } from '../import/option-label.ts'

/** The text's lines with their offsets, and whether it is Markdown. */
export interface TextLines {
  lines: string[]
  starts: number[]
  markdown: boolean
}

/** Split `text` into lines with their start offsets. */
export function textLines(text: string, markdown: boolean): TextLines {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l))
  const starts: number[] = []
  let at = 0
  for (const l of text.split('\n')) {
    starts.push(at)
    at += l.length + 1
  }
  return { lines, starts, markdown }
}

const HEADINGS: [RegExp, number][] = [
  [/^(?:PART|Part|CHAPTER|Chapter)\s+(?:[IVXLC]+|\d+)\b/, 1],
  [/^(?:ANNEX|Annex|annex)(?:\s+(?:[IVXLC]+|[A-Z](?:\.[A-Z0-9]+)?|\d+))?\s*(?:$|[:.–—-]\s)/, 1],
  [/^(?:PREAMBLE|Preamble)\s*$/, 1],
  [/^(?:XL|X{0,3}(?:IX|IV|VI{0,3}|I{2,3}))\.\s+\S/, 1],
  [/^(?:ARTICLE|Article)\s+(?:ante\s+)?\d+(?:\s?[a-z]+){0,2}(?:\s*$|\s*[:.–—-]\s*\S)/, 2],
  [/^[A-Z]\.\s+\S.{0,110}$/, 3],
]
const PROVISION = /^\[*(\d{1,3})(\s?(?:bis|ter|quater|quinquies|sexies))?\.\s/
const ITEM = /^\[*(?:[-–•]\s+)?\(([a-z]{1,2}|[ivxlc]{1,6}|\d{1,2})\)\s/

/** The rank of the heading `line` is (0 for a Markdown title … 7), or null when it is none. */
function headingRank(line: string, markdown: boolean): number | null {
  if (markdown) {
    const m = /^(#{1,6})\s/.exec(line)
    if (m) return m[1].length
    if (/^\*\*[^*]+\*\*\s*$/.test(line)) return 7
  }
  const text = line.replace(/^\[+/, '')
  if (/[.;:,]\s*$/.test(text)) return null
  for (const [re, rank] of HEADINGS) if (re.test(text)) return rank
  return null
}

function indentOf(line: string): number {
  let i = 0
  while (line.charCodeAt(i) === 32) i++
  return i
}

// A heading right after an instruction ("… shall replace the table in Annex B:") is inserted text.
function inserted(t: TextLines, l: number): boolean {
  for (let k = l - 1; k >= 0; k--) if (t.lines[k].trim()) return /:\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\^\S+)?\s*$/.test(t.lines[k])
  return false
}

/**
 * The offset before which the option labelled at `line` (0-based) and column
 * `column` ends, at the latest; the text's length when nothing ends it, or when
 * no option label stands there.
 */
export function optionReach(t: TextLines, line: number, column: number): number {
  const end = t.starts[t.lines.length - 1] + t.lines[t.lines.length - 1].length
  const labelLine = t.lines[line]
  const label = optionLabelAt(labelLine, column) ?? optionLabelAt(labelLine, 0)
  if (!label) return end
  // What holds the run: the heading above, and the numbered paragraph it sits in.
  let rank = -1
  let para: { depth: number; indent: number; base: string } | null = null
  const before = labelLine.slice(0, label.from)
  const own = PROVISION.exec(before.trimStart()) ?? ITEM.exec(before.trimStart())
  if (own) para = { depth: PROVISION.test(before.trimStart()) ? 1 : 2, indent: indentOf(labelLine), base: own[1] }
  for (let l = line - 1; l >= 0; l--) {
    const text = t.lines[l]
    const r = headingRank(text.trimStart(), t.markdown)
    if (r !== null && !inserted(t, l)) {
      rank = r
      break
    }
    const earlier = optionLabelAt(text, indentOf(text))
    if (earlier && earlier.style === label.style) {
      // An earlier option of the run: the paragraph that holds the run stands before the first one.
      const prefix = text.slice(0, earlier.from).trimStart()
      const p = PROVISION.exec(prefix) ?? ITEM.exec(prefix)
      if (p && !own) {
        para = { depth: PROVISION.test(prefix) ? 1 : 2, indent: indentOf(text), base: p[1] }
        break
      }
      if (!own) para = null
      continue
    }
    if (!para && !label.labelOnly && !t.markdown) {
      const p = PROVISION.exec(text) ?? ITEM.exec(text)
      if (p) para = { depth: PROVISION.test(text) ? 1 : 2, indent: 0, base: p[1] }
    }
    if (!para && t.markdown && indentOf(labelLine) > 0) {
      const trimmed = text.trimStart()
      const p = PROVISION.exec(trimmed) ?? ITEM.exec(trimmed)
      if (p && indentOf(text) < indentOf(labelLine)) para = { depth: 1, indent: indentOf(text), base: p[1] }
    }
  }
  const style = label.style
  const headed = label.labelOnly && !para
  if (headed) rank = headedRank(t, line, style)
  for (let l = line + 1; l < t.lines.length; l++) {
    const text = t.lines[l]
    const trimmed = text.trimStart()
    if (!trimmed) continue
    const next = optionLabelAt(text, indentOf(text))
    if (next && next.style === style) return t.starts[l]
    if (next) continue
    const r = headingRank(trimmed, t.markdown)
    if (r !== null && !inserted(t, l) && (!headed || r <= rank)) return t.starts[l]
    if (headed) continue
    if (t.markdown) {
      // A line right after another carries its paragraph on (lazy continuation); after a blank line, indentation tells.
      const afterBlank = !t.lines[l - 1].trim()
      if (
        para
          ? afterBlank && indentOf(text) <= para.indent
          : PROVISION.test(trimmed) && indentOf(text) <= indentOf(labelLine)
      )
        return t.starts[l]
      continue
    }
    const p = PROVISION.exec(text)
    const item = ITEM.exec(text)
    const depth = p ? 1 : item ? 2 : 0
    if (!depth) continue
    if (para ? depth <= para.depth : depth === 1) {
      if (p && para && p[2] && p[1] === para.base && runGoesOn(t, l, style, label.value)) continue
      return t.starts[l]
    }
  }
  return end
}

// The rank of the heading a run of label-only options sits under: the heading
// above its first option (an earlier option of the run may hold headings, when
// an article's heading follows its label at once: `OPTION I:` ⏎ `Article 4`, and
// such a run ends only at a heading above those).
function headedRank(t: TextLines, line: number, style: string): number {
  let rank = -1
  let rankLine = -1
  let first = line
  for (let l = line - 1; l >= 0 && l > line - 5000; l--) {
    const text = t.lines[l]
    const earlier = optionLabelAt(text, indentOf(text))
    if (earlier && earlier.style === style) {
      if (rank !== -1 && nextLine(t, l) !== rankLine) break
      rank = -1
      first = l
      continue
    }
    const r = headingRank(text.trimStart(), t.markdown)
    if (r === null || inserted(t, l)) continue
    if (rank !== -1 && r <= rank) break
    if (rank === -1) {
      rank = r
      rankLine = l
    }
  }
  const after = nextLine(t, first)
  const r = after >= 0 ? headingRank(t.lines[after].trimStart(), t.markdown) : null
  return r !== null && r <= rank ? r - 1 : rank
}

function nextLine(t: TextLines, l: number): number {
  for (let k = l + 1; k < t.lines.length; k++) if (t.lines[k].trim()) return k
  return -1
}

// After `1 bis.` in a run of paragraph 1: does a later label of the run follow before the next paragraph?
function runGoesOn(t: TextLines, from: number, style: string, value: string): boolean {
  for (let l = from + 1; l < t.lines.length && l < from + 400; l++) {
    const text = t.lines[l]
    const next = optionLabelAt(text, indentOf(text))
    if (next) return next.style === style && next.value !== value
    if (headingRank(text.trimStart(), t.markdown) !== null) return false
    const p = PROVISION.exec(text)
    if (p && !p[2]) return false
  }
  return false
}
