/**
 * Lists by section, in text order: what is anchored in the text (comments,
 * pending changes) grouped under the heading of the section or article that
 * holds it ("A. Annex B (3)"), what stands before the first section under its
 * own heading, what stands outside every section after it (the tables after a
 * Word file's last section) under another, and what lost its words last.
 */
import type { Node } from 'prosemirror-model'
import { divisionHeading, placeOf } from '../../shared/inspect/text-place.ts'
import { el } from '../dom/element.ts'

/** The items drawn by `draw`, grouped per section of `doc`, each group in a `div` of class `cls`. */
export function perSection<T extends { range: { from: number; to: number } | null }>(
  doc: Node | undefined,
  items: readonly T[],
  draw: (item: T) => HTMLElement,
  cls: string,
): HTMLElement[] {
  const groups = new Map<string, { title: string; items: HTMLElement[] }>()
  const first = doc ? firstDivision(doc) : Infinity
  for (const item of items) {
    const place = doc && item.range ? placeOf(doc, item.range.from) : null
    const before = item.range !== null && item.range.from < first
    const key = place?.division?.id ?? (item.range ? (before ? '' : '~outside') : '~gone')
    const title = place?.division
      ? divisionHeading(place)!
      : item.range
        ? before
          ? 'Before the first section'
          : 'Outside the sections'
        : 'Words no longer in the text'
    let group = groups.get(key)
    if (!group) groups.set(key, (group = { title, items: [] }))
    group.items.push(draw(item))
  }
  return [...groups.values()].map((g) =>
    el('div', { class: cls }, el('h3', {}, `${g.title} (${g.items.length})`), ...g.items),
  )
}

/** Where `doc`'s first section or article starts; Infinity when it has none. */
function firstDivision(doc: Node): number {
  let at = Infinity
  doc.descendants((node, pos) => {
    if (at !== Infinity) return false
    if (node.type.name === 'section' || node.type.name === 'article') at = pos
    return at === Infinity && !node.isTextblock
  })
  return at
}
