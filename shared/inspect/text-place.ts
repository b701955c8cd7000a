/**
 * Where a position of the text stands, in the words negotiators use: the
 * section or article holding it and the option inside it ("in Option 2 of
 * section A"). Comments and pending changes are listed per section by it, and
 * the log says where a change was decided.
 */
import type { Node } from 'prosemirror-model'
import { divisionName, optionName, sectionTitle } from '../streamline/node-location.ts'

/** The division (section or article) and option holding a position. */
export interface TextPlace {
  /** The innermost section or article, null before the first one. */
  division: { id: string; kind: 'section' | 'article'; name: string; title: string } | null
  option: { id: string; name: string } | null
  /** "in Option 2 of section A", "in ARTICLE 1", "" before any division. */
  words: string
}

/** The place of document position `pos` in `doc`. */
export function placeOf(doc: Node, pos: number): TextPlace {
  const $pos = doc.resolve(Math.max(0, Math.min(pos, doc.content.size)))
  let division: TextPlace['division'] = null
  let option: TextPlace['option'] = null
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth)
    if (!option && node.type.name === 'option') option = { id: node.attrs.id, name: optionName(node) }
    if (node.type.name === 'section' || node.type.name === 'article') {
      division = { id: node.attrs.id, kind: node.type.name, name: divisionName(node), title: sectionTitle(node) }
      break
    }
  }
  const of = division ? (division.kind === 'section' ? `section ${division.name}` : division.name) : ''
  const words = option ? `in ${option.name}${of ? ` of ${of}` : ''}` : of ? `in ${of}` : ''
  return { division, option, words }
}

/** A division's heading as a list names it: "A. Annex B", "ARTICLE 1: AMENDMENT"; null before any division. */
export function divisionHeading(place: TextPlace): string | null {
  const d = place.division
  if (!d) return null
  const name = d.kind === 'section' && /^[A-Za-z0-9]+$/.test(d.name) ? `${d.name}.` : d.name
  return [name, d.title].filter(Boolean).join(' ')
}
