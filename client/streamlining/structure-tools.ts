/**
 * Structure review in the choice bar, for co-chairs and the secretariat: what
 * no importer can know, corrected at the caret. In a paragraph of a division:
 * make it an option, or take it into the option just before it; in an option:
 * start an option here, end the option or its run here, read the option as
 * text; at a placeholder: read it as text. Each is one undoable, logged step
 * (`shared/streamline/option-structure.ts`, `placeholder-review.ts`).
 */
import type { Node } from 'prosemirror-model'
import type { EditorState } from 'prosemirror-state'
import type { CaretTarget } from '../editor/editor-feature.ts'
import { makeOption, markNotPlaceholder, setOptionEnd, setRunEnd, unmakeOption } from '../../shared/streamline/index.ts'
import { nameNode } from '../../shared/naming/node-name.ts'
import { optionName } from '../../shared/streamline/node-location.ts'
import { button, el } from '../dom/element.ts'
import type { Streamliner } from './streamliner.ts'

const CONTAINERS = new Set(['doc', 'article', 'section', 'option'])

/** The structure review tools for the caret of `target`. */
export function structureTools({ state, option, placeholder }: CaretTarget, streamline: Streamliner): HTMLElement[] {
  const out: HTMLButtonElement[] = []
  const tool = (text: string, label: string, action: () => void) =>
    out.push(button(text, { class: 'streamline-tool structure-tool', 'aria-label': label }, action))
  const $head = state.selection.$head
  // Where the caret is when the button is pressed: the bar is not redrawn for typing or for
  // a collaborator's edit elsewhere, which move the caret's position but not its paragraph.
  const at = (s: EditorState) => s.selection.head
  let depth = -1
  for (let d = $head.depth; d > 0 && depth < 0; d--)
    if (CONTAINERS.has($head.node(d - 1).type.name) && !CONTAINERS.has($head.node(d).type.name)) depth = d
  if (depth > 0) {
    const block = $head.node(depth)
    const container = $head.node(depth - 1)
    const index = $head.index(depth - 1)
    const where = opening(block)
    if (container.type.name === 'option') {
      const id: string = container.attrs.id
      const name = optionName(container)
      if (index > 0)
        tool('Option starts here', `Make ${where} the start of a new option`, () =>
          streamline.take((s, o) => makeOption(s, at(s), o)),
        )
      if (index < container.childCount - 1) {
        tool('Option ends here', `End ${name} with ${where}`, () =>
          streamline.take((s, o) => setOptionEnd(s, id, at(s), o)),
        )
      }
      if (index < container.childCount - 1 || laterInRun($head.node(depth - 2), container))
        tool('Run ends here', `End the run of ${name} with ${where}`, () =>
          streamline.take((s, o) => setRunEnd(s, id, at(s), o)),
        )
    } else if (block.type.name !== 'footnote' && !(block.type.name === 'heading' && index === 0)) {
      tool('Make option', `Make ${where} an option`, () => streamline.take((s, o) => makeOption(s, at(s), o)))
      const before = optionBefore(container, index)
      if (before)
        tool(`Into ${optionName(before)}`, `Take ${where} into ${optionName(before)}, ending it here`, () =>
          streamline.take((s, o) => setOptionEnd(s, before.attrs.id, at(s), o)),
        )
    }
  }
  if (option) {
    const id: string = option.attrs.id
    tool('Not an option', `Read ${optionName(option)} as text, not an option`, () =>
      streamline.take((s, o) => unmakeOption(s, id, o)),
    )
  }
  if (placeholder) {
    const id: string = placeholder.attrs.id
    tool('Not a placeholder', `Read ${nameNode(state.doc, id)} as text, not a placeholder`, () =>
      streamline.take((s, o) => markNotPlaceholder(s, id, o)),
    )
  }
  if (!out.length) return []
  return [
    el('span', { class: 'structure-tools', role: 'group', 'aria-label': 'Structure review' }, 'Structure:', ...out),
  ]
}

/** A paragraph by its opening words, for the buttons' names: `“Parties shall report …”`. */
function opening(block: Node): string {
  const words = block.textContent.replace(/\s+/g, ' ').trim()
  return words ? `“${words.length > 30 ? words.slice(0, 30).trimEnd() + '…' : words}”` : 'this paragraph'
}

/** The option just before child `index` of `container`, with only paragraphs between. */
function optionBefore(container: Node, index: number): Node | null {
  for (let i = index - 1; i >= 0; i--) {
    const child = container.child(i)
    if (child.type.name === 'option') return child
    if (CONTAINERS.has(child.type.name)) return null
  }
  return null
}

/** Whether an option of `option`'s run follows it in `parent`. */
function laterInRun(parent: Node, option: Node): boolean {
  let seen = false
  let later = false
  parent.forEach((child) => {
    if (child === option) seen = true
    else if (seen && child.type.name === 'option' && child.attrs.run === option.attrs.run) later = true
  })
  return later
}
