// y-prosemirror as patched (patches/y-prosemirror+1.3.7.patch): writing a keystroke to the
// Y.Doc reads the texts along the change, not every unchanged text before it in the changed
// ancestors (unpatched: 1,003 reads for a section of 443 texts), and the Y.Doc still holds
// exactly the new document.
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import { EditorState } from 'prosemirror-state'
import { templateDoc } from '../model/template-model.ts'

describe('y-prosemirror writing a keystroke', () => {
  afterEach(() => vi.restoreAllMocks())

  it('reads a tenth of the changed section at most, and the Y.Doc holds the new document', () => {
    const ydoc = new Y.Doc()
    const fragment = ydoc.getXmlFragment('text')
    const meta = { mapping: new Map(), isOMark: new Map() }
    updateYFragment(ydoc, fragment, templateDoc, meta)

    // A character typed at the end of the last text of the top-level node with the most texts.
    let biggest = { texts: 0, end: -1 }
    templateDoc.forEach((child, offset) => {
      let texts = 0
      let end = -1
      child.descendants((node, pos) => void (node.isText && (texts++, (end = offset + 1 + pos + node.nodeSize))))
      if (texts > biggest.texts) biggest = { texts, end }
    })
    expect(biggest.texts).toBeGreaterThan(100)
    const next = EditorState.create({ doc: templateDoc }).tr.insertText('r', biggest.end).doc
    const reads = vi.spyOn(Y.XmlText.prototype, 'toDelta')
    updateYFragment(ydoc, fragment, next, meta)

    expect(reads.mock.calls.length).toBeLessThan(biggest.texts / 10)
    expect(yXmlFragmentToProseMirrorRootNode(fragment, templateDoc.type.schema).eq(next)).toBe(true)
  })
})
