/**
 * Numbered lines, the way parliaments' amendment tools number a bill, so a delegate can
 * say "line 14" and everyone finds it — in the projection, in any editor with line
 * numbers on, and in the PDF. A line is not what one screen happens to wrap: it is a
 * fixed measure of characters (as the text writes them, brackets and labels included),
 * broken between words, so the numbering is the same at every width. A table row is one
 * line; blank lines between blocks are not numbered.
 */
import type { Node } from 'prosemirror-model'

/** Characters in a line: a typed page's measure, which fits a projected screen in large type and A4. */
export const LINE_MEASURE = 72

/** A numbered line: where it starts in the document and its number (from 1). */
export interface NumberedLine {
  number: number
  /** Position of the line's first character (a widget here draws before it). */
  pos: number
  /** Position before the block (paragraph, heading, table row) the line belongs to. */
  blockPos: number
  /** True for the first line of its block. */
  first: boolean
}

/** One unit of width: a character as written, at the position a line may start before it. */
interface Unit {
  pos: number
  space: boolean
}

const cache = new WeakMap<Node, number[]>()

/**
 * Where each line of textblock `block` starts, as offsets into its content (the first is 0);
 * empty for an empty block. Cached per node: an edit elsewhere reuses the breaks.
 */
export function lineStarts(block: Node, measure = LINE_MEASURE): number[] {
  if (measure === LINE_MEASURE) {
    const known = cache.get(block)
    if (known) return known
  }
  const units: Unit[] = []
  collect(block, 0, units)
  const starts: number[] = units.length ? [0] : []
  let width = 0
  let i = 0
  while (i < units.length) {
    // The next word and the spaces before it.
    let j = i
    while (j < units.length && units[j]!.space) j++
    let k = j
    while (k < units.length && !units[k]!.space) k++
    const spaces = j - i
    const word = k - j
    if (width > 0 && width + spaces + word > measure && word > 0) {
      starts.push(units[j]!.pos)
      width = word
    } else width += spaces + word
    i = k
  }
  if (measure === LINE_MEASURE) cache.set(block, starts)
  return starts
}

/** Every numbered line of `doc`, in order. */
export function numberLines(doc: Node, measure = LINE_MEASURE): NumberedLine[] {
  const lines: NumberedLine[] = []
  const add = (blockPos: number, contentStart: number, starts: number[]) =>
    starts.forEach((offset, i) =>
      lines.push({ number: lines.length + 1, pos: contentStart + offset, blockPos, first: i === 0 }),
    )
  doc.descendants((node, pos) => {
    if (node.type.name === 'table_row') {
      // A row is one line, numbered at its first cell.
      if (node.textContent.trim()) add(pos, pos + 2, [0])
      return false
    }
    if (node.isTextblock) {
      add(pos, pos + 1, lineStarts(node, measure))
      return false
    }
    return true
  })
  return lines
}

/** The line (by number) that holds position `pos`, or null before the first line. */
export function lineAt(lines: readonly NumberedLine[], pos: number): NumberedLine | null {
  let lo = 0
  let hi = lines.length - 1
  let found: NumberedLine | null = null
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (lines[mid]!.pos <= pos) {
      found = lines[mid]!
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/** The characters of `parent`'s inline content as written, each at the position before it. */
function collect(parent: Node, base: number, out: Unit[]): void {
  parent.forEach((node, offset) => {
    const pos = base + offset
    const name = node.type.name
    if (node.isText) {
      const text = node.text!
      for (let i = 0; i < text.length; i++) out.push({ pos: pos + i, space: /\s/.test(text[i]!) })
      return
    }
    if (name === 'bracket_group' || name === 'editorial_note') {
      const [open, close] = name === 'editorial_note' ? noteMarks(node) : ['', '']
      chars(open, pos, out)
      if (name === 'bracket_group') {
        node.forEach((child, childOffset) => {
          const at = pos + 1 + childOffset
          // An alternative is written between its own brackets: `[2013 to 2017][2013 to 2020]`.
          if (child.type.name === 'alternative' && node.attrs.style !== 'slash') {
            chars('[', at, out)
            collect(child, at + 1, out)
            chars(']', at + child.nodeSize - 1, out)
          } else collect(child, at + 1, out)
        })
      } else collect(node, pos + 1, out)
      chars(close, pos + node.nodeSize - 1, out)
      return
    }
    if (name === 'hard_break') return out.push({ pos, space: true })
    // An atom is one piece: a line never breaks inside a label such as `7 bis.`.
    chars(leafText(node), pos, out, false)
  })
}

function chars(text: string, pos: number, out: Unit[], breakable = true): void {
  for (const ch of text) out.push({ pos, space: breakable && /\s/.test(ch) })
}

function noteMarks(note: Node): [string, string] {
  return note.attrs.style === 'curly' ? ['{', '}'] : ['[*', '*]']
}

/** What an atom writes: a label's text, a placeholder's letter, a footnote marker, a spanning bracket. */
function leafText(node: Node): string {
  switch (node.type.name) {
    case 'placeholder':
      return node.attrs.name
    case 'bracket_start':
      return '['
    case 'bracket_end':
      return ']'
    default:
      return String(node.attrs.text ?? node.textContent ?? '')
  }
}

/**
 * The numbered block holding position `pos` — a paragraph, heading or other line of text,
 * or a whole table row — with the position before it; null outside any.
 */
export function blockAt(doc: Node, pos: number): { node: Node; pos: number } | null {
  const $pos = doc.resolve(Math.max(0, Math.min(pos, doc.content.size)))
  for (let d = 1; d <= $pos.depth; d++) {
    const node = $pos.node(d)
    if (node.type.name === 'table_row' || (node.isTextblock && node.type.spec.group === 'block'))
      return { node, pos: $pos.before(d) }
  }
  return null
}
