/**
 * What a resolution can name, read straight from the text room's Yjs tree: every
 * bracket group with its alternatives, every spanning bracket's group, every option.
 * Judging a resolution needs no more than this, and reading it from the tree is several
 * times cheaper than converting the whole text to ProseMirror and indexing it.
 */
import * as Y from 'yjs'
import type { DocumentIndex, GroupInfo, OptionInfo } from '../model/document-index.ts'
import { textRoom } from './text-room.ts'

/** The part of a document's index that says which resolutions are valid. */
export type ResolvableNodes = Pick<DocumentIndex, 'groups' | 'options'>

/** The resolvable nodes of `ydoc`'s text. */
export function resolvableNodes(ydoc: Y.Doc): ResolvableNodes {
  const groups = new Map<string, GroupInfo>()
  const options = new Map<string, OptionInfo>()
  const group = (id: string): GroupInfo => {
    let info = groups.get(id)
    if (!info) groups.set(id, (info = { id, alternatives: [], option: null, section: null }))
    return info
  }
  // Iterative: the text nests without a depth limit.
  const stack: (Y.XmlFragment | Y.XmlElement)[] = [textRoom(ydoc).text]
  while (stack.length) {
    const node = stack.pop()!
    if (node instanceof Y.XmlElement) {
      const name = node.nodeName
      const id = node.getAttribute('id') as string | undefined
      if (name === 'bracket_group' && id) {
        const info = group(id)
        for (let child = node.firstChild; child; child = child.nextSibling) {
          const alt = child instanceof Y.XmlElement && child.nodeName === 'alternative' && child.getAttribute('id')
          if (alt) info.alternatives.push(alt as string)
        }
      } else if (name === 'bracket_start') {
        const id = node.getAttribute('group') as string | undefined
        const alt = node.getAttribute('alt') as string | undefined
        if (id && alt && !group(id).alternatives.includes(alt)) group(id).alternatives.push(alt)
      } else if (name === 'option' && id) {
        options.set(id, { id, section: null, number: '', requires: null } as OptionInfo)
      }
    }
    for (let child = node.firstChild; child; child = child.nextSibling)
      if (child instanceof Y.XmlElement) stack.push(child)
  }
  return { groups, options }
}
