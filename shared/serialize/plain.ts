/**
 * The plain-text serializer: Accord document → the text it was imported from.
 * Nothing is reflowed, reordered or fixed; each block's `gap` gives back its
 * blank lines (-1: the block goes on on the line of the block before). The one
 * normalisation: a line of spaces only comes back empty. `writeText` is the one
 * walk that writes the text: whoever needs to know where each node's characters
 * stand (source maps, text positions, the removal check) listens to it.
 */
import type { Node } from 'prosemirror-model'

/** Receives the text in order, where each piece stands in the document, and each node as its characters begin and end. */
export interface TextWriter {
  /**
   * `s`, standing between document positions `before` and `after`. A text node's own
   * characters (`own`) stand each at its place: character i between `before + i` and
   * `before + i + 1`. Characters the text writes for structure — brackets, labels,
   * line breaks between blocks, tabs between cells — stand whole at their node's
   * boundaries.
   */
  text(s: string, before: number, after: number, own: boolean): void
  /** Node `node`, at document position `pos`, begins its characters. */
  enter?(node: Node, pos: number): void
  /** Node `node` ends its characters. */
  leave?(node: Node): void
}

/** Serialize a document to plain text. */
export function serializeText(doc: Node): string {
  const out: string[] = []
  writeText(doc, { text: (s) => out.push(s) })
  return out.join('')
}

/** Write `doc`'s text to `w`, telling it where each node starts and ends. */
export function writeText(doc: Node, w: TextWriter): void {
  new Walk(doc, w).document()
}

/** Append the plain text of `parent`'s inline content to `out`. */
export function inline(parent: Node, out: string[], eol = '\n'): void {
  new Walk(parent, { text: (s) => out.push(s) }, eol).inline(parent, 0)
}

class Walk {
  private first = true
  private pending = 0
  /** Where the last block's content ended: a line break "before" the next block stands there. */
  private lastEnd = 0
  /** Divisions and tables begin where their first line's characters do, after the line breaks before it. */
  private readonly entering: { node: Node; pos: number }[] = []

  constructor(
    private readonly doc: Node,
    private readonly w: TextWriter,
    private readonly eol: string = doc.attrs.eol,
  ) {}

  document(): void {
    const { doc, w } = this
    if (doc.attrs.bom) w.text('\uFEFF', 0, 0, false)
    doc.forEach((child, offset) => this.block(child, offset))
    for (let i = 0; i < doc.attrs.trail; i++) w.text(this.eol, this.lastEnd, doc.content.size, false)
  }

  private enter(node: Node, pos: number): void {
    if (this.w.enter) this.entering.push({ node, pos })
  }

  private leave(node: Node): void {
    const k = this.entering.findIndex((e) => e.node === node)
    if (k >= 0)
      this.entering.splice(k, 1) // empty: it has no characters
    else this.w.leave?.(node)
  }

  // A line of `node` (at `pos`), whose content starts at `start`: the breaks before it, then its content.
  private line(node: Node, pos: number, start: number, write: () => void): void {
    const { w } = this
    const gap = this.pending + node.attrs.gap
    this.pending = 0
    if (!this.first && gap >= 0) w.text(this.eol, this.lastEnd, start, false)
    this.first = false
    for (let i = 0; i < gap; i++) w.text(this.eol, this.lastEnd, start, false)
    for (const e of this.entering) w.enter!(e.node, e.pos)
    this.entering.length = 0
    w.enter?.(node, pos)
    write()
    w.leave?.(node)
  }

  private block(node: Node, pos: number): void {
    const { w } = this
    switch (node.type.name) {
      case 'article':
      case 'section':
      case 'option':
        this.enter(node, pos)
        node.forEach((c, offset) => this.block(c, pos + 1 + offset))
        this.leave(node)
        return
      case 'table':
        this.pending += node.attrs.gap
        this.enter(node, pos)
        node.forEach((c, offset) => this.block(c, pos + 1 + offset))
        this.leave(node)
        return
      case 'table_row':
        this.line(node, pos, pos + 2, () => {
          node.forEach((cell, offset, i) => {
            const cellPos = pos + 1 + offset
            if (i > 0) w.text('\t', this.lastEnd, cellPos + 1, false)
            w.enter?.(cell, cellPos)
            this.inline(cell, cellPos + 1)
            w.leave?.(cell)
            this.lastEnd = cellPos + cell.nodeSize - 1
          })
          if (node.childCount === 0) this.lastEnd = pos + 1
        })
        return
      default:
        this.line(node, pos, pos + 1, () => {
          this.inline(node, pos + 1)
          this.lastEnd = pos + node.nodeSize - 1
        })
    }
  }

  /** The inline content of `parent`, whose content starts at position `start`. */
  inline(parent: Node, start: number): void {
    const { w } = this
    parent.forEach((node, offset) => {
      const pos = start + offset
      const end = pos + node.nodeSize
      w.enter?.(node, pos)
      switch (node.type.name) {
        case 'text':
          w.text(node.text!, pos, end, true)
          break
        case 'hard_break':
          w.text(this.eol, pos, end, false)
          break
        case 'label':
        case 'blank':
        case 'footnote_ref':
          w.text(node.attrs.text, pos, end, false)
          break
        case 'placeholder':
          w.text(node.attrs.name, pos, end, false)
          break
        case 'bracket_start':
          w.text('[', pos, end, false)
          break
        case 'bracket_end':
          w.text(']', pos, end, false)
          break
        case 'editorial_note': {
          const curly = node.attrs.style === 'curly'
          w.text(curly ? '{' : '[*', pos, pos + 1, false)
          this.inline(node, pos + 1)
          w.text(curly ? '}' : '*]', end - 1, end, false)
          break
        }
        case 'bracket_group': {
          const square = node.attrs.style !== 'slash'
          node.forEach((child, childOffset) => {
            const at = pos + 1 + childOffset
            const bracketed = square && child.type.name === 'alternative'
            w.enter?.(child, at)
            if (bracketed) w.text('[', at, at + 1, false)
            this.inline(child, at + 1)
            if (bracketed) w.text(']', at + child.nodeSize - 1, at + child.nodeSize, false)
            w.leave?.(child)
          })
          break
        }
        default:
          this.inline(node, pos + 1)
      }
      w.leave?.(node)
    })
  }
}
