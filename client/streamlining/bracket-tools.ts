/**
 * A co-chair's streamlining tools for the bracket at the caret, shown in the
 * choice bar: accept the chosen alternative (or the kept optional text) as
 * clean text, split a group of alternatives into separate brackets, regroup
 * it with the bracket that follows (`[five] [eight]` → `[five][eight]`).
 */
import type { Node } from 'prosemirror-model'
import type { EditorState } from 'prosemirror-state'
import { acceptBracketText, regroupBrackets, splitGroup } from '../../shared/streamline/index.ts'
import type { Streamliner } from './streamliner.ts'
import { button } from '../dom/element.ts'
import { nameNode } from '../../shared/naming/node-name.ts'
import { groupWords } from '../../shared/streamline/bracket-words.ts'

/** The buttons for bracket group `group` at the caret of `state`; `stored` is its resolution. */
export function bracketTools(
  state: EditorState,
  group: Node,
  optional: boolean,
  stored: string | undefined,
  streamline: Streamliner,
): HTMLButtonElement[] {
  const id: string = group.attrs.id
  const name = nameNode(state.doc, id)
  const out: HTMLButtonElement[] = []
  const acceptable = optional ? stored === 'kept' : !!stored
  if (acceptable) {
    const alt = optional ? undefined : stored
    out.push(
      tool(
        'Accept as clean text',
        `Accept the ${optional ? 'kept text' : 'chosen alternative'} of ${name} as clean text, removing its brackets`,
        () => streamline.take((s, o) => acceptBracketText(s, id, alt, o)),
      ),
    )
  }
  if (!optional)
    out.push(
      tool('Split group', `Split ${name} into separate brackets`, () =>
        streamline.take((s, o) => splitGroup(s, id, undefined, o)),
      ),
    )
  const next = followingGroup(state, id)
  if (next) {
    const text = groupWords(next)
    out.push(
      tool(`Regroup with ${text}`, `Regroup ${name} with the next bracket ${text} as alternatives`, () =>
        streamline.take((s, o) => regroupBrackets(s, id, next.attrs.id, o)),
      ),
    )
  }
  return out
}

/** The next bracket group in the same line after group `id` at the caret, if any. */
function followingGroup(state: EditorState, id: string): Node | null {
  const $head = state.selection.$head
  for (let d = $head.depth; d > 0; d--) {
    if ($head.node(d).attrs.id !== id) continue
    const parent = $head.node(d - 1)
    for (let i = $head.index(d - 1) + 1; i < parent.childCount; i++) {
      const child = parent.child(i)
      if (child.type.name === 'bracket_group') return child
    }
    return null
  }
  return null
}

function tool(text: string, label: string, action: () => void): HTMLButtonElement {
  return button(text, { class: 'streamline-tool', 'aria-label': label }, action)
}
