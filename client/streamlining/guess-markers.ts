/**
 * Where the importer guessed, marked in the text for a reviewer: an option
 * whose end it could not tell (`extent: 'guess'`) and a bracket group it
 * grouped on a guess carry the class `structure-guess` and say why on hover.
 * The marks are found again only when the structure may have changed (a
 * streamlining step, a remote change); typing maps them.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import { ySyncPluginKey } from 'y-prosemirror'
import { STEP_META } from '../../shared/streamline/index.ts'

const key = new PluginKey<DecorationSet>('accord/structure-guesses')

function find(state: EditorState): DecorationSet {
  const marks: Decoration[] = []
  state.doc.descendants((node, pos) => {
    if (node.isTextblock && !node.childCount) return false
    const option = node.type.name === 'option' && node.attrs.extent === 'guess'
    const group = node.type.name === 'bracket_group' && node.attrs.guess
    if (option || group)
      marks.push(
        Decoration.node(pos, pos + node.nodeSize, {
          class: 'structure-guess',
          title: option
            ? 'The importer guessed where this option ends: set its end if it is wrong'
            : 'The importer grouped these brackets on a guess: split or regroup them if it is wrong',
        }),
      )
    return true
  })
  return DecorationSet.create(state.doc, marks)
}

/** The plugin that marks the importer's guesses. */
export function guessMarkers(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: (_, state) => find(state),
      apply(tr: Transaction, set: DecorationSet, _old, state) {
        if (!tr.docChanged) return set
        if (tr.getMeta(STEP_META) || tr.getMeta(ySyncPluginKey)) return find(state)
        return set.map(tr.mapping, tr.doc)
      },
    },
    props: { decorations: (state) => key.getState(state) },
  })
}
