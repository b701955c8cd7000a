/**
 * Where a footnote marker's text is: table notes (`^a`, `*`) belong to their
 * table, numbered notes to the whole text. Built once per document version and
 * reused by every marker drawn for that version.
 */
import type { Node } from 'prosemirror-model'

let cachedDoc: Node | null = null
let cached: { text: Map<string, string>; tables: Map<string, Map<string, string>> } | null = null

function build(doc: Node) {
  const text = new Map<string, string>()
  const tables = new Map<string, Map<string, string>>()
  doc.descendants((node, _pos, parent) => {
    if (node.type.name !== 'footnote') return true
    const label = node.attrs.label
    if (parent?.type.name === 'table') {
      const notes = tables.get(parent.attrs.id) ?? new Map<string, string>()
      if (!notes.has(label)) notes.set(label, node.textContent)
      tables.set(parent.attrs.id, notes)
    } else if (!text.has(label)) {
      text.set(label, node.textContent)
    }
    return false
  })
  return { text, tables }
}

/** The note for marker `label` at `pos` in `doc` (inside a table, that table's note first). */
export function footnoteText(doc: Node, pos: number, label: string): string | null {
  if (doc !== cachedDoc) {
    cached = build(doc)
    cachedDoc = doc
  }
  const $pos = doc.resolve(Math.min(pos, doc.content.size))
  for (let d = $pos.depth; d > 0; d--) {
    const node = $pos.node(d)
    if (node.type.name === 'table') {
      const note = cached!.tables.get(node.attrs.id)?.get(label)
      if (note) return note
    }
  }
  return cached!.text.get(label) ?? null
}
