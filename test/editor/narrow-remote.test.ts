// A remote change, which y-prosemirror renders as a whole-document replacement, reaches the
// editor's plugins as a step over the range it changed: positions map through it, plain
// typing is not structural, and a change that cannot be narrowed passes unchanged.
import { describe, expect, it } from 'vitest'
import { EditorState } from 'prosemirror-state'
import { ReplaceStep } from 'prosemirror-transform'
import { ySyncPluginKey } from 'y-prosemirror'
import { narrowed } from '../../client/editor/narrow-remote.ts'
import { fromYjs } from './from-yjs.ts'
import { touchesStructure } from '../../client/editor/structure-change.ts'
import { templateDoc } from '../model/template-model.ts'

// Positions of text in the template, in order.
const textPositions = (doc: EditorState['doc']) => {
  const out: number[] = []
  doc.descendants((node, pos) => {
    if (node.isText) out.push(pos)
  })
  return out
}

describe('a remote change narrowed to its range', () => {
  const state = EditorState.create({ doc: templateDoc })
  const texts = textPositions(state.doc)

  it('a character typed elsewhere is one text step there; later positions move by one', () => {
    const at = texts[Math.floor(texts.length / 2)] + 1
    const next = state.tr.insertText('r', at).doc
    const whole = fromYjs(state, next)
    const tr = narrowed(state, whole)
    expect(tr).not.toBe(whole)
    expect(tr.doc.eq(next)).toBe(true)
    expect(tr.steps).toHaveLength(1)
    const step = tr.steps[0] as ReplaceStep
    expect(step).toBeInstanceOf(ReplaceStep)
    expect([step.from, step.to, step.slice.content.textBetween(0, step.slice.content.size)]).toEqual([at, at, 'r'])
    expect(tr.getMeta(ySyncPluginKey)).toEqual({ isChangeOrigin: true })
    expect(touchesStructure(tr)).toBe(false)
    // The whole replacement maps a later position to the document's edge; the narrowed step keeps it.
    const later = texts[texts.length - 5]
    expect(tr.mapping.map(later)).toBe(later + 1)
    expect(whole.mapping.map(later)).not.toBe(later + 1)
  })

  it('a bracket group deleted by a collaborator is structural', () => {
    let group = -1
    let size = 0
    state.doc.descendants((node, pos) => {
      if (group < 0 && node.type.name === 'bracket_group') {
        group = pos
        size = node.nodeSize
      }
      return group < 0
    })
    expect(group).toBeGreaterThan(0)
    const next = state.tr.delete(group, group + size).doc
    const tr = narrowed(state, fromYjs(state, next))
    expect(tr.doc.eq(next)).toBe(true)
    expect(touchesStructure(tr)).toBe(true)
  })

  it('the same document again is no step; a transaction of several steps passes unchanged', () => {
    const same = narrowed(state, fromYjs(state, state.doc))
    expect(same.steps).toHaveLength(0)
    expect(same.docChanged).toBe(false)
    const two = state.tr.insertText('a', texts[3] + 1).insertText('b', texts[9] + 1)
    expect(narrowed(state, two)).toBe(two)
  })
})
