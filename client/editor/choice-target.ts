/**
 * What a keyboard choice applies to: the innermost bracket group around the
 * caret (with the alternative the caret is in), the option around it, and the
 * placeholder selected or beside the caret.
 */
import type { Node } from 'prosemirror-model'
import type { EditorState } from 'prosemirror-state'

/** The negotiable nodes at the caret. */
export interface ChoiceTarget {
  group: { node: Node; alternative: string | null; optional: boolean } | null
  option: Node | null
  placeholder: Node | null
}

/** The bracket group and option at the selection's head. */
export function choiceTarget(state: EditorState): ChoiceTarget {
  const $head = state.selection.$head
  let group: ChoiceTarget['group'] = null
  let option: Node | null = null
  for (let d = $head.depth; d > 0; d--) {
    const node = $head.node(d)
    if (!group && node.type.name === 'bracket_group') {
      const child = d < $head.depth ? $head.node(d + 1) : null
      let alternatives = 0
      node.forEach((c) => {
        if (c.type.name === 'alternative') alternatives++
      })
      group = {
        node,
        alternative: child?.type.name === 'alternative' ? child.attrs.id : null,
        optional: alternatives === 1,
      }
    }
    if (!option && node.type.name === 'option') option = node
  }
  const selected = (state.selection as { node?: Node }).node
  const placeholder = [selected, $head.nodeAfter, $head.nodeBefore].find((n) => n?.type.name === 'placeholder') ?? null
  return { group, option, placeholder }
}
