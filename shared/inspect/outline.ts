/**
 * A compact, indented outline of a document's nodes: one line per block, inline
 * structure in brackets. For reading an import at a glance (`accord outline`)
 * and for tests that state a structure in a few lines.
 */
import type { Node } from 'prosemirror-model'

/** The outline of `node`, one line per block. */
export function outline(node: Node): string {
  const out: string[] = []
  const walk = (n: Node, indent: string) => {
    if (n.isTextblock) {
      out.push(`${indent}${describe(n)}: ${inlineOutline(n)}`)
      return
    }
    out.push(`${indent}${describe(n)}`)
    n.forEach((c) => walk(c, indent + '  '))
  }
  node.forEach((c) => walk(c, ''))
  return out.join('\n')
}

function describe(n: Node): string {
  const attrs = Object.entries(n.attrs)
    .filter(([k, v]) => v !== null && v !== '' && k !== 'gap' && !(k === 'header' && v === false))
    .map(([k, v]) => `${k}=${v}`)
  return attrs.length ? `${n.type.name}(${attrs.join(' ')})` : n.type.name
}

/** The inline content of `n` with structure marked: `{g1: [a|b]}`, `<X>`, `^1`. */
export function inlineOutline(n: Node): string {
  let s = ''
  n.forEach((c) => {
    switch (c.type.name) {
      case 'text':
        s += c.marks.length ? `!${c.text}!` : c.text
        break
      case 'hard_break':
        s += '⏎'
        break
      case 'label':
        s += `«${c.attrs.text}»`
        break
      case 'placeholder':
        s += `<${c.attrs.name}>`
        break
      case 'footnote_ref':
        s += `^${c.attrs.label}`
        break
      case 'blank':
        s += '[…]'
        break
      case 'editorial_note':
        s += `{*${c.textContent}*}`
        break
      case 'bracket_start':
        s += `⟦${c.attrs.alt}`
        break
      case 'bracket_end':
        s += `${c.attrs.alt}⟧`
        break
      case 'bracket_group': {
        const parts: string[] = []
        c.forEach((a) => parts.push(a.type.name === 'separator' ? `~${inlineOutline(a)}~` : inlineOutline(a)))
        s += `{${c.attrs.style === 'slash' ? '/' : ''}${c.attrs.guess ? '?' : ''}${parts.join('|')}}`
        break
      }
      default:
        s += inlineOutline(c)
    }
  })
  return s
}
