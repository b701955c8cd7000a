/**
 * Regrouping brackets: two bracket groups the importer read as independent
 * (`[2013–2017]^a [2013–2020]`) become one group of alternatives, and a group
 * becomes separate optional brackets again. The two are inverses: what stood
 * between the groups is kept as the group's separator, and comes back out.
 */
import type { Node } from 'prosemirror-model'
import type { EditorState } from 'prosemirror-state'
import { freshId } from '../document/fresh-id.ts'
import { locate, type NodeLocation } from './node-location.ts'
import { groupWords, quoted, written } from './bracket-words.ts'
import { placeAt } from '../naming/node-name.ts'
import { recordStep, stepError, type StepError, type StepOptions, type StepResult } from './step.ts'

/** The bracket group with id `id`, or an error saying what `id` is. */
export function locateGroup(doc: Node, id: string): NodeLocation | StepError {
  const at = locate(doc, id)
  if (!at) return stepError(`no node has id ${id}`, 'Name a bracket group by its id (g1, g2 …).')
  if (at.node.type.name !== 'bracket_group')
    return stepError(`${id} is a ${at.node.type.name}, not a bracket group`, 'Name a bracket group by its id.')
  return at
}

// What may stand between two brackets that are alternatives: spaces and footnote markers.
function mayStandBetween(node: Node): boolean {
  return node.type.name === 'footnote_ref' || (node.isText && /^\s*$/.test(node.text!))
}

/**
 * Join groups `firstId` and `secondId` — in one textblock, the first before the
 * second, separated only by spaces and footnote markers — into one group. The
 * first group's id survives, holding all alternatives (their ids unchanged);
 * what stood between becomes a separator. The second group's id is removed.
 */
export function regroupBrackets(
  state: EditorState,
  firstId: string,
  secondId: string,
  options: StepOptions = {},
): StepResult {
  const first = locateGroup(state.doc, firstId)
  if ('error' in first) return first
  const second = locateGroup(state.doc, secondId)
  if ('error' in second) return second
  const parent = first.$pos.parent
  if (second.$pos.parent !== parent || firstId === secondId) {
    return stepError(
      `${firstId} and ${secondId} are not two groups of one line`,
      'Only brackets in the same paragraph, heading or table cell can be regrouped.',
    )
  }
  if (first.node.attrs.style !== second.node.attrs.style) {
    return stepError(
      `${firstId} and ${secondId} are written differently (brackets and slashes)`,
      'Regroup brackets with brackets.',
    )
  }
  const [a, b] = first.pos < second.pos ? [first, second] : [second, first]
  if (a !== first)
    return stepError(
      `${firstId} comes after ${secondId}`,
      `Name them in reading order: regroupBrackets(state, '${secondId}', '${firstId}').`,
    )
  const between: Node[] = []
  const start = a.$pos.index()
  const end = b.$pos.index()
  for (let i = start + 1; i < end; i++) between.push(parent.child(i))
  if (!between.every(mayStandBetween)) {
    return stepError(
      `text stands between ${firstId} and ${secondId}`,
      'Only brackets separated by spaces or footnote markers are alternatives; edit the text first.',
    )
  }
  const schema = state.schema
  const children: Node[] = []
  a.node.forEach((c) => children.push(c))
  if (between.length) children.push(schema.nodes.separator.create(null, between))
  b.node.forEach((c) => children.push(c))
  const joined = schema.nodes.bracket_group.create({ ...a.node.attrs, guess: null }, children)
  const tr = state.tr.replaceWith(a.pos, b.pos + b.node.nodeSize, joined)
  return recordStep(
    tr,
    {
      op: 'regroup-brackets',
      ids: [firstId, secondId],
      words: { first: groupWords(a.node), second: groupWords(b.node), where: placeAt(state.doc.resolve(a.pos + 1)) },
      removed: [secondId],
    },
    options,
  )
}

/**
 * Split group `groupId` into separate optional brackets: one per alternative,
 * or two groups divided before alternative `beforeAltId`. Separators between
 * the parts come back out as plain content. The first part keeps the group's
 * id, the others get fresh ids; alternatives keep theirs.
 */
export function splitGroup(
  state: EditorState,
  groupId: string,
  beforeAltId?: string,
  options: StepOptions = {},
): StepResult {
  const at = locateGroup(state.doc, groupId)
  if ('error' in at) return at
  const kids: Node[] = []
  at.node.forEach((c) => kids.push(c))
  const alternatives = kids.filter((c) => c.type.name === 'alternative')
  if (alternatives.length < 2)
    return stepError(
      `${groupId} is optional text, with nothing to split`,
      'Only a group of two or more alternatives can be split.',
    )
  let cuts: number[]
  if (beforeAltId !== undefined) {
    const i = kids.findIndex((c) => c.type.name === 'alternative' && c.attrs.id === beforeAltId)
    if (i < 0)
      return stepError(
        `${beforeAltId} is not an alternative of ${groupId}`,
        `Name one of ${alternatives.map((a) => a.attrs.id).join(', ')}.`,
      )
    if (kids[i] === alternatives[0])
      return stepError(`${beforeAltId} is the first alternative of ${groupId}`, 'Split before a later alternative.')
    cuts = [i]
  } else cuts = kids.flatMap((c, i) => (c.type.name === 'alternative' && c !== alternatives[0] ? [i] : []))
  const schema = state.schema
  const out: Node[] = []
  const created: string[] = []
  let from = 0
  for (const cut of [...cuts, kids.length]) {
    // A separator just before the cut stands between the two new groups.
    let partEnd = cut
    while (partEnd > from && kids[partEnd - 1].type.name === 'separator') partEnd--
    const id = out.length === 0 ? groupId : freshId('g')
    if (out.length) created.push(id)
    out.push(schema.nodes.bracket_group.create({ ...at.node.attrs, id, guess: null }, kids.slice(from, partEnd)))
    for (let i = partEnd; i < cut; i++) kids[i].forEach((c) => out.push(c))
    from = cut
  }
  const tr = state.tr.replaceWith(at.pos, at.pos + at.node.nodeSize, out)
  return recordStep(
    tr,
    {
      op: 'split-group',
      ids: beforeAltId ? [groupId, beforeAltId] : [groupId],
      words: {
        group: groupWords(at.node),
        created: created.join(' '),
        where: placeAt(state.doc.resolve(at.pos + 1)),
        ...(beforeAltId ? { before: quoted(written(kids.find((c) => c.attrs.id === beforeAltId)!)) } : {}),
      },
    },
    options,
  )
}
