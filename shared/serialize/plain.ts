/**
 * The plain-text serializer: Accord document → the text it was imported from.
 * Nothing is reflowed, reordered or fixed; each block's `gap` gives back its
 * blank lines. The one normalisation: a line of spaces only comes back empty.
 */
import type { Node } from 'prosemirror-model'

/** Serialize a document to plain text. */
export function serializeText(doc: Node): string {
  const eol: string = doc.attrs.eol
  const out: string[] = doc.attrs.bom ? ['\uFEFF'] : []
  let first = true
  let pending = 0
  const line = (node: Node, write: () => void) => {
    const gap = pending + node.attrs.gap
    pending = 0
    if (!first) out.push(eol)
    first = false
    for (let i = 0; i < gap; i++) out.push(eol)
    write()
  }
  const block = (node: Node): void => {
    switch (node.type.name) {
      case 'article':
      case 'section':
      case 'option':
        node.forEach(block)
        return
      case 'table':
        pending += node.attrs.gap
        node.forEach(block)
        return
      case 'table_row':
        line(node, () => {
          node.forEach((cell, _, i) => {
            if (i > 0) out.push('\t')
            inline(cell, out, eol)
          })
        })
        return
      default:
        line(node, () => inline(node, out, eol))
    }
  }
  doc.forEach(block)
  for (let i = 0; i < doc.attrs.trail; i++) out.push(eol)
  return out.join('')
}

/** Append the plain text of `parent`'s inline content to `out`. */
export function inline(parent: Node, out: string[], eol = '\n'): void {
  parent.forEach((node) => {
    switch (node.type.name) {
      case 'text':
        out.push(node.text!)
        break
      case 'hard_break':
        out.push(eol)
        break
      case 'label':
      case 'blank':
      case 'footnote_ref':
        out.push(node.attrs.text)
        break
      case 'placeholder':
        out.push(node.attrs.name)
        break
      case 'bracket_start':
        out.push('[')
        break
      case 'bracket_end':
        out.push(']')
        break
      case 'editorial_note':
        out.push(node.attrs.style === 'curly' ? '{' : '[*')
        inline(node, out, eol)
        out.push(node.attrs.style === 'curly' ? '}' : '*]')
        break
      case 'bracket_group': {
        const square = node.attrs.style !== 'slash'
        node.forEach((child) => {
          const bracketed = square && child.type.name === 'alternative'
          if (bracketed) out.push('[')
          inline(child, out, eol)
          if (bracketed) out.push(']')
        })
        break
      }
      default:
        inline(node, out, eol)
    }
  })
}
