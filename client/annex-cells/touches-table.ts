/**
 * Which changes can move the Annex's bound cells: most keystrokes cannot, and the cells'
 * plugin then only maps them.
 */
import type { Node } from 'prosemirror-model'
import type { Transaction } from 'prosemirror-state'
import { ReplaceAroundStep, ReplaceStep } from 'prosemirror-transform'

/**
 * Whether `tr` reaches into a table, touches one's edge or makes one: its cells are read again.
 * Each step's ranges are looked at in the document before that step, so the walk is as long
 * as the change (a keystroke's), not the whole text (3 ms a key at 300 pages).
 */
export function touchesTable(tr: Transaction): boolean {
  return tr.steps.some((step, i) => {
    const doc = tr.docs[i]
    let touched = false
    // Down to the textblocks only: a table is never inside one.
    const look = (node: Node) => {
      if (isTable(node)) touched = true
      return !touched && !node.isTextblock
    }
    step.getMap().forEach((from, to) => {
      for (const $pos of [doc.resolve(from), doc.resolve(to)])
        if (isTable($pos.nodeAfter) || isTable($pos.nodeBefore)) touched = true
      doc.nodesBetween(from, to, look)
    })
    // Content inserted outside every table may itself hold one (a pasted or restored option).
    // Opening a 300-page text inserts it all in one step (its JSON, searched before, took 78 ms).
    if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep) step.slice.content.descendants(look)
    return touched
  })
}

const isTable = (node: Node | null | undefined) => node?.type.name === 'table'
