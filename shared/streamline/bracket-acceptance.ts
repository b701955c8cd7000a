/**
 * Accepting bracketed text: once delegations agree, the chosen alternative (or
 * the optional text) replaces its group and the brackets go. Works for groups
 * inside one line and for brackets spanning blocks (start and end markers).
 */
import type { Node } from 'prosemirror-model'
import type { EditorState, Transaction } from 'prosemirror-state'
import { renumberFootnotesIn } from './footnote-numbering.ts'
import { locate } from './node-location.ts'
import { idsWithin, orphanedFootnotes } from './option-removal.ts'
import { quoted, written } from './bracket-words.ts'
import { placeAt } from '../naming/node-name.ts'
import { recordStep, stepError, type StepError, type StepOptions, type StepResult } from './step.ts'

/**
 * Replace group `groupId` by the content of its alternative `altId` (for
 * optional text, `altId` may be left out: the text is kept). Footnote bodies
 * referred to only from the discarded alternatives go too; footnotes are
 * renumbered. The ids inside the chosen alternative survive.
 */
export function acceptBracketText(
  state: EditorState,
  groupId: string,
  altId?: string,
  options: StepOptions = {},
): StepResult {
  const at = locate(state.doc, groupId)
  const tr = state.tr
  let removed: string[]
  let kept: string
  // Where the bracket stood, for the log: the words alone cannot say which paragraph.
  const where = at ? placeAt(state.doc.resolve(at.pos + 1)) : undefined
  if (at && at.node.type.name === 'bracket_group') {
    const chosen = chooseAlternative(
      groupId,
      childAlternatives(at.node).map((a) => a.attrs.id as string),
      altId,
    )
    if (typeof chosen !== 'string') return chosen
    const keptNode = childAlternatives(at.node).find((a) => a.attrs.id === chosen)!
    kept = written(keptNode)
    const keptLabels = refLabels(keptNode)
    const orphans = orphanedFootnotes(state.doc, at.pos, at.pos + at.node.nodeSize).filter(
      (o) => !keptLabels.has(o.node.attrs.label),
    )
    const survivors = new Set(idsWithin(keptNode).slice(1))
    removed = idsWithin(at.node)
      .filter((id) => !survivors.has(id))
      .concat(...orphans.map((o) => idsWithin(o.node)))
    for (const o of orphans.filter((o) => o.pos > at.pos)) tr.delete(o.pos, o.pos + o.node.nodeSize)
    tr.replaceWith(at.pos, at.pos + at.node.nodeSize, keptNode.content)
    for (const o of orphans.filter((o) => o.pos < at.pos).reverse()) tr.delete(o.pos, o.pos + o.node.nodeSize)
  } else if (at) {
    return stepError(
      `${groupId} is a ${at.node.type.name}, not a bracket group`,
      'Name a bracket group by its id (g1, g2 …).',
    )
  } else {
    const spanning = acceptSpanning(tr, groupId, altId)
    if ('error' in spanning) return spanning
    removed = spanning.removed
    kept = spanning.kept
  }
  renumberFootnotesIn(tr)
  return recordStep(
    tr,
    {
      op: 'accept-bracket-text',
      ids: altId ? [groupId, altId] : [groupId],
      words: { kept: quoted(kept), ...(where ? { where } : {}) },
      removed,
    },
    options,
  )
}

function childAlternatives(group: Node): Node[] {
  const out: Node[] = []
  group.forEach((c) => {
    if (c.type.name === 'alternative') out.push(c)
  })
  return out
}

function chooseAlternative(groupId: string, ids: string[], altId: string | undefined): string | StepError {
  if (altId === undefined) {
    if (ids.length === 1) return ids[0]
    return stepError(`${groupId} has ${ids.length} alternatives`, `Say which one is agreed: one of ${ids.join(', ')}.`)
  }
  if (!ids.includes(altId))
    return stepError(`${altId} is not an alternative of ${groupId}`, `Name one of ${ids.join(', ')}.`)
  return altId
}

function refLabels(node: Node): Set<string> {
  const out = new Set<string>()
  node.descendants((n) => {
    if (n.type.name === 'footnote_ref') out.add(n.attrs.label)
  })
  return out
}

type Marker = { node: Node; pos: number; start: boolean }

// Brackets spanning blocks: the chosen alternative loses its two markers; each
// other alternative is deleted from its start marker to its end marker (the
// blocks on either side join, as when a reader strikes the passage). Blocks
// left empty by the markers' removal go too.
function acceptSpanning(
  tr: Transaction,
  groupId: string,
  altId: string | undefined,
): { removed: string[]; kept: string } | StepError {
  const markers: Marker[] = []
  tr.doc.descendants((node, pos) => {
    const name = node.type.name
    if ((name === 'bracket_start' || name === 'bracket_end') && node.attrs.group === groupId)
      markers.push({ node, pos, start: name === 'bracket_start' })
    return true
  })
  if (!markers.length)
    return stepError(`no bracket group has id ${groupId}`, 'Name a bracket group by its id (g1, g2 …).')
  const alts = [...new Set(markers.filter((m) => m.start).map((m) => m.node.attrs.alt as string))]
  const chosen = chooseAlternative(groupId, alts, altId)
  if (typeof chosen !== 'string') return chosen
  const ranges: { from: number; to: number }[] = []
  const removed: string[] = []
  let kept = ''
  for (const alt of alts) {
    const start = markers.find((m) => m.start && m.node.attrs.alt === alt)
    const end = markers.find((m) => !m.start && m.node.attrs.alt === alt)
    if (!start || !end || end.pos < start.pos)
      return stepError(
        `the brackets of ${alt} are not paired`,
        'Fix the unpaired bracket by hand before accepting the text.',
      )
    if (alt === chosen) {
      kept = tr.doc.textBetween(start.pos + 1, end.pos, ' ')
      ranges.push({ from: start.pos, to: start.pos + 1 }, { from: end.pos, to: end.pos + 1 })
    } else {
      ranges.push({ from: start.pos, to: end.pos + 1 })
      tr.doc.nodesBetween(start.pos, end.pos + 1, (n) => {
        if (n.attrs.id) removed.push(n.attrs.id)
      })
    }
  }
  const touched = markers.map((m) => m.pos)
  for (const r of ranges.sort((a, b) => b.from - a.from)) tr.delete(r.from, r.to)
  const emptied = new Set<number>()
  for (const pos of touched) {
    const $p = tr.doc.resolve(tr.mapping.map(pos))
    if ($p.parent.isTextblock && $p.parent.content.size === 0 && $p.parent.type.name !== 'table_cell' && $p.depth > 0)
      emptied.add($p.before())
  }
  for (const pos of [...emptied].sort((a, b) => b - a)) tr.delete(pos, pos + tr.doc.nodeAt(pos)!.nodeSize)
  return { removed: [...new Set(removed)], kept }
}
