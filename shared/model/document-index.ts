/**
 * What the model needs to know of the text, read once per text change: its
 * bracket groups (with alternatives), optional brackets, sections and their
 * options, applicability notes and placeholders — all by id.
 */
import type { Node } from 'prosemirror-model'

/** A bracket group or optional bracket. */
export interface GroupInfo {
  id: string
  alternatives: string[]
  /** The option and section the group stands in (null outside any). */
  option: string | null
  section: string | null
}

/** An option and what it depends on. */
export interface OptionInfo {
  id: string
  section: string | null
  /** Its number as written (`1`, `a`, `I`). */
  number: string
  /** From its applicability note: the section and option number it needs. */
  requires: { section: string; option: string } | null
}

/** The index of a document's negotiable nodes. */
export interface DocumentIndex {
  groups: Map<string, GroupInfo>
  options: Map<string, OptionInfo>
  /** Section (or article) id → its options' ids, in order. */
  sections: Map<string, string[]>
  placeholders: Map<string, { name: string; option: string | null }>
}

/** Index `doc`. */
export function indexDocument(doc: Node): DocumentIndex {
  const index: DocumentIndex = { groups: new Map(), options: new Map(), sections: new Map(), placeholders: new Map() }
  // Where the walk stands; an object so closures see assignments (TS narrows lets).
  const at: { section: string | null; option: string | null } = { section: null, option: null }
  const visit = (node: Node): void => {
    const name = node.type.name
    if (name === 'section') {
      at.section = node.attrs.id
      at.option = null
      index.sections.set(node.attrs.id, [])
    } else if (name === 'article') {
      // Options straight under an article (ARTICLE 2's) are one choice like a section's.
      at.section = node.attrs.id
      at.option = null
      index.sections.set(node.attrs.id, [])
    } else if (name === 'option') {
      at.option = node.attrs.id
      const info: OptionInfo = { id: node.attrs.id, section: at.section, number: optionNumber(node), requires: null }
      node.forEach((child) => {
        if (child.type.name === 'applicability' && child.attrs.section && child.attrs.option) {
          info.requires = { section: child.attrs.section, option: child.attrs.option }
        }
      })
      index.options.set(node.attrs.id, info)
      if (at.section) index.sections.get(at.section)!.push(node.attrs.id)
    } else if (name === 'bracket_group') {
      const alternatives: string[] = []
      node.forEach((c) => {
        if (c.type.name === 'alternative') alternatives.push(c.attrs.id)
      })
      index.groups.set(node.attrs.id, { id: node.attrs.id, alternatives, option: at.option, section: at.section })
    } else if (name === 'bracket_start') {
      const g: GroupInfo = index.groups.get(node.attrs.group) ?? {
        id: node.attrs.group,
        alternatives: [],
        option: at.option,
        section: at.section,
      }
      if (!g.alternatives.includes(node.attrs.alt)) g.alternatives.push(node.attrs.alt)
      index.groups.set(g.id, g)
    } else if (name === 'placeholder') {
      index.placeholders.set(node.attrs.id, { name: node.attrs.name, option: at.option })
    }
    node.forEach(visit)
    if (name === 'option') at.option = null
  }
  visit(doc)
  return index
}

function optionNumber(option: Node): string {
  let value = ''
  option.firstChild?.forEach((n) => {
    if (!value && n.type.name === 'label') value = n.attrs.value
  })
  return value
}
