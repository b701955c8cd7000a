// Which changes make the Annex cells' plugin read its cells again: a keystroke outside every
// table only maps them; one inside a table, or content that brings a table with it, does not.
import { describe, expect, it } from 'vitest'
import { EditorState } from 'prosemirror-state'
import { Fragment, Slice, type Node } from 'prosemirror-model'
import { touchesTable } from '../../client/annex-cells/touches-table.ts'
import { templateDoc } from '../model/template-model.ts'

const state = EditorState.create({ doc: templateDoc })

// The position of the first node of which `test` holds.
function find(doc: Node, test: (node: Node) => boolean): number {
  let found: number | null = null
  doc.descendants((node, pos) => {
    if (found === null && test(node)) found = pos
    return found === null
  })
  if (found === null) throw new Error('no such node in the template')
  return found
}

describe('touchesTable', () => {
  it('typing in a paragraph does not touch a table', () => {
    const pos = find(templateDoc, (n) => n.type.name === 'paragraph' && n.textContent.length > 0)
    expect(touchesTable(state.tr.insertText('a', pos + 1))).toBe(false)
  })

  it('typing in a table cell does', () => {
    const pos = find(templateDoc, (n) => n.type.name === 'table_cell' && n.textContent.length > 0)
    expect(touchesTable(state.tr.insertText('1', pos + 1))).toBe(true)
  })

  it('inserting, far from every table, a block that holds one does', () => {
    const pos = find(templateDoc, (n) => n.type.name === 'table')
    // The top-level block the table is in, copied to the start of the text.
    const block = templateDoc.resolve(pos).node(1)
    expect(block.type.name).not.toBe('table')
    const tr = state.tr.insert(0, block.copy(block.content))
    expect(tr.docs[0].resolve(0).nodeAfter?.type.name).not.toBe('table')
    expect(touchesTable(tr)).toBe(true)
  })

  it('the first render, the whole text replacing an empty document, does', () => {
    const empty = EditorState.create({ schema: templateDoc.type.schema })
    const tr = empty.tr.replace(0, empty.doc.content.size, new Slice(Fragment.from(templateDoc.content), 0, 0))
    expect(touchesTable(tr)).toBe(true)
  })
})
