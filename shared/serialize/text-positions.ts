/**
 * Where each character of a document's plain text sits in the document: for
 * every offset of `serializeText(doc)`, the ProseMirror position just before
 * and just after that character. A range of the text (a Word comment's words,
 * a tracked change) becomes a range of the document through it, and back.
 * Characters the text writes for structure — brackets, labels, line breaks
 * between blocks, tabs between cells — map to the boundaries of their nodes.
 *
 * It listens to the serializer's own walk (`writeText`), so the two cannot differ.
 */
import type { Node } from 'prosemirror-model'
import { writeText } from './plain.ts'

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
  const w = new Positions()
  writeText(doc, { text: (s, before, after, own) => w.write(s, before, after, own) })
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

class Positions {
  readonly parts: string[] = []
  before = new Int32Array(1024)
  after = new Int32Array(1024)
  length = 0

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

  // A text node's own characters map each to its own position; structure's to its node's boundaries.
  write(s: string, before: number, after: number, own: boolean): void {
    this.parts.push(s)
    this.room(s.length)
    if (own)
      for (let i = 0, at = this.length; i < s.length; i++, at++) {
        this.before[at] = before + i
        this.after[at] = before + i + 1
      }
    else {
      this.before.fill(before, this.length, this.length + s.length)
      this.after.fill(after, this.length, this.length + s.length)
    }
    this.length += s.length
  }
}
