/**
 * The bracket groups and options of a text by id, with their words and where
 * they stand: what a finding needs to say "[2013 to 2020] chosen in D. Article
 * 3, paragraph 7 bis" rather than "g39.2".
 */
import type { Node } from 'prosemirror-model'
import { divisionName, plainText } from '../consolidate/unresolved.ts'
import { optionName } from '../streamline/node-location.ts'

/** A bracket group or optional bracket as written. */
export interface GroupText {
  id: string
  /** The group as the text writes it (`[2013 to 2017][2013 to 2020]`); empty for brackets spanning lines. */
  text: string
  /** Each alternative's words, by alternative id. */
  alternatives: Map<string, string>
  /** The option it stands in, if any. */
  option: string | null
  location: string
}

/** An option as written. */
export interface OptionText {
  id: string
  /** `Option 3`. */
  name: string
  /** The section or article holding it. */
  division: string | null
  /** All its words, lines joined by spaces. */
  text: string
  location: string
}

/** The negotiable nodes of a text. */
export interface NegotiableNodes {
  groups: Map<string, GroupText>
  options: Map<string, OptionText>
}

/** Reads the groups and options of `doc`. */
export function negotiableNodes(doc: Node): NegotiableNodes {
  const out: NegotiableNodes = { groups: new Map(), options: new Map() }
  const walk = (node: Node, names: string[], division: string | null, option: string | null): void => {
    node.forEach((child) => {
      const type = child.type.name
      if (type === 'article' || type === 'section') {
        walk(child, [...names, divisionName(child)], child.attrs.id, null)
      } else if (type === 'option') {
        const name = optionName(child)
        const lines: string[] = []
        child.descendants((n) => {
          if (n.isTextblock) lines.push(plainText(n))
          return !n.isTextblock
        })
        out.options.set(child.attrs.id, {
          id: child.attrs.id,
          name,
          division,
          text: lines.join(' '),
          location: names.join(' › '),
        })
        walk(child, [...names, name], division, child.attrs.id)
      } else if (type === 'bracket_group') {
        const alternatives = new Map<string, string>()
        child.forEach((alt) => {
          if (alt.type.name === 'alternative') alternatives.set(alt.attrs.id, plainText(alt))
        })
        out.groups.set(child.attrs.id, {
          id: child.attrs.id,
          text: plainText(child),
          alternatives,
          option,
          location: names.join(' › '),
        })
        walk(child, names, division, option)
      } else if (type === 'bracket_start') {
        const group = out.groups.get(child.attrs.group) ?? {
          id: child.attrs.group,
          text: '',
          alternatives: new Map(),
          option,
          location: names.join(' › '),
        }
        if (!group.alternatives.has(child.attrs.alt)) group.alternatives.set(child.attrs.alt, '')
        out.groups.set(group.id, group)
      } else if (!child.isLeaf) {
        walk(child, names, division, option)
      }
    })
  }
  walk(doc, [], null, null)
  return out
}
