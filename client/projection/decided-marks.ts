/**
 * How each bracket and option stands, drawn on the projected text without node views:
 * the chosen alternative reads plainly and the others are struck through, kept optional
 * text plain and deleted struck, options chosen or dropped marked; and every paragraph
 * with brackets still open carries their count, every division its open options'.
 */
import type { Node } from 'prosemirror-model'
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import { indexDocument, type DocumentIndex } from '../../shared/model/document-index.ts'
import { nodeState, remaining, type Resolutions } from '../../shared/model/resolution.ts'

/** What is open in one numbered block. */
export interface OpenCounts {
  brackets: number
}

interface MarksState {
  index: DocumentIndex
  resolutions: Resolutions
  decorations: DecorationSet
  /** Open brackets per numbered block, by the position before the block. */
  openByBlock: Map<number, number>
  /** Open brackets and options per division id. */
  bySection: ReturnType<typeof remaining>['bySection']
}

/** The plugin's key; dispatch `tr.setMeta(decidedMarksKey, true)` when the resolutions change. */
export const decidedMarksKey = new PluginKey<MarksState>('accord-decided-marks')

/** Open brackets in the block before `blockPos`, and in the division `sectionId`, as last drawn. */
export function openCounts(state: EditorState, blockPos: number, sectionId: string | null) {
  const s = decidedMarksKey.getState(state)
  return {
    brackets: s?.openByBlock.get(blockPos) ?? 0,
    section: sectionId ? (s?.bySection.get(sectionId) ?? null) : null,
  }
}

/** The plugin, reading the resolutions with `resolutionsOf`. */
export function decidedMarksPlugin(resolutionsOf: () => Resolutions): Plugin<MarksState> {
  return new Plugin<MarksState>({
    key: decidedMarksKey,
    state: {
      init: (_config, state) => draw(state.doc, indexDocument(state.doc), resolutionsOf()),
      apply(tr, old) {
        if (!tr.docChanged && !tr.getMeta(decidedMarksKey)) return old
        return draw(tr.doc, tr.docChanged ? indexDocument(tr.doc) : old.index, resolutionsOf())
      },
    },
    props: { decorations: (state) => decidedMarksKey.getState(state)?.decorations },
  })
}

function draw(doc: Node, index: DocumentIndex, resolutions: Resolutions): MarksState {
  const decorations: Decoration[] = []
  const openByBlock = new Map<number, number>()
  let block: number | null = null
  const bySection = remaining(index, resolutions).bySection
  doc.descendants((node, pos) => {
    const name = node.type.name
    if (name === 'table_row' || (node.isTextblock && node.type.spec.group === 'block')) block = pos
    if (name === 'option') {
      const state = nodeState(index, resolutions, node.attrs.id)
      if (state?.kind === 'option' && state.state !== 'unresolved')
        decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: `option-${state.state}` }))
    }
    if (name === 'heading' && doc.resolve(pos).depth > 0) {
      // A division's heading carries its open options.
      const division = doc.resolve(pos).parent
      const open = division.attrs.id ? bySection.get(division.attrs.id)?.options : undefined
      if (open) decorations.push(Decoration.node(pos, pos + node.nodeSize, { 'data-open-options': String(open) }))
    }
    if (name !== 'bracket_group') return true
    const state = nodeState(index, resolutions, node.attrs.id)
    const open =
      !state ||
      (state.kind === 'group' && state.choice === null) ||
      (state.kind === 'optional' && state.state === 'unresolved')
    if (open && block !== null) openByBlock.set(block, (openByBlock.get(block) ?? 0) + 1)
    decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: open ? 'group-open' : 'group-resolved' }))
    if (state?.kind === 'group' && state.choice)
      node.forEach((alt, offset) => {
        if (alt.type.name !== 'alternative') return
        const from = pos + 1 + offset
        decorations.push(
          Decoration.node(from, from + alt.nodeSize, { class: alt.attrs.id === state.choice ? 'chosen' : 'rejected' }),
        )
      })
    if (state?.kind === 'optional' && state.state !== 'unresolved')
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: `optional-${state.state}` }))
    return true
  })
  for (const [pos, n] of openByBlock) {
    const node = doc.nodeAt(pos)
    if (node) decorations.push(Decoration.node(pos, pos + node.nodeSize, { 'data-open-brackets': String(n) }))
  }
  return { index, resolutions, decorations: DecorationSet.create(doc, decorations), openByBlock, bySection }
}
