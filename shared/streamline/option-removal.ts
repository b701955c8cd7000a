/**
 * Dropping an option from the text, and moving one within its section. A drop
 * here is a co-chair taking the option out of the non-paper, unlike the model's
 * `dropped` resolution, which leaves the text alone.
 */
import type { Node } from 'prosemirror-model'
import type { EditorState, Transaction } from 'prosemirror-state'
import { renumberFootnotesIn } from './footnote-numbering.ts'
import { divisionName, divisionOf, locate, optionName, type NodeLocation } from './node-location.ts'
import { renumberOptionsIn } from './option-numbering.ts'
import { recordStep, stepError, type StepError, type StepOptions, type StepResult } from './step.ts'

/** Every id carried by `node` and its descendants, in document order. */
export function idsWithin(node: Node): string[] {
  const out: string[] = node.attrs.id ? [node.attrs.id] : []
  node.descendants((child) => {
    if (child.attrs.id) out.push(child.attrs.id)
  })
  return out
}

/** The option with id `id`, or an error saying what `id` is. */
export function locateOption(doc: Node, id: string): NodeLocation | StepError {
  const at = locate(doc, id)
  if (!at) return stepError(`no node has id ${id}`, 'Name an option by the id the document gives it (o1, o2 …).')
  if (at.node.type.name !== 'option')
    return stepError(`${id} is a ${at.node.type.name}, not an option`, 'Name an option by its id.')
  return at
}

/**
 * Footnote bodies (outside `range`) whose every numbered reference lies inside
 * `range`: removing the range leaves them orphaned, so they go with it. A body
 * may stand far from its reference (after a page break, in the next section).
 */
export function orphanedFootnotes(doc: Node, from: number, to: number): { node: Node; pos: number }[] {
  const inside = new Set<string>()
  const outside = new Set<string>()
  doc.descendants((node, pos) => {
    if (node.type.name === 'footnote_ref' && /^\d+$/.test(node.attrs.label))
      (pos >= from && pos < to ? inside : outside).add(node.attrs.label)
    return true
  })
  const out: { node: Node; pos: number }[] = []
  doc.descendants((node, pos) => {
    if (node.type.name !== 'footnote') return true
    if (
      (pos < from || pos >= to) &&
      node.attrs.kind === 'numbered' &&
      inside.has(node.attrs.label) &&
      !outside.has(node.attrs.label)
    )
      out.push({ node, pos })
    return false
  })
  return out
}

/** Delete `[from, to)` and the footnote bodies it orphans; returns the ids removed. */
export function deleteWithFootnotes(tr: Transaction, from: number, to: number): string[] {
  const orphans = orphanedFootnotes(tr.doc, from, to)
  const removed = idsWithin(tr.doc.nodeAt(from)!).concat(...orphans.map((o) => idsWithin(o.node)))
  const ranges = [{ from, to }, ...orphans.map((o) => ({ from: o.pos, to: o.pos + o.node.nodeSize }))]
  for (const r of ranges.sort((a, b) => b.from - a.from)) tr.delete(r.from, r.to)
  return removed
}

/** Renumber what a step on `division`'s options changes; returns dangling references. */
export function renumberAfter(tr: Transaction, divisionId: string | null): string[] {
  const done = divisionId ? renumberOptionsIn(tr, divisionId) : { dangling: [] }
  renumberFootnotesIn(tr)
  return 'error' in done ? [] : done.dangling
}

/**
 * Take option `id` out of the text, with the footnote bodies only it refers to,
 * then renumber the section's options and the footnotes. References to the
 * dropped option (applicability notes) are left dangling and reported.
 */
export function dropOption(state: EditorState, id: string, options: StepOptions = {}): StepResult {
  const at = locateOption(state.doc, id)
  if ('error' in at) return at
  const division = divisionOf(at)
  const tr = state.tr
  const removed = deleteWithFootnotes(tr, at.pos, at.pos + at.node.nodeSize)
  const dangling = renumberAfter(tr, division?.node.attrs.id ?? null)
  const words = { option: optionName(at.node), ...(division ? { section: divisionName(division.node) } : {}) }
  return recordStep(tr, { op: 'drop-option', ids: [id], words, removed, dangling }, options)
}

/**
 * Move option `id` before option `beforeId` of the same section, or after the
 * section's last option when `beforeId` is null; then renumber.
 */
export function moveOption(
  state: EditorState,
  id: string,
  beforeId: string | null,
  options: StepOptions = {},
): StepResult {
  const at = locateOption(state.doc, id)
  if ('error' in at) return at
  const division = divisionOf(at)
  const parent = at.$pos.parent
  let target: number
  let beforeName = ''
  if (beforeId !== null) {
    if (beforeId === id)
      return stepError(
        'an option cannot move before itself',
        'Name another option of the same section, or null to move it to the end.',
      )
    const before = locateOption(state.doc, beforeId)
    if ('error' in before) return before
    if (before.$pos.parent !== parent)
      return stepError(
        `${id} and ${beforeId} are not options of the same section`,
        'Options move within their section; merge or drop them across sections instead.',
      )
    target = before.pos
    beforeName = optionName(before.node)
  } else {
    target = at.$pos.start()
    parent.forEach((child, offset) => {
      if (child.type.name === 'option') target = at.$pos.start() + offset + child.nodeSize
    })
  }
  const tr = state.tr
  tr.delete(at.pos, at.pos + at.node.nodeSize)
  tr.insert(tr.mapping.map(target), at.node)
  const dangling = renumberAfter(tr, division?.node.attrs.id ?? null)
  const words: Record<string, string> = {
    option: optionName(at.node),
    ...(division ? { section: divisionName(division.node) } : {}),
  }
  if (beforeName) words.before = beforeName
  return recordStep(tr, { op: 'move-option', ids: beforeId ? [id, beforeId] : [id], words, dangling }, options)
}
