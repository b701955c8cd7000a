/**
 * What the text calls a thing, for every place a negotiator reads: a bracket by its
 * words and the paragraph it stands in ("[2013 to 2020] in paragraph 7 bis"), an option
 * by its number and division ("Option 2 of section A"), a placeholder by its letter and
 * paragraph ("X in paragraph 1 bis"). Ids (`g39.2`, `o15`) are the model's keys and never
 * what a person is shown.
 */
import type { Node, ResolvedPos } from 'prosemirror-model'
import { groupWords, quoted, written } from '../streamline/bracket-words.ts'
import { divisionName, locate, optionName, sectionTitle } from '../streamline/node-location.ts'

/** What a name says of a node the text no longer holds. */
export const GONE = 'a passage no longer in the text'

/**
 * The name of node `id` in `doc`: a bracket group, an alternative, an optional
 * bracket, an option, a section or article, a placeholder, a footnote, or a table row
 * by its Party; `GONE` when the text has no such node.
 */
export function nameNode(doc: Node, id: string): string {
  const at = locate(doc, id)
  if (!at) return partyRow(doc, id) ?? GONE
  const { node, $pos } = at
  switch (node.type.name) {
    case 'bracket_group':
      return `${groupWords(node)} in ${placeAt(doc.resolve(at.pos + 1))}`
    case 'alternative':
      return `${quoted(written(node))} in ${placeAt(doc.resolve(at.pos + 1))}`
    case 'placeholder':
      return `${node.attrs.name} in ${placeAt(doc.resolve(at.pos))}`
    case 'option':
      return optionTitle(node, $pos)
    case 'section':
    case 'article':
      return divisionTitle(node)
    case 'footnote':
      return `footnote ${node.attrs.label}`
    default:
      return placeAt(doc.resolve(at.pos + 1))
  }
}

/**
 * Where position `$pos` stands, as the text would say it: `paragraph 7 bis`, `item (a) of
 * paragraph 2`, `the heading of section A`, `Australia’s row of the table in Option 1 of
 * section A`, `footnote 7`, or the division itself (`Option 2 of section A`).
 */
export function placeAt($pos: ResolvedPos): string {
  const block = textblockAt($pos)
  if (!block) return divisionAt($pos, $pos.depth)
  const { node, depth } = block
  switch (node.type.name) {
    case 'heading':
      return `the heading of ${divisionAt($pos, depth - 1)}`
    case 'footnote':
      return `footnote ${node.attrs.label}`
    case 'table_cell': {
      const row = $pos.node(depth - 1)
      const table = `the table in ${divisionAt($pos, depth - 3)}`
      if (row.attrs.party) return `${possessive(row.attrs.party)} row of ${table}`
      return row.attrs.header ? `the heading of ${table}` : table
    }
  }
  const label = blockLabel(node)
  if (label?.kind === 'provision') return `paragraph ${label.value}`
  if (label?.kind === 'item') {
    const paragraph = provisionBefore($pos.node(depth - 1), $pos.index(depth - 1))
    return `item (${label.value})${paragraph ? ` of paragraph ${paragraph}` : ''}`
  }
  return divisionAt($pos, depth - 1)
}

/** `Option 2 of section A`, `Option 1 of ARTICLE 2`, or `Option 3` outside any division. */
export function optionTitle(option: Node, $before: ResolvedPos): string {
  if ($before.depth === 0) return optionName(option)
  return `${optionName(option)} of ${divisionTitle($before.parent, false)}`
}

/** `section A (Annex B)`; `section A` without the title in short; an article by its label. */
export function divisionTitle(division: Node, withTitle = true): string {
  const name = divisionName(division)
  if (division.type.name !== 'section') return name.replace(/:$/, '')
  const title = sectionTitle(division)
  return withTitle && title ? `section ${name} (${title})` : `section ${name}`
}

/** `Australia’s`, `the Netherlands’`: a Party's name as a possessive. */
export function possessive(party: string): string {
  return /s$/.test(party) ? `${party}’` : `${party}’s`
}

/** The innermost line of text holding `$pos` (a block or a table cell, never an alternative), with its depth. */
function textblockAt($pos: ResolvedPos): { node: Node; depth: number } | null {
  for (let d = $pos.depth; d > 0; d--) {
    const node = $pos.node(d)
    if (node.isTextblock && (node.type.spec.group === 'block' || node.type.name === 'table_cell'))
      return { node, depth: d }
  }
  return null
}

/** The division (option, section, article) at or above `depth`, named; `the opening text` at the top. */
function divisionAt($pos: ResolvedPos, depth: number): string {
  for (let d = depth; d > 0; d--) {
    const node = $pos.node(d)
    if (node.type.name === 'option') return optionTitle(node, $pos.doc.resolve($pos.before(d)))
    if (node.type.name === 'section' || node.type.name === 'article') return divisionTitle(node, false)
  }
  return 'the opening text'
}

function blockLabel(block: Node): { kind: string; value: string } | null {
  const first = block.firstChild
  return first?.type.name === 'label' ? { kind: first.attrs.kind, value: String(first.attrs.value) } : null
}

/** The number of the last numbered paragraph before child `index` of `parent`. */
function provisionBefore(parent: Node, index: number): string | null {
  for (let i = index - 1; i >= 0; i--) {
    const label = blockLabel(parent.child(i))
    if (label?.kind === 'provision') return label.value
  }
  return null
}

/** A table row named by its Party (`jumpTo` accepts a Party), if the text has one. */
function partyRow(doc: Node, party: string): string | null {
  let name: string | null = null
  doc.descendants((node, pos) => {
    if (name !== null) return false
    if (node.type.name === 'table_row' && node.attrs.party === party) {
      name = placeAt(doc.resolve(pos + 2))
      return false
    }
    return node.isBlock
  })
  return name
}
