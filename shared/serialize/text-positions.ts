/**
 * Where each character of a document's plain text sits in the document: for
 * every offset of `serializeText(doc)`, the ProseMirror position just before
 * and just after that character. A range of the text (a Word comment's words,
 * a tracked change) becomes a range of the document through it, and back.
 * Characters the text writes for structure — brackets, labels, line breaks
 * between blocks, tabs between cells — map to the boundaries of their nodes.
 *
 * The walk mirrors `serializeText`; a test holds the two to the same text.
 */
import type { Node } from 'prosemirror-model'

/** The map between a document's plain text and its positions. */
export interface TextPositions {
  /** The plain text (equal to `serializeText(doc)`). */
  text: string
  /** The document range covering text `[from, to)`; an empty range is the position before `from`. */
  range(from: number, to: number): { from: number; to: number }
  /** The text offset of document position `pos` (the first character at or after it). */
  offsetAt(pos: number): number
}

/** Build the map for `doc`. */
export function textPositions(doc: Node): TextPositions {
  const w = new Walker()
  w.document(doc)
  const text = w.parts.join('')
  const before = w.before.subarray(0, w.length)
  const after = w.after.subarray(0, w.length)
  const end = doc.content.size
  return {
    text,
    range(from, to) {
      from = clamp(from, 0, text.length)
      to = clamp(to, from, text.length)
      const start = from < text.length ? before[from] : end
      return { from: start, to: to > from ? after[to - 1] : start }
    },
    offsetAt(pos) {
      let lo = 0
      let hi = before.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (before[mid] < pos) lo = mid + 1
        else hi = mid
      }
      return lo
    },
  }
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n))
}

class Walker {
  readonly parts: string[] = []
  before = new Int32Array(1024)
  after = new Int32Array(1024)
  length = 0
  private first = true
  private pending = 0
  /** Position at the end of the last block written (where a line break "before" sits). */
  private lastEnd = 0
  private eol = '\n'

  private room(n: number): void {
    if (this.length + n <= this.before.length) return
    const size = Math.max(this.before.length * 2, this.length + n)
    const grow = (a: Int32Array) => {
      const b = new Int32Array(size)
      b.set(a.subarray(0, this.length))
      return b
    }
    this.before = grow(this.before)
    this.after = grow(this.after)
  }

  private emit(s: string, before: number, after: number): void {
    this.parts.push(s)
    this.room(s.length)
    this.before.fill(before, this.length, this.length + s.length)
    this.after.fill(after, this.length, this.length + s.length)
    this.length += s.length
  }

  // Each character of a text node at `pos` maps to its own position.
  private emitText(s: string, pos: number): void {
    this.parts.push(s)
    this.room(s.length)
    for (let i = 0, at = this.length; i < s.length; i++, at++) {
      this.before[at] = pos + i
      this.after[at] = pos + i + 1
    }
    this.length += s.length
  }

  document(doc: Node): void {
    this.eol = doc.attrs.eol
    if (doc.attrs.bom) this.emit('\uFEFF', 0, 0)
    this.lastEnd = 0
    doc.forEach((child, offset) => this.block(child, offset))
    for (let i = 0; i < doc.attrs.trail; i++) this.emit(this.eol, this.lastEnd, doc.content.size)
  }

  // A line starting at content position `start`: the breaks before it, then its content.
  private line(gapAttr: number, start: number, write: () => void): void {
    const gap = this.pending + gapAttr
    this.pending = 0
    if (!this.first) this.emit(this.eol, this.lastEnd, start)
    this.first = false
    for (let i = 0; i < gap; i++) this.emit(this.eol, this.lastEnd, start)
    write()
  }

  private block(node: Node, pos: number): void {
    switch (node.type.name) {
      case 'article':
      case 'section':
      case 'option':
        node.forEach((c, offset) => this.block(c, pos + 1 + offset))
        return
      case 'table':
        this.pending += node.attrs.gap
        node.forEach((c, offset) => this.block(c, pos + 1 + offset))
        return
      case 'table_row':
        this.line(node.attrs.gap, pos + 2, () => {
          node.forEach((cell, offset, i) => {
            const cellPos = pos + 1 + offset
            if (i > 0) this.emit('\t', this.lastEnd, cellPos + 1)
            this.inline(cell, cellPos + 1)
            this.lastEnd = cellPos + cell.nodeSize - 1
          })
          if (node.childCount === 0) this.lastEnd = pos + 1
        })
        return
      default:
        this.line(node.attrs.gap, pos + 1, () => {
          this.inline(node, pos + 1)
          this.lastEnd = pos + node.nodeSize - 1
        })
    }
  }

  private inline(parent: Node, start: number): void {
    parent.forEach((node, offset) => {
      const pos = start + offset
      switch (node.type.name) {
        case 'text':
          this.emitText(node.text!, pos)
          break
        case 'hard_break':
          this.emit(this.eol, pos, pos + 1)
          break
        case 'label':
        case 'blank':
        case 'footnote_ref':
          this.emit(node.attrs.text, pos, pos + 1)
          break
        case 'placeholder':
          this.emit(node.attrs.name, pos, pos + 1)
          break
        case 'bracket_start':
          this.emit('[', pos, pos + 1)
          break
        case 'bracket_end':
          this.emit(']', pos, pos + 1)
          break
        case 'editorial_note': {
          const curly = node.attrs.style === 'curly'
          this.emit(curly ? '{' : '[*', pos, pos + 1)
          this.inline(node, pos + 1)
          this.emit(curly ? '}' : '*]', pos + node.nodeSize - 1, pos + node.nodeSize)
          break
        }
        case 'bracket_group': {
          const square = node.attrs.style !== 'slash'
          node.forEach((child, childOffset) => {
            const at = pos + 1 + childOffset
            const bracketed = square && child.type.name === 'alternative'
            if (bracketed) this.emit('[', at, at + 1)
            this.inline(child, at + 1)
            if (bracketed) this.emit(']', at + child.nodeSize - 1, at + child.nodeSize)
          })
          break
        }
        default:
          this.inline(node, pos + 1)
      }
    })
  }
}
