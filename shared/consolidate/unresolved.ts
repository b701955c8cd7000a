/**
 * What consolidation leaves open: every bracket, option, placeholder, blank,
 * editorial note and unmatched bracket still standing, with its id and where
 * it stands (the headings above it and the block it is in), so the
 * secretariat can say what remains to be agreed.
 */
import type { Node } from 'prosemirror-model'
import { inline } from '../serialize/plain.ts'

/** The kinds of what can stay open. */
export type UnresolvedKind =
  'alternatives' | 'optional' | 'option' | 'placeholder' | 'blank' | 'editorial-note' | 'unmatched-bracket'

/** One thing left open in a consolidated text. */
export interface UnresolvedItem {
  /** Node id (`g39`, `o13`, `p9`, `k1`, `n1`); for an unmatched bracket, the id of its block's division and the column. */
  id: string
  kind: UnresolvedKind
  /** The text as it stands, brackets included (`[2013 to 2017][2013 to 2020]`). */
  text: string
  /** Headings above it and its block: `ARTICLE 1: AMENDMENT › C. Article 3, paragraph 1 ter › 1 ter.`. */
  location: string
}

/** The plain text of an inline node or block's content, as the text writes it. */
export function plainText(node: Node): string {
  if (node.isInline && !node.isText) {
    const out: string[] = []
    inline(node.type.schema.nodes.paragraph.create(null, node), out)
    return out.join('')
  }
  if (node.isText) return node.text!
  const out: string[] = []
  inline(node, out)
  return out.join('')
}

/** A short name for a block, for locations: its label (`7 bis.`), a table row's Party, or its first words. */
export function blockName(block: Node, row?: Node): string {
  if (row) return `table row ${row.attrs.party ?? (plainText(row.firstChild!) || '(header)')}`
  let label = ''
  block.forEach((n) => {
    if (!label && n.type.name === 'label') label = n.attrs.text
  })
  if (label) return label.replace(/^- /, '')
  const words = plainText(block).trim().split(/\s+/).slice(0, 6).join(' ')
  return words.length > 50 ? words.slice(0, 50) + '…' : words
}

/** A division's heading as plain text, for locations (`D. Article 3, paragraph 7 bis`). */
export function divisionName(division: Node): string {
  const first = division.firstChild
  if (first?.type.name === 'heading') return plainText(first).trim()
  return division.attrs.id
}
