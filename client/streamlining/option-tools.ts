/**
 * A co-chair's streamlining tools on an option card: merge it into another
 * option of its section, move it up or down, delete it from the text, and
 * make it apply only with an option of another section (or unconditionally).
 * Each is one step through the `Streamliner`; options renumber themselves.
 */
import type { Node } from 'prosemirror-model'
import type { EditorView } from 'prosemirror-view'
import { dropOption, mergeOptions, moveOption, setApplicability } from '../../shared/streamline/index.ts'
import { optionName, optionNumber } from '../../shared/streamline/node-location.ts'
import type { Streamliner } from './streamliner.ts'
import { pickFrom, type Pick } from './pick-dialog.ts'
import { button, el } from '../dom/element.ts'

interface Sibling {
  id: string
  name: string
}

/** The tools for option `id`, as a toolbar to put in the card's header. */
export function optionTools(id: string, view: EditorView, streamline: Streamliner, nameOf: () => string): HTMLElement {
  const tool = (text: string, verb: string, action: () => void) => {
    const b = button(text, { class: `option-tool option-${verb}`, 'aria-label': `${text} ${nameOf()}` }, action)
    // Renumbering changes the option's name: the label follows when the button is reached.
    b.addEventListener('focus', () => b.setAttribute('aria-label', `${text} ${nameOf()}`))
    return b
  }
  const siblings = (): { before: Sibling[]; after: Sibling[] } => {
    const all = optionsBeside(view.state.doc, id)
    const i = all.findIndex((o) => o.id === id)
    return { before: all.slice(0, i), after: all.slice(i + 1) }
  }
  const merge = tool('Merge into…', 'merge', async () => {
    const { before, after } = siblings()
    const others = [...before, ...after]
    if (!others.length) return streamline.tell(`${nameOf()} is the only option of its section.`)
    const keep = await pickFrom(
      `Merge ${nameOf()} into…`,
      'The option you pick keeps its place and number; where the texts differ they become bracketed alternatives in it.',
      others.map((o) => ({ label: o.name, value: o.id })),
    )
    if (keep) streamline.take((s, o) => mergeOptions(s, keep, id, o))
  })
  const up = tool('Move up', 'move-up', () => {
    const { before } = siblings()
    if (before.length) streamline.take((s, o) => moveOption(s, id, before[before.length - 1].id, o))
  })
  const down = tool('Move down', 'move-down', () => {
    const { after } = siblings()
    if (after.length) streamline.take((s, o) => moveOption(s, id, after[1]?.id ?? null, o))
  })
  const remove = tool('Delete option', 'delete', () => streamline.take((s, o) => dropOption(s, id, o)))
  const applies = tool('Applies if…', 'applies', async () => {
    const choices: Pick[] = [
      { label: 'Always (remove the condition)', value: '' },
      ...optionsElsewhere(view.state.doc, id),
    ]
    const picked = await pickFrom(
      `When does ${nameOf()} apply?`,
      'It will read “(would only apply if option N for … above is selected)”.',
      choices,
    )
    if (picked === null) return
    const [sectionId, optionNumber] = picked.split('#')
    streamline.take((s, o) => setApplicability(s, id, picked ? { sectionId, optionNumber } : null, o))
  })
  return el('span', { class: 'option-tools', role: 'group' }, merge, up, down, remove, applies)
}

/** The options of the section (or article) that holds option `id`, in order, with their names. */
function optionsBeside(doc: Node, id: string): Sibling[] {
  let found: Sibling[] = []
  doc.descendants((node) => {
    if (found.length) return false
    if (node.type.name === 'option') return false
    const options: Sibling[] = []
    node.forEach((child) => {
      if (child.type.name === 'option') options.push({ id: child.attrs.id, name: optionName(child) })
    })
    if (options.some((o) => o.id === id)) found = options
    return true
  })
  return found
}

/** Every option of every other section, as applicability targets (`sectionId#number`). */
function optionsElsewhere(doc: Node, id: string): Pick[] {
  const out: Pick[] = []
  doc.descendants((node) => {
    if (node.type.name === 'option') return false
    const options: Node[] = []
    node.forEach((child) => {
      if (child.type.name === 'option') options.push(child)
    })
    if (!options.length || options.some((o) => o.attrs.id === id) || !node.attrs.id) return true
    const title = node.firstChild?.textContent.trim() || node.attrs.id
    for (const o of options)
      out.push({ label: `${optionName(o)} of ${title}`, value: `${node.attrs.id}#${optionNumber(o)}` })
    return true
  })
  return out
}
