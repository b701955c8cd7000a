/**
 * Groups classified lines into blocks: a heading, a paragraph of hard-wrapped
 * lines, a footnote body, a table row. Blank lines become each block's `gap`.
 */
import { classifyLine, type LabelSpan, type LineKind } from './classify.ts'

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
  /** For headings: title, article, section, option, annex or caption. */
  level?: string
  /** Blank lines before the block. */
  gap: number
  /** First and last line index (0-based, inclusive). */
  first: number
  last: number
  label?: LabelSpan
}

const HEADING_LEVEL: Partial<Record<LineKind, string>> = {
  article: 'article',
  section: 'section',
  option: 'option',
  annex: 'annex',
}
const STARTS: Partial<Record<LineKind, BlockType>> = {
  footnote: 'footnote',
  provision: 'provision',
  item: 'list_item',
  row: 'row',
  table_break: 'table_break',
}
// Blocks that a following non-blank text line continues (hard-wrapped text).
const CONTINUABLE = new Set<BlockType>(['paragraph', 'provision', 'list_item', 'footnote'])

/** Group `lines` into blocks. */
export function groupBlocks(lines: string[]): BlockRec[] {
  const blocks: BlockRec[] = []
  let gap = 0
  let open: BlockRec | undefined
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const cls = classifyLine(line)
    if (cls.kind === 'blank') {
      gap++
      open = undefined
      continue
    }
    if (cls.kind === 'text' && open && CONTINUABLE.has(open.type) && !resumesAfterFootnote(open, lines, line)) {
      open.last = i
      continue
    }
    const level = HEADING_LEVEL[cls.kind]
    const type: BlockType = level ? 'heading' : (STARTS[cls.kind] ?? 'paragraph')
    const block: BlockRec = { type, gap, first: i, last: i, label: cls.label }
    if (level) block.level = level
    blocks.push(block)
    open = block
    gap = 0
  }
  refineParagraphs(blocks, lines)
  return blocks
}

/** Trailing blank lines after the last block (all lines when there is none). */
export function trailingBlankCount(lines: string[], blocks: BlockRec[]): number {
  const end = blocks.length ? blocks[blocks.length - 1].last : -1
  return lines.length - 1 - end
}

// A footnote body that landed mid-text at a page break: when it ends a sentence
// and the next line starts in lower case, that line resumes the interrupted text.
function resumesAfterFootnote(open: BlockRec, lines: string[], line: string): boolean {
  return open.type === 'footnote' && /[.;]\s*$/.test(lines[open.last]) && /^\s*[a-z]/.test(line)
}

const INSTRUCTION = /\b(?:shall|for the words|substituted)\b/i
const APPLICABILITY = /^\s*\((?:[^()]|\([^()]*\))*\b(?:apply|applies|applicable)\b(?:[^()]|\([^()]*\))*\)\s*$/i

// Decide, with the whole block in view, what a paragraph is: an applicability
// note, an amendment instruction, the text such an instruction inserts, or the title.
function refineParagraphs(blocks: BlockRec[], lines: string[]): void {
  let afterInstruction = false
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]
    if (block.type === 'footnote') continue
    if (block.type === 'paragraph') {
      const text = joined(lines, block)
      if (b === 0 && isTitle(text, block, blocks[1])) {
        block.type = 'heading'
        block.level = 'title'
      } else if (APPLICABILITY.test(text)) {
        block.type = 'applicability'
      } else if (/:\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\^\S+)?\s*$/.test(lines[block.last]) && INSTRUCTION.test(text)) {
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
  return block.first === block.last ? lines[block.first] : lines.slice(block.first, block.last + 1).join('\n')
}
