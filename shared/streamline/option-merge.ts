/**
 * Merging two options of a section into one. What a co-chair expects, and
 * what this produces:
 *
 * - The kept option keeps its place, heading (and number, renumbered with the
 *   section), applicability note and attribution (the merged option's
 *   attribution is used only when the kept one has none). The merged option
 *   disappears; references to its number now name the kept option.
 * - Their bodies are aligned block by block. A block both say alike (same
 *   words, whatever the ids) appears once — the kept option's, whose ids
 *   survive; the merged option's ids are reported as `replaced` by them.
 * - Where as many blocks differ on each side, they pair one to one. A pair of
 *   paragraphs (or headings, instructions … of one kind) becomes one with
 *   brackets where the words differ: `from [2013 to 2017][2013 to 2020]`;
 *   words only one side has become optional text. Any other pair (two
 *   tables) becomes one bracket group spanning blocks, the kept option's
 *   block its first alternative and the merged option's its second, written
 *   `[ … ][ … ]` around them.
 * - Where the numbers of differing blocks differ, the two stretches become
 *   one spanning group the same way; blocks only one side has become one
 *   optional spanning bracket.
 * - Footnote bodies follow the merged body, the kept option's first; a body of
 *   the merged option identical to one of the kept option's is not repeated.
 *
 * Every node of either option that survives keeps its id; new groups get
 * fresh random ids. Options and footnotes are renumbered afterwards.
 */
import { Fragment, type Node, type Schema } from 'prosemirror-model'
import type { EditorState } from 'prosemirror-state'
import { freshId } from '../document/fresh-id.ts'
import { divisionName, divisionOf, optionName, optionNumber } from './node-location.ts'
import { renumberFootnotesIn } from './footnote-numbering.ts'
import { renumberOptionsIn } from './option-numbering.ts'
import { idsWithin, locateOption } from './option-removal.ts'
import { alignRuns, contentKey, correspondingIds } from './sequence-diff.ts'
import { recordStep, stepError, type StepOptions, type StepResult } from './step.ts'
import { mergeWords } from './word-merge.ts'

type Parts = { heading: Node | null; note: Node | null; body: Node[]; footnotes: Node[] }

function parts(option: Node): Parts {
  const out: Parts = { heading: null, note: null, body: [], footnotes: [] }
  option.forEach((child, _, i) => {
    if (i === 0 && child.type.name === 'heading') out.heading = child
    else if (!out.note && child.type.name === 'applicability') out.note = child
    else if (child.type.name === 'footnote') out.footnotes.push(child)
    else out.body.push(child)
  })
  return out
}

/** The merged option's content: see the module comment. */
export function mergedContent(
  schema: Schema,
  kept: Node,
  merged: Node,
  replaced: Record<string, string>,
): { content: Node[]; created: string[] } {
  const a = parts(kept)
  const b = parts(merged)
  const content: Node[] = []
  const created: string[] = []
  if (a.heading) content.push(a.heading)
  if (a.note) content.push(a.note)
  for (const run of alignRuns(a.body, b.body, contentKey)) {
    if (run.kind === 'same') {
      run.a.forEach((block, i) => correspondingIds(run.b[i], block, replaced))
      content.push(...run.a)
    } else if (run.a.length === run.b.length) {
      run.a.forEach((x, i) => {
        const y = run.b[i]
        if (x.isTextblock && x.type === y.type) {
          const words = mergeWords(schema, x, y, replaced)
          created.push(...words.created)
          content.push(x.type.create(x.attrs, words.content, x.marks))
        } else content.push(...spanningGroup(schema, [x], [y], created))
      })
    } else content.push(...spanningGroup(schema, run.a, run.b, created))
  }
  const keptNotes = new Map(a.footnotes.map((f) => [contentKey(f), f]))
  content.push(...a.footnotes)
  for (const f of b.footnotes) {
    const twin = keptNotes.get(contentKey(f))
    if (twin) correspondingIds(f, twin, replaced)
    else content.push(f)
  }
  return { content, created }
}

// The kept and merged blocks as the alternatives of one new spanning group
// (one optional bracket when a side has none).
function spanningGroup(schema: Schema, a: Node[], b: Node[], created: string[]): Node[] {
  const id = freshId('g')
  created.push(id)
  const sides = [a, b].filter((s) => s.length > 0)
  return spanning(
    schema,
    id,
    sides.map((blocks, i) => ({ alt: `${id}.${i + 1}`, blocks })),
  )
}

/**
 * Blocks wrapped in one bracket group spanning them: each alternative's first
 * block starts with its `[` marker, its last ends with `]`. A table cannot hold
 * the marker at its edge, so there the marker stands on a line of its own (one
 * line `][` between two tables).
 */
export function spanning(schema: Schema, group: string, alternatives: { alt: string; blocks: Node[] }[]): Node[] {
  const out: Node[] = []
  let pending: Node[] = []
  const markerLine = (gap: number) => {
    out.push(schema.nodes.paragraph.create({ gap }, pending))
    pending = []
  }
  for (const { alt, blocks } of alternatives) {
    const list = [...blocks]
    const start = schema.nodes.bracket_start.create({ group, alt })
    const end = schema.nodes.bracket_end.create({ group, alt })
    pending.push(start)
    if (list[0].isTextblock) {
      list[0] = list[0].copy(Fragment.from(pending).append(list[0].content))
      pending = []
    } else markerLine(list[0].attrs.gap ?? 1)
    const last = list.length - 1
    if (list[last].isTextblock) list[last] = list[last].copy(list[last].content.addToEnd(end))
    else pending = [end]
    out.push(...list)
  }
  if (pending.length) markerLine(1)
  return out
}

/**
 * Merge option `mergeId` into option `keepId` of the same section (see the
 * module comment for what the result says). The merged option's id is
 * removed; so are the ids of its nodes the kept option already had (reported
 * as `replaced`, with the surviving id), so bindings can follow them.
 */
export function mergeOptions(
  state: EditorState,
  keepId: string,
  mergeId: string,
  options: StepOptions = {},
): StepResult {
  const kept = locateOption(state.doc, keepId)
  if ('error' in kept) return kept
  const merged = locateOption(state.doc, mergeId)
  if ('error' in merged) return merged
  if (keepId === mergeId)
    return stepError('an option cannot be merged into itself', 'Name two different options of one section.')
  if (kept.$pos.parent !== merged.$pos.parent) {
    return stepError(
      `${keepId} and ${mergeId} are not options of the same section`,
      'Only options of one section are alternatives to each other; merge within a section.',
    )
  }
  const replaced: Record<string, string> = {}
  const { content, created } = mergedContent(state.schema, kept.node, merged.node, replaced)
  const attrs = { ...kept.node.attrs, attribution: kept.node.attrs.attribution ?? merged.node.attrs.attribution }
  const option = state.schema.nodes.option.create(attrs, content)
  const tr = state.tr
  const edits = [
    { pos: kept.pos, apply: () => tr.replaceWith(kept.pos, kept.pos + kept.node.nodeSize, option) },
    { pos: merged.pos, apply: () => tr.delete(merged.pos, merged.pos + merged.node.nodeSize) },
  ]
  edits.sort((x, y) => y.pos - x.pos).forEach((e) => e.apply())
  const division = divisionOf(kept)
  const survivors = new Set(idsWithin(option))
  const removed = idsWithin(merged.node).filter((id) => !survivors.has(id))
  let dangling: string[] = []
  if (division) {
    const done = renumberOptionsIn(tr, division.node.attrs.id, new Map([[optionNumber(merged.node), keepId]]))
    if (!('error' in done)) dangling = done.dangling
  }
  renumberFootnotesIn(tr)
  const words: Record<string, string> = {
    kept: optionName(kept.node),
    merged: optionName(merged.node),
    created: created.join(' '),
  }
  if (division) words.section = divisionName(division.node)
  return recordStep(tr, { op: 'merge-options', ids: [keepId, mergeId], words, removed, replaced, dangling }, options)
}
