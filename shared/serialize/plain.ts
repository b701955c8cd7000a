/**
 * The plain-text serializer: Accord document → the text it was imported from.
 * Nothing is reflowed, reordered or fixed; each block's `gap` gives back its
 * blank lines (-1: the block goes on on the line of the block before). The one
 * normalisation: a line of spaces only comes back empty. `writeText` walks the
 * same way for whoever needs to know where each node's characters stand.
 */
import type { Node } from 'prosemirror-model'

/** Receives the text in order, and each node as its characters begin and end. */
export interface TextWriter {
  text(s: string): void
  enter?(node: Node): void
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
  const eol: string = doc.attrs.eol
  if (doc.attrs.bom) w.text('\uFEFF')
  let first = true
  let pending = 0
  // Divisions and tables begin where their first line's characters do, after the line breaks before it.
  const entering: Node[] = []
  const enter = (node: Node) => (w.enter ? entering.push(node) : 0)
  const leave = (node: Node) => {
    const k = entering.indexOf(node)
    if (k >= 0)
      entering.splice(k, 1) // empty: it has no characters
    else w.leave?.(node)
  }
  const line = (node: Node, write: () => void) => {
    const gap = pending + node.attrs.gap
    pending = 0
    if (!first && gap >= 0) w.text(eol)
    first = false
    for (let i = 0; i < gap; i++) w.text(eol)
    for (const n of entering) w.enter!(n)
    entering.length = 0
    w.enter?.(node)
    write()
    w.leave?.(node)
  }
  const block = (node: Node): void => {
    switch (node.type.name) {
      case 'article':
      case 'section':
      case 'option':
        enter(node)
        node.forEach(block)
        leave(node)
        return
      case 'table':
        pending += node.attrs.gap
        enter(node)
        node.forEach(block)
        leave(node)
        return
      case 'table_row':
        line(node, () => {
          node.forEach((cell, _, i) => {
            if (i > 0) w.text('\t')
            w.enter?.(cell)
            writeInline(cell, w, eol)
            w.leave?.(cell)
          })
        })
        return
      default:
        line(node, () => writeInline(node, w, eol))
    }
  }
  doc.forEach(block)
  for (let i = 0; i < doc.attrs.trail; i++) w.text(eol)
}

/** Append the plain text of `parent`'s inline content to `out`. */
export function inline(parent: Node, out: string[], eol = '\n'): void {
  writeInline(parent, { text: (s) => out.push(s) }, eol)
}

function writeInline(parent: Node, w: TextWriter, eol: string): void {
  parent.forEach((node) => {
    w.enter?.(node)
    switch (node.type.name) {
      case 'text':
        w.text(node.text!)
        break
      case 'hard_break':
        w.text(eol)
        break
      case 'label':
      case 'blank':
      case 'footnote_ref':
        w.text(node.attrs.text)
        break
      case 'placeholder':
        w.text(node.attrs.name)
        break
      case 'bracket_start':
        w.text('[')
        break
      case 'bracket_end':
        w.text(']')
        break
      case 'editorial_note':
        w.text(node.attrs.style === 'curly' ? '{' : '[*')
        writeInline(node, w, eol)
        w.text(node.attrs.style === 'curly' ? '}' : '*]')
        break
      case 'bracket_group': {
        const square = node.attrs.style !== 'slash'
        node.forEach((child) => {
          const bracketed = square && child.type.name === 'alternative'
          w.enter?.(child)
          if (bracketed) w.text('[')
          writeInline(child, w, eol)
          if (bracketed) w.text(']')
          w.leave?.(child)
        })
        break
      }
      default:
        writeInline(node, w, eol)
    }
    w.leave?.(node)
  })
}
