/**
 * What a resolution can name, read straight from the text room's Yjs tree: every
 * bracket group with its alternatives, every spanning bracket's group, every option
 * with its run (`option-runs.ts`: choosing one drops the others of its run). Judging a
 * resolution needs no more than this, and reading it from the tree is several times
 * cheaper than converting the whole text to ProseMirror and indexing it. It reads what
 * `indexDocument` reads, the same way (a test holds the two to each other).
 */
import * as Y from 'yjs'
import type { DocumentIndex, GroupInfo, OptionInfo } from '../model/document-index.ts'
import { runOf } from '../model/option-runs.ts'
import { textRoom } from './text-room.ts'

/** The part of a document's index that says which resolutions are valid. */
export type ResolvableNodes = Pick<DocumentIndex, 'groups' | 'options' | 'runs'>

/** The resolvable nodes of `ydoc`'s text. */
export function resolvableNodes(ydoc: Y.Doc): ResolvableNodes {
  const groups = new Map<string, GroupInfo>()
  const options = new Map<string, OptionInfo>()
  const runs = new Map<string, string[]>()
  const group = (id: string): GroupInfo => {
    let info = groups.get(id)
    if (!info) groups.set(id, (info = { id, alternatives: [], option: null, section: null }))
    return info
  }
  // The division the walk last entered, as the index reads it (sections do not nest).
  let section: string | null = null
  // Iterative, in document order (each node's children reversed on the stack): the text nests without a depth limit.
  const stack: (Y.XmlFragment | Y.XmlElement)[] = [textRoom(ydoc).text]
  while (stack.length) {
    const node = stack.pop()!
    if (node instanceof Y.XmlElement) {
      const name = node.nodeName
      const id = node.getAttribute('id') as string | undefined
      if (name === 'section' || name === 'article') section = id ?? null
      else if (name === 'bracket_group' && id) {
        const info = group(id)
        for (let child = node.firstChild; child; child = child.nextSibling) {
          const alt = child instanceof Y.XmlElement && child.nodeName === 'alternative' && child.getAttribute('id')
          if (alt) info.alternatives.push(alt as string)
        }
      } else if (name === 'bracket_start') {
        const id = node.getAttribute('group') as string | undefined
        const alt = node.getAttribute('alt') as string | undefined
        if (id && alt && !group(id).alternatives.includes(alt)) group(id).alternatives.push(alt)
      } else if (name === 'option' && id && !node.getAttribute('continues')) {
        // The rest of an option after a run nested in it (`continues`) is that option's, not one of its own.
        const run = runOf(node.getAttribute('run') as string | undefined, section)
        const parent = (node.getAttribute('parent') as string | undefined) ?? null
        options.set(id, { id, section, run, parent, number: '', requires: null })
        const members = runs.get(run)
        if (members) members.push(id)
        else runs.set(run, [id])
      }
    }
    const from = stack.length
    for (let child = node.firstChild; child; child = child.nextSibling)
      if (child instanceof Y.XmlElement) stack.push(child)
    for (let i = from, j = stack.length - 1; i < j; i++, j--) [stack[i], stack[j]] = [stack[j], stack[i]]
  }
  return { groups, options, runs }
}
