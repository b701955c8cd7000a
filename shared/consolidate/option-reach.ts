/**
 * The furthest an option can reach, read from the lines of the text alone —
 * not from the document's structure, which is what may be wrong. An option
 * ends before the next label of its own numbering (`Option B` after `Option
 * A`); one whose label stands on a line of its own ends before the next heading
 * as high as the heading above it; one with text on its label line ends before
 * the next heading or numbered paragraph of its paragraph's level (a `4 bis`
 * followed by the run's next label excepted), and in Markdown before a line
 * indented no deeper than that paragraph. The removal check clips what a
 * dropped option may take away to this reach. A line is a heading or a
 * numbered paragraph as the importer reads a single line (`classify.ts`); how
 * blocks group and where runs end is read here afresh.
 */
import { carriesSentenceOn } from '../import/blocks.ts'
import { classifyLine, type LineClass } from '../import/classify.ts'
import { optionLabelAt } from '../import/option-label.ts'

/** The text's lines with their offsets, and whether it is Markdown. */
export interface TextLines {
  lines: string[]
  starts: number[]
  markdown: boolean
  /** Each line as it reads on its own, filled in as lines are asked about. */
  classes: (LineClass | undefined)[]
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
  return { lines, starts, markdown, classes: [] }
}

// How each line reads on its own (`classify.ts`, the importer's reading of a single line, before
// any context or structure is weighed), computed once per line asked about.
function lineClass(t: TextLines, l: number): LineClass {
  return (t.classes[l] ??= classifyLine(t.lines[l], t.markdown))
}

// Lines a heading-like line after them may carry on: running text, paragraphs, option labels with text.
const RUNNING = new Set(['text', 'provision', 'item', 'option'])

/**
 * The rank of the heading line `l` is (0 for a title … 7), or null when it is none: a
 * heading-like line that carries on the sentence of the running text just before it is none.
 */
function headingRank(t: TextLines, l: number): number | null {
  const c = lineClass(t, l)
  if (c.kind !== 'heading') return null
  const previous = l > 0 ? lineClass(t, l - 1) : null
  const running = previous && RUNNING.has(previous.kind) && !previous.option?.labelOnly
  if (running && carriesSentenceOn(t.lines[l - 1], t.lines[l], c)) return null
  return c.heading!.rank
}

/** A numbered paragraph (depth 1) or list item (2–4) and its number (`4` of `4 bis`), or null for other lines. */
interface ParagraphLabel {
  depth: number
  base: string
  /** `4 bis`: a paragraph inserted after `4`. */
  suffixed: boolean
}

function paragraphOf(c: LineClass): ParagraphLabel | null {
  if (c.kind !== 'provision' && c.kind !== 'item') return null
  // `4 bis`, `1bis`: the number, and whether a suffix follows it.
  const m = /^(\d+)\s?([a-z]+)?$/.exec(c.label!.value)
  return { depth: c.depth!, base: m ? m[1] : c.label!.value, suffixed: !!m?.[2] }
}

/** The paragraph line `l` starts, if any. */
function paragraphAt(t: TextLines, l: number): ParagraphLabel | null {
  return paragraphOf(lineClass(t, l))
}

/** The paragraph the words before a label on its line start (`4. [` of `4. [Option 1: …`), if any. */
function paragraphBefore(prefix: string, markdown: boolean): ParagraphLabel | null {
  return prefix.trim() ? paragraphOf(classifyLine(prefix.trimStart() + ' ', markdown)) : null
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
  let para: (ParagraphLabel & { indent: number }) | null = null
  const own = paragraphBefore(labelLine.slice(0, label.from), t.markdown)
  if (own) para = { ...own, indent: indentOf(labelLine) }
  for (let l = line - 1; l >= 0; l--) {
    const text = t.lines[l]
    const r = headingRank(t, l)
    if (r !== null && !inserted(t, l)) {
      rank = r
      break
    }
    const earlier = optionLabelAt(text, indentOf(text))
    if (earlier && earlier.style === label.style) {
      // An earlier option of the run: the paragraph that holds the run stands before the first one.
      const p = paragraphBefore(text.slice(0, earlier.from), t.markdown)
      if (p && !own) {
        para = { ...p, indent: indentOf(text) }
        break
      }
      if (!own) para = null
      continue
    }
    if (!para && !label.labelOnly && !t.markdown) {
      const p = paragraphAt(t, l)
      if (p) para = { ...p, indent: 0 }
    }
    if (!para && t.markdown && indentOf(labelLine) > 0) {
      const p = paragraphAt(t, l)
      if (p && indentOf(text) < indentOf(labelLine)) para = { ...p, depth: 1, indent: indentOf(text) }
    }
  }
  const style = label.style
  const headed = label.labelOnly && !para
  if (headed) rank = headedRank(t, line, style)
  for (let l = line + 1; l < t.lines.length; l++) {
    const text = t.lines[l]
    if (!text.trim()) continue
    const next = optionLabelAt(text, indentOf(text))
    if (next && next.style === style) return t.starts[l]
    if (next) continue
    const r = headingRank(t, l)
    if (r !== null && !inserted(t, l) && (!headed || r <= rank)) return t.starts[l]
    if (headed) continue
    const p = paragraphAt(t, l)
    if (t.markdown) {
      // A line right after another carries its paragraph on (lazy continuation); after a blank line, indentation tells.
      const afterBlank = !t.lines[l - 1].trim()
      if (para ? afterBlank && indentOf(text) <= para.indent : p?.depth === 1 && indentOf(text) <= indentOf(labelLine))
        return t.starts[l]
      continue
    }
    if (!p) continue
    if (para ? p.depth <= para.depth : p.depth === 1) {
      if (p.depth === 1 && para && p.suffixed && p.base === para.base && runGoesOn(t, l, style, label.value)) continue
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
    const r = headingRank(t, l)
    if (r === null || inserted(t, l)) continue
    if (rank !== -1 && r <= rank) break
    if (rank === -1) {
      rank = r
      rankLine = l
    }
  }
  const after = nextLine(t, first)
  const r = after >= 0 ? headingRank(t, after) : null
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
    if (headingRank(t, l) !== null) return false
    const p = paragraphAt(t, l)
    if (p?.depth === 1 && !p.suffixed) return false
  }
  return false
}
