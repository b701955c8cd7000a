/**
 * Where a node stands: found by its id, with its position, its parent and the
 * division (section, article) it sits in. Streamlining steps name nodes by id,
 * the ids the model's bindings and resolutions use.
 */
import type { Node, ResolvedPos } from 'prosemirror-model'

/** A node found by id. */
export interface NodeLocation {
  node: Node
  /** Position before the node. */
  pos: number
  /** The resolved position before the node: `$pos.parent` is its parent. */
  $pos: ResolvedPos
}

/** The first node with `attrs.id === id`, or null. */
export function locate(doc: Node, id: string): NodeLocation | null {
  if (!id) return null
  let found: number | null = null
  doc.descendants((node, pos) => {
    if (found !== null) return false
    if (node.attrs.id === id && node.type.name !== 'text') {
      found = pos
      return false
    }
    return true
  })
  if (found === null) return null
  const $pos = doc.resolve(found)
  return { node: $pos.nodeAfter!, pos: found, $pos }
}

/** An option's label atom (`Option 2`) with its position, or null when its heading has none. */
export function optionLabel(option: Node, optionPos: number): { node: Node; pos: number } | null {
  const heading = option.firstChild
  if (!heading || heading.type.name !== 'heading') return null
  let out: { node: Node; pos: number } | null = null
  heading.forEach((child, offset) => {
    if (!out && child.type.name === 'label' && child.attrs.kind === 'option')
      out = { node: child, pos: optionPos + 2 + offset }
  })
  return out
}

/** An option's number as written (`1`, `a`, `II`); empty when it has no label. */
export function optionNumber(option: Node): string {
  return optionLabel(option, 0)?.node.attrs.value ?? ''
}

/** The words a log uses for an option: its label without punctuation (`Option 3`), else its opening words. */
export function optionName(option: Node): string {
  // The label may open a paragraph (`Option 2: Parties may …`), not only a heading of its own.
  let value: string | null = null
  option.firstChild?.forEach((child) => {
    if (value === null && child.type.name === 'label' && child.attrs.kind === 'option') value = child.attrs.value
  })
  if (value !== null) return `Option ${value}`
  // No label (a reviewer made a paragraph an option): its opening words, never its id, when it has any.
  const words = option.textContent.replace(/\s+/g, ' ').trim()
  if (!words) return `option ${option.attrs.id}`
  return `the option “${words.length > 30 ? words.slice(0, 30).trimEnd() + '…' : words}”`
}

/** A division's name for the log: a section's letter (`A`), an article's label (`ARTICLE 2`). */
export function divisionName(division: Node): string {
  const heading = division.firstChild
  let name = ''
  heading?.forEach((child) => {
    if (!name && child.type.name === 'label')
      name = division.type.name === 'section' ? child.attrs.value : child.attrs.text
  })
  return name || division.attrs.id
}

/** The title a cross-reference uses for a section: its heading's words without label ("Annex B"). */
export function sectionTitle(section: Node): string {
  const heading = section.firstChild
  return heading?.type.name === 'heading' ? heading.textContent.replace(/\s+/g, ' ').trim() : ''
}

/** The division (section or article) directly holding the option at `$pos`, or null at the top level. */
export function divisionOf(location: NodeLocation): { node: Node; pos: number } | null {
  const $pos = location.$pos
  if ($pos.depth === 0) return null
  return { node: $pos.parent, pos: $pos.before() }
}
