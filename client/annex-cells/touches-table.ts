/**
 * Which changes can move the Annex's bound cells: most keystrokes cannot, and the cells'
 * plugin then only maps them.
 */
import type { Node, Slice } from 'prosemirror-model'
import type { Transaction } from 'prosemirror-state'

/**
 * Whether `tr` reaches into a table, touches one's edge or makes one: its cells are read again.
 * Each step's ranges are looked at in the document before that step, so the walk is as long
 * as the change (a keystroke's), not the whole text (3 ms a key at 300 pages).
 */
export function touchesTable(tr: Transaction): boolean {
  const isTable = (node: Node | null | undefined) => node?.type.name === 'table'
  return tr.steps.some((step, i) => {
    const doc = tr.docs[i]
    let touched = false
    step.getMap().forEach((from, to) => {
      for (const $pos of [doc.resolve(from), doc.resolve(to)])
        if (isTable($pos.nodeAfter) || isTable($pos.nodeBefore)) touched = true
      doc.nodesBetween(from, to, (node) => {
        if (isTable(node)) touched = true
        return !touched && !node.isTextblock
      })
    })
    // Content inserted outside every table may itself hold one (a pasted or restored option).
    // Walked down to the textblocks only: a table is never inside one, and opening a 300-page
    // text inserts it all in one step (its JSON took 78 ms).
    const inserted = (step as { slice?: Slice }).slice
    inserted?.content.descendants((node) => {
      if (isTable(node)) touched = true
      return !touched && !node.isTextblock
    })
    return touched
  })
}
