/**
 * What the model needs to know of the text, read once per text change: its
 * bracket groups (with alternatives), optional brackets, sections and their
 * options, runs of options, applicability notes and placeholders — all by id.
 */
import type { Node } from 'prosemirror-model'
import { runOf } from './option-runs.ts'

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
  /** Its run: the alternatives for one place in the text (see `option-runs.ts`). */
  run: string
  /** The option whose text holds its run (`Option A.1` in `Option A`), or null. */
  parent: string | null
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
  /** Run id → its options' ids, in order: choosing one drops the others of the run. */
  runs: Map<string, string[]>
  placeholders: Map<string, { name: string; option: string | null }>
}

/** Index `doc`. */
export function indexDocument(doc: Node): DocumentIndex {
  const index: DocumentIndex = {
    groups: new Map(),
    options: new Map(),
    sections: new Map(),
    runs: new Map(),
    placeholders: new Map(),
  }
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
    } else if (name === 'option' && node.attrs.continues) {
      // The rest of an option after a run nested in it: its words are that option's.
      at.option = node.attrs.continues
    } else if (name === 'option') {
      at.option = node.attrs.id
      const run = runOf(node.attrs.run, at.section)
      const info: OptionInfo = {
        id: node.attrs.id,
        section: at.section,
        run,
        parent: node.attrs.parent ?? null,
        number: optionNumber(node),
        requires: null,
      }
      node.forEach((child) => {
        if (child.type.name === 'applicability' && child.attrs.section && child.attrs.option) {
          info.requires = { section: child.attrs.section, option: child.attrs.option }
        }
      })
      index.options.set(node.attrs.id, info)
      if (at.section) index.sections.get(at.section)!.push(node.attrs.id)
      const members = index.runs.get(run)
      if (members) members.push(node.attrs.id)
      else index.runs.set(run, [node.attrs.id])
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
