/**
 * Groups classified lines into blocks: a heading, a paragraph of hard-wrapped
 * lines, a footnote body, a table row. Blank lines become each block's `gap`.
 * A numbered paragraph whose text is an option (`4. Option A: …`) becomes two
 * blocks on one line: the paragraph's label, then the option (gap -1).
 */
import { classifyLine, type LabelSpan, type LineClass } from './classify.ts'
import type { OptionLabel } from './option-label.ts'

/** The kinds of block the importer makes from lines. */
export type BlockType =
  | 'heading'
  | 'paragraph'
  | 'instruction'
  | 'provision'
  | 'list_item'
  | 'applicability'
  | 'footnote'
  | 'table_break'
  | 'row'

/** A block and the lines it covers. */
export interface BlockRec {
  type: BlockType
  /** For headings: title, part, chapter, preamble, annex, article, section, markdown, option or caption. */
  level?: string
  /** For headings: how high it stands (0 title … 7); null for option labels, captions and headings an instruction inserts. */
  rank?: number | null
  /** Blank lines before the block; -1 when it continues the line of the block before. */
  gap: number
  /** First and last line index (0-based, inclusive). */
  first: number
  last: number
  /** Columns of the block on its first and last lines (a split line holds two blocks). */
  from: number
  to: number
  label?: LabelSpan
  /** The option label the block starts with. */
  option?: OptionLabel
  /** Leading spaces of its first line. */
  indent: number
  /** Numbered paragraph 1, list items 2–4 (see `LineClass.depth`). */
  depth?: number
  /** Page furniture, rules and footnote bodies: where they stand says nothing of the structure. */
  aside?: boolean
  /** The option was made by a reviewer's annotation (it has no label). */
  madeOption?: boolean
}

// Blocks that a following non-blank text line continues (hard-wrapped text).
const CONTINUABLE = new Set<BlockType>(['paragraph', 'provision', 'list_item', 'footnote'])
const SENTENCE_END = /[.;:!?]["”’)\]]*\s*$/

// The last characters of a line, for the patterns that read how it ends: a pattern tried
// at every position of a long line (one paragraph per line) costs the whole line.
function lineEnd(line: string): string {
  let end = line.length
  while (end > 0 && line.charCodeAt(end - 1) <= 32) end--
  return end <= 32 ? line : line.slice(end - 32)
}

/** Group `lines` into blocks; `markdown` when the text is Markdown. */
export function groupBlocks(lines: string[], markdown: boolean): BlockRec[] {
  const blocks: BlockRec[] = []
  let gap = 0
  let open: BlockRec | undefined
  let lastFootnote = 0
  let afterRule = false
  let lastLetter = ''
  let lastRoman = ''
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    let cls = classifyLine(line, markdown)
    if (cls.kind === 'blank') {
      gap++
      open = undefined
      continue
    }
    if (cls.kind === 'heading' && open && gap === 0 && wrapsOn(lines[open.last], line, cls, open)) cls = TEXT
    if (cls.plainFootnote) {
      const n = Number(cls.label!.value)
      const placed = gap > 0 || afterRule || open?.type === 'footnote'
      if (placed && (n === lastFootnote + 1 || (lastFootnote === 0 && n <= 3) || (afterRule && n === 1))) {
        cls = { kind: 'footnote', indent: cls.indent, label: cls.label }
        lastFootnote = n
      }
    } else if (cls.kind === 'footnote' && /^\d+$/.test(cls.label!.value)) lastFootnote = Number(cls.label!.value)
    if (cls.kind === 'text' || (cls.plainFootnote && cls.kind !== 'footnote')) {
      if (open && CONTINUABLE.has(open.type) && continues(open, lines, line, cls, markdown)) {
        open.last = i
        open.to = line.length
        continue
      }
    }
    if (cls.kind === 'heading' && cls.heading!.level === 'section') {
      // `I.`, `V.`, `X.` are letters after `H.`, `U.`, `W.`; numerals after `IV.`, `IX.` (or before `II.`).
      const v = cls.label!.value
      const roman =
        (v === 'I' && lastLetter !== 'H' && lastRoman === '' && romanFollows(lines, i)) ||
        (v === 'V' && lastRoman === 'IV') ||
        (v === 'X' && lastRoman === 'IX')
      if (roman) cls = { ...cls, heading: { level: 'part', rank: 1 }, label: { ...cls.label!, kind: 'part' } }
      else lastLetter = v
    }
    if (cls.kind === 'heading' && cls.heading!.level === 'part' && /^[IVXL]+$/.test(cls.label?.value ?? ''))
      lastRoman = cls.label!.value
    afterRule = cls.kind === 'rule' || (afterRule && (cls.kind === 'footnote' || cls.kind === 'page'))
    const block = newBlock(cls, gap, i, line.length)
    blocks.push(block)
    open = block
    gap = 0
    if (cls.option && (cls.kind === 'provision' || cls.kind === 'item')) {
      // `4. Option A: text`: the paragraph's label, then the option on the same line.
      block.to = cls.option.from
      const option = newBlock({ kind: 'option', indent: cls.indent, option: cls.option }, -1, i, line.length)
      option.from = cls.option.from
      option.label = { kind: 'option', from: cls.option.from, to: cls.option.to, value: cls.option.value }
      blocks.push(option)
      open = option
    }
  }
  refineBlocks(blocks, lines)
  return blocks
}

/** Trailing blank lines after the last block (all lines when there is none). */
export function trailingBlankCount(lines: string[], blocks: BlockRec[]): number {
  const end = blocks.length ? blocks[blocks.length - 1].last : -1
  return lines.length - 1 - end
}

const TEXT: LineClass = { kind: 'text', indent: 0 }

function newBlock(cls: LineClass, gap: number, i: number, length: number): BlockRec {
  const block: BlockRec = { type: 'paragraph', gap, first: i, last: i, from: 0, to: length, indent: cls.indent }
  switch (cls.kind) {
    case 'heading':
      block.type = 'heading'
      block.level = cls.heading!.level
      block.rank = cls.heading!.rank
      break
    case 'option':
      block.option = cls.option
      if (cls.option!.labelOnly) {
        block.type = 'heading'
        block.level = 'option'
        block.rank = null
      }
      break
    case 'footnote':
      block.type = 'footnote'
      block.aside = true
      break
    case 'provision':
      block.type = 'provision'
      break
    case 'item':
      block.type = 'list_item'
      break
    case 'row':
      block.type = 'row'
      break
    case 'table_break':
      block.type = 'table_break'
      break
    case 'page':
    case 'rule':
      block.aside = true
      break
  }
  if (cls.label && cls.kind !== 'text') block.label = cls.label
  if (cls.depth) block.depth = cls.depth
  return block
}

// Whether a text line goes on with the open block. Markdown: unless it is less
// indented (`   taking into account …` after an indented option ends it), but an
// unindented line carrying on an unfinished sentence is lazy continuation.
// Plain text: unless the block ended a sentence and this line starts a new one.
function continues(open: BlockRec, lines: string[], line: string, cls: LineClass, markdown: boolean): boolean {
  const previous = lines[open.last]
  if (open.type === 'footnote') return !resumesAfterFootnote(previous, line)
  if (markdown) return cls.indent >= open.indent || (cls.indent === 0 && !SENTENCE_END.test(lineEnd(previous)))
  return !(SENTENCE_END.test(lineEnd(previous)) && /^\s*[\p{Lu}[("“‘]/u.test(line))
}

// A footnote body that landed mid-text at a page break: when it ends a sentence
// and the next line starts in lower case, that line resumes the interrupted text.
function resumesAfterFootnote(last: string, line: string): boolean {
  return /[.;]\s*$/.test(lineEnd(last)) && /^\s*[a-z]/.test(line)
}

function wrapsOn(previous: string, line: string, cls: LineClass, open: BlockRec): boolean {
  return CONTINUABLE.has(open.type) && open.type !== 'footnote' && carriesSentenceOn(previous, line, cls)
}

/**
 * `… in accordance with` ⏎ `Article 2.]`: whether heading-like `line` (read as `cls`)
 * carries on a sentence that `previous`, the line of running text before it, left open.
 * Such a line is text, not a heading.
 */
export function carriesSentenceOn(previous: string, line: string, cls: LineClass): boolean {
  if (!/[\p{Ll},]\s*$/u.test(lineEnd(previous))) return false
  return (
    /[[\]]/.test(line) || /[.;,)]\s*$/.test(lineEnd(line)) || (cls.heading?.level === 'section' && line.length > 60)
  )
}

// `I.` starts a roman sequence when a `II.` heading follows before any `J.`.
function romanFollows(lines: string[], from: number): boolean {
  for (let j = from + 1; j < lines.length && j < from + 4000; j++) {
    const l = lines[j]
    if (l.startsWith('II. ')) return true
    if (l.startsWith('J. ')) return false
  }
  return false
}

const INSTRUCTION = /\b(?:shall|for the words|substituted)\b/i
const APPLICABILITY = /^\s*\((?:[^()]|\([^()]*\))*\b(?:apply|applies|applicable)\b(?:[^()]|\([^()]*\))*\)\s*$/i

// Decide, with the whole block in view, what a paragraph is: an applicability
// note, an amendment instruction, the text such an instruction inserts, or the
// title. A heading an instruction introduces (`Annex B` after "The following
// table shall replace …:") is inserted text, not a division of this text.
function refineBlocks(blocks: BlockRec[], lines: string[]): void {
  let afterInstruction = false
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]
    if (block.type === 'footnote' || block.aside) continue
    if (block.type === 'heading' && afterInstruction && block.level !== 'option') {
      block.rank = null
      afterInstruction = false
      continue
    }
    if (block.type === 'paragraph' && !block.option) {
      const text = joined(lines, block)
      if (b === 0 && isTitle(text, block, blocks[1])) {
        block.type = 'heading'
        block.level = 'title'
        block.rank = 0
      } else if (APPLICABILITY.test(text)) {
        block.type = 'applicability'
      } else if (
        /:\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\^\S+)?\s*$/.test(lineEnd(lines[block.last])) &&
        INSTRUCTION.test(lines[block.last])
      ) {
        block.type = 'instruction'
        afterInstruction = true
        continue
      } else if (afterInstruction) {
        block.type = 'provision'
      }
    }
    afterInstruction = false
  }
}

// A short first line standing alone, with no sentence end, brackets or drafting note.
function isTitle(text: string, block: BlockRec, next: BlockRec | undefined): boolean {
  return block.first === block.last && !!next && next.gap > 0 && text.length <= 160 && !/[.:;,]\s*$|[[\]{}]/.test(text)
}

function joined(lines: string[], block: BlockRec): string {
  if (block.first === block.last) return lines[block.first].slice(block.from, block.to)
  return lines.slice(block.first, block.last + 1).join('\n')
}
