// The importer's guesses stay marked through edits: a change maps the marks and finds them
// again only where it replaced content, and the result is always what a fresh look at the
// whole text finds.
import { describe, expect, it } from 'vitest'
import { EditorState, type Transaction } from 'prosemirror-state'
import type { Node } from 'prosemirror-model'
import type { DecorationSet } from 'prosemirror-view'
import { guessMarkers } from '../../client/streamlining/guess-markers.ts'
import { narrowed } from '../../client/editor/narrow-remote.ts'
import { fromYjs } from '../editor/from-yjs.ts'
import { alt, doc, group, guessed, option, p, section, heading } from '../builder.ts'

const plugin = guessMarkers()
const marks = (state: EditorState) =>
  (plugin.props.decorations!.call(plugin, state) as DecorationSet)
    .find()
    .map((d) => [d.from, d.to])
    .sort((a, b) => a[0] - b[0])
const fresh = (d: Node) => marks(EditorState.create({ doc: d, plugins: [guessMarkers()] }))

// A collaborator's change to `next`, narrowed as the editor does.
const remote = (state: EditorState, next: Node): Transaction => narrowed(state, fromYjs(state, next))

const start = doc(
  heading('section')('A. Mitigation'),
  section(
    p('from ', guessed('round', alt('2013 to 2017'), alt('2013 to 2020')), ' on'),
    option({ extent: 'guess' })(p('Option 1: ', group(alt('five'), alt('eight')))),
    p('multiplied by ', group(alt('X'), alt('Y'))),
  ),
)

describe('marks of the importer guesses', () => {
  it('marks the guessed group and the option whose end was guessed', () => {
    const state = EditorState.create({ doc: start, plugins: [plugin] })
    expect(marks(state)).toHaveLength(2)
    expect(marks(state)).toEqual(fresh(start))
  })

  it('follow typing before, inside and after them, locally and from a collaborator', () => {
    let state = EditorState.create({ doc: start, plugins: [plugin] })
    const texts: number[] = []
    start.descendants((node, pos) => void (node.isText && texts.push(pos + 1)))
    for (const [i, at] of texts.entries()) {
      const local = i % 2 === 0
      // Each earlier insertion moved this text one further.
      const typed = state.tr.insertText('r', at + i)
      const tr = local ? typed : remote(state, typed.doc)
      expect(tr.steps).toHaveLength(1)
      state = state.apply(tr)
      expect(marks(state)).toEqual(fresh(state.doc))
    }
  })

  it('a collaborator settling a guess removes its mark; one making a guessed group adds one', () => {
    let state = EditorState.create({ doc: start, plugins: [plugin] })
    let groupAt = -1
    state.doc.descendants((node, pos) => void (groupAt < 0 && node.attrs.guess && (groupAt = pos)))
    const settled = state.tr.setNodeMarkup(groupAt, undefined, { ...state.doc.nodeAt(groupAt)!.attrs, guess: null }).doc
    const tr = remote(state, settled)
    expect(tr.steps).toHaveLength(1)
    state = state.apply(tr)
    expect(marks(state)).toHaveLength(1)
    expect(marks(state)).toEqual(fresh(state.doc))

    const end = state.doc.content.size
    const added = state.tr.insert(end, p('and ', guessed('round', alt('a'), alt('b')))).doc
    state = state.apply(remote(state, added))
    expect(marks(state)).toHaveLength(2)
    expect(marks(state)).toEqual(fresh(state.doc))
  })

  it('deleting a guessed option with its text removes its mark', () => {
    let state = EditorState.create({ doc: start, plugins: [plugin] })
    let at = -1
    state.doc.descendants((node, pos) => void (at < 0 && node.type.name === 'option' && (at = pos)))
    state = state.apply(state.tr.delete(at, at + state.doc.nodeAt(at)!.nodeSize))
    expect(marks(state)).toHaveLength(1)
    expect(marks(state)).toEqual(fresh(state.doc))
  })
})
