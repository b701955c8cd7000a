/**
 * Accepting new alternative text: the text of a bracket group gains one more
 * alternative, as a ProseMirror transaction through the editor, so it syncs
 * like any edit and the co-chair's Yjs undo takes it back in one step.
 */
import type { EditorView } from 'prosemirror-view'
import { freshId } from '../../shared/document/fresh-id.ts'

/** Adds `[text]` as the last alternative of group `groupId`; returns the new alternative's id, or null when the text has no such group. */
export function insertAlternative(view: EditorView, groupId: string, text: string): string | null {
  const { state } = view
  let at: number | null = null
  let taken = new Set<string>()
  state.doc.descendants((node, pos) => {
    if (at !== null) return false
    if (node.type.name === 'bracket_group' && node.attrs.id === groupId) {
      at = pos + node.nodeSize - 1
      node.forEach((child) => {
        if (child.type.name === 'alternative') taken.add(child.attrs.id)
      })
      return false
    }
    return true
  })
  if (at === null) return null
  // The importer's ids run g39.1, g39.2 …: the next number reads naturally; a random id if someone took it.
  const next = `${groupId}.${taken.size + 1}`
  const id = taken.has(next) || idInUse(view, next) ? freshId(`${groupId}.`) : next
  const alternative = state.schema.nodes.alternative.create({ id }, text ? state.schema.text(text) : undefined)
  view.dispatch(state.tr.insert(at, alternative).scrollIntoView())
  return id
}

function idInUse(view: EditorView, id: string): boolean {
  let used = false
  view.state.doc.descendants((node) => {
    if (node.attrs.id === id) used = true
    return !used
  })
  return used
}
