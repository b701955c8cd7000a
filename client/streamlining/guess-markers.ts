/**
 * Where the importer guessed, marked in the text for a reviewer: an option
 * whose end it could not tell (`extent: 'guess'`) and a bracket group it
 * grouped on a guess carry the class `structure-guess` and say why on hover.
 * A streamlining step (which may change a node's attributes and nothing else) finds them
 * again in the whole text; any other change maps them and looks again only where it
 * replaced content: a remote keystroke in a 300-page text re-read all of it (2 ms each).
 */
import type { Node } from 'prosemirror-model'
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import { STEP_META } from '../../shared/streamline/index.ts'

const key = new PluginKey<DecorationSet>('accord/structure-guesses')

// The marks for the guessed nodes that overlap `from`–`to` of `doc` (all of it by default).
function marksIn(doc: Node, from = 0, to = doc.content.size): Decoration[] {
  const marks: Decoration[] = []
  doc.nodesBetween(from, to, (node, pos) => {
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
  return marks
}

// `set` mapped through `tr`, with the marks where `tr` replaced content found again.
function remapped(set: DecorationSet, tr: Transaction): DecorationSet {
  let mapped = set.map(tr.mapping, tr.doc)
  tr.mapping.maps.forEach((map, i) => {
    const later = tr.mapping.slice(i + 1)
    map.forEach((_oldFrom, _oldTo, from, to) => {
      const [a, b] = [later.map(from, -1), later.map(to, 1)]
      mapped = mapped.remove(mapped.find(a, b)).add(tr.doc, marksIn(tr.doc, a, b))
    })
  })
  return mapped
}

/** The plugin that marks the importer's guesses. */
export function guessMarkers(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: (_, state) => DecorationSet.create(state.doc, marksIn(state.doc)),
      apply(tr: Transaction, set: DecorationSet) {
        if (!tr.docChanged) return set
        if (tr.getMeta(STEP_META)) return DecorationSet.create(tr.doc, marksIn(tr.doc))
        return remapped(set, tr)
      },
    },
    props: { decorations: (state) => key.getState(state) },
  })
}
