/**
 * Cross-references to options in the text: applicability notes ("would only
 * apply if option 3 for Annex B above is selected") and footnotes ("See option
 * 4 in section A above."). When options are renumbered these must follow the
 * option they name, not its old number.
 */
import type { Node } from 'prosemirror-model'
import { sectionTitle } from './node-location.ts'

/** One reference to an option of a section, with where its number is written. */
export interface OptionReference {
  kind: 'applicability' | 'footnote'
  /** The applicability note or footnote block, and the position before it. */
  block: Node
  blockPos: number
  /** The option holding the block (for the log), or null. */
  holder: string | null
  /** The section referred to. */
  section: string
  /** The option number, without parentheses (`3`, `b`). */
  number: string
  /** The number as written in the text (`3`, `(b)`), and its range; null when the text does not say it. */
  written: { text: string; from: number; to: number } | null
}

const REFERENCE = /\boption\s+(\S+?)\s+(?:for|in|of|under)\s+(.+?)\s+(?:above|below)\b/gi

/** An option number without the parentheses it may be written with (`(b)` → `b`). */
export function bareNumber(written: string): string {
  return written.replace(/^\((.*)\)$/, '$1')
}

/** Every reference to an option of a section in `doc`, in document order. */
export function findOptionReferences(doc: Node): OptionReference[] {
  const sections: { id: string; letter: string; title: string }[] = []
  doc.descendants((node) => {
    if (node.type.name === 'section') {
      let letter = ''
      node.firstChild?.forEach((c) => {
        if (!letter && c.type.name === 'label') letter = c.attrs.value
      })
      sections.push({ id: node.attrs.id, letter, title: sectionTitle(node).toLowerCase() })
    }
    return node.type.name !== 'paragraph'
  })
  const resolve = (target: string): string | null => {
    const letter = /^section\s+([A-Z])$/i.exec(target.trim())?.[1]
    const t = target.replace(/\s+/g, ' ').trim().toLowerCase()
    const hit = letter ? sections.find((s) => s.letter === letter) : sections.find((s) => s.title === t)
    return hit?.id ?? null
  }
  const out: OptionReference[] = []
  doc.descendants((node, pos) => {
    const kind = node.type.name
    if (kind !== 'applicability' && kind !== 'footnote') return !node.isTextblock
    // A note whose target is cleared names nothing (its option was dropped): its words stay as written.
    if (kind === 'applicability' && !node.attrs.section) return false
    const holder = holderOf(doc, pos)
    let found = false
    node.forEach((child, offset) => {
      if (found || !child.isText) return
      for (const m of child.text!.matchAll(REFERENCE)) {
        const section = kind === 'applicability' ? node.attrs.section : resolve(m[2])
        if (!section) continue
        const from = pos + 1 + offset + m.index! + m[0].indexOf(m[1], 6)
        out.push({
          kind,
          block: node,
          blockPos: pos,
          holder,
          section,
          number: bareNumber(m[1]),
          written: { text: m[1], from, to: from + m[1].length },
        })
        found = kind === 'applicability'
        if (found) break
      }
    })
    if (kind === 'applicability' && !found) {
      out.push({
        kind,
        block: node,
        blockPos: pos,
        holder,
        section: node.attrs.section,
        number: bareNumber(String(node.attrs.option ?? '')),
        written: null,
      })
    }
    return false
  })
  return out
}

function holderOf(doc: Node, pos: number): string | null {
  const $pos = doc.resolve(pos)
  for (let d = $pos.depth; d > 0; d--) if ($pos.node(d).type.name === 'option') return $pos.node(d).attrs.id
  return null
}
