/**
 * Inline content under construction. Where consolidation splices text out or
 * in (a deleted bracket, a chosen alternative), the words on either side meet:
 * a `join` there mends the spacing as a drafter would — one space between
 * words, none before punctuation or at the ends of the line — and nowhere else,
 * so the text's own spacing is never touched.
 */
import type { Mark, Node, Schema } from 'prosemirror-model'

type Piece = { text: string; marks: readonly Mark[] } | { node: Node } | { join: true; deletion: boolean }

/** Collects inline nodes and join points; `nodes()` gives the mended content. */
export class InlineRun {
  private pieces: Piece[] = []

  constructor(private readonly schema: Schema) {}

  /** Append a text with `marks`. */
  text(text: string, marks: readonly Mark[] = []): void {
    if (text) this.pieces.push({ text, marks })
  }

  /** Append an inline node other than text. */
  node(node: Node): void {
    if (node.isText) this.text(node.text!, node.marks)
    else this.pieces.push({ node })
  }

  /** Mark a splice point; `deletion` when text was taken out there (and nothing put in). */
  join(deletion = false): void {
    this.pieces.push({ join: true, deletion })
  }

  /** True when nothing but join points was appended. */
  get empty(): boolean {
    return this.pieces.every((p) => 'join' in p)
  }

  /** The content, spacing mended at every join, adjacent texts with the same marks merged. */
  nodes(): Node[] {
    const p = this.pieces
    for (let i = 0; i < p.length; i++) {
      const here = p[i]
      if (!('join' in here)) continue
      const before = neighbour(p, i, -1)
      const after = neighbour(p, i, 1)
      const beforeText = before && 'text' in before ? before : null
      const afterText = after && 'text' in after ? after : null
      if (beforeText && afterText) {
        if (/ $/.test(beforeText.text) && /^[ ,.;:)\]]/.test(afterText.text))
          beforeText.text = beforeText.text.replace(/ +$/, '')
        else if (/[ (]$/.test(beforeText.text) && afterText.text.startsWith(' '))
          afterText.text = afterText.text.replace(/^ +/, '')
      } else if (
        here.deletion &&
        beforeText &&
        (!after || ('node' in after && after.node.type.name === 'footnote_ref'))
      ) {
        beforeText.text = beforeText.text.replace(/ +$/, '')
      } else if (afterText && !before) afterText.text = afterText.text.replace(/^ +/, '')
    }
    const out: Node[] = []
    let pending: { text: string; marks: readonly Mark[] } | null = null
    const flush = () => {
      if (pending?.text) out.push(this.schema.text(pending.text, pending.marks))
      pending = null
    }
    for (const piece of p) {
      if ('join' in piece) continue
      if ('node' in piece) {
        flush()
        out.push(piece.node)
      } else if (pending && sameMarks(pending.marks, piece.marks)) pending.text += piece.text
      else {
        flush()
        pending = { text: piece.text, marks: piece.marks }
      }
    }
    flush()
    return out
  }
}

// The nearest piece in direction `dir` that is not a join or an emptied text.
function neighbour(p: Piece[], i: number, dir: 1 | -1): Exclude<Piece, { join: true; deletion: boolean }> | null {
  for (let j = i + dir; j >= 0 && j < p.length; j += dir) {
    const q = p[j]
    if ('join' in q || ('text' in q && !q.text)) continue
    return q
  }
  return null
}

function sameMarks(a: readonly Mark[], b: readonly Mark[]): boolean {
  return a.length === b.length && a.every((m, i) => m.eq(b[i]))
}
