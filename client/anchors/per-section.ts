/**
 * Lists by section, in text order: what is anchored in the text (comments,
 * pending changes) grouped under the heading of the section or article that
 * holds it ("A. Annex B (3)"), what stands before the first section under its
 * own heading, and what lost its words last.
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
  for (const item of items) {
    const place = doc && item.range ? placeOf(doc, item.range.from) : null
    const key = place?.division?.id ?? (item.range ? '' : '~gone')
    const title = place?.division
      ? divisionHeading(place)!
      : item.range
        ? 'Before the first section'
        : 'Words no longer in the text'
    let group = groups.get(key)
    if (!group) groups.set(key, (group = { title, items: [] }))
    group.items.push(draw(item))
  }
  return [...groups.values()].map((g) =>
    el('div', { class: cls }, el('h3', {}, `${g.title} (${g.items.length})`), ...g.items),
  )
}
