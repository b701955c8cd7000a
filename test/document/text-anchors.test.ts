// Text offsets ↔ document positions ↔ Yjs relative positions, and ranges that follow their words.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { updateYFragment } from 'y-prosemirror'
import { relativePositionToAbsolutePosition } from 'y-prosemirror'
import type { Node } from 'prosemirror-model'
import { readNegotiationDoc, writeNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { PositionMapper } from '../../shared/document/relative-positions.ts'
import { anchoredRange, anchorRange } from '../../shared/document/text-anchor.ts'
import { importText } from '../../shared/import/index.ts'
import { serializeText } from '../../shared/serialize/plain.ts'
import { textPositions } from '../../shared/serialize/text-positions.ts'
import { template } from '../consolidate/template-fixture.ts'
import { randomNegotiationText, seededRandom } from '../import/random-text.ts'
import { textRoom } from '../../shared/document/text-room.ts'

const templateDoc = importText(template.text, { annotations: template.annotations }).doc

function roomWith(text: string): Y.Doc {
  const ydoc = new Y.Doc()
  writeNegotiationDoc(ydoc, importText(text).doc)
  return ydoc
}

// The same text edit on a room: the document rewritten by y-prosemirror's diffing writer.
function edit(ydoc: Y.Doc, change: (text: string) => string): void {
  const doc = importText(change(serializeText(readNegotiationDoc(ydoc)))).doc
  ydoc.transact(() => updateYFragment(ydoc, textRoom(ydoc).text, doc, { mapping: new Map(), isOMark: new Map() }))
}

function quoted(ydoc: Y.Doc, anchor: ReturnType<typeof anchorRange>): string | null {
  const range = anchoredRange(new PositionMapper(textRoom(ydoc).text), anchor)
  if (!range) return null
  const positions = textPositions(readNegotiationDoc(ydoc))
  return positions.text.slice(positions.offsetAt(range.from), positions.offsetAt(range.to))
}

function anchorWords(ydoc: Y.Doc, words: string) {
  const positions = textPositions(readNegotiationDoc(ydoc))
  const at = positions.text.indexOf(words)
  if (at < 0) throw new Error(`no "${words}"`)
  const range = positions.range(at, at + words.length)
  return anchorRange(new PositionMapper(textRoom(ydoc).text), range.from, range.to)
}

describe('text positions', () => {
  it('give the serializer’s text, and every range of words back as itself', () => {
    const docs: Node[] = [templateDoc]
    const random = seededRandom(13)
    for (let i = 0; i < 40; i++) docs.push(importText(randomNegotiationText(random)).doc)
    for (const doc of docs) {
      const positions = textPositions(doc)
      expect(positions.text).toBe(serializeText(doc))
      // Every text node's characters map onto themselves.
      const wrong: string[] = []
      doc.descendants((node, pos) => {
        if (!node.isText) return
        const offset = positions.offsetAt(pos)
        const range = positions.range(offset, offset + node.text!.length)
        if (
          positions.text.slice(offset, offset + node.text!.length) !== node.text ||
          range.from !== pos ||
          range.to !== pos + node.text!.length
        )
          wrong.push(`${node.text} at ${pos}`)
      })
      expect(wrong).toEqual([])
    }
  })
})

describe('relative positions', () => {
  it('resolve to the position they were made from, as y-prosemirror resolves them', () => {
    const ydoc = new Y.Doc()
    const fragment = textRoom(ydoc).text
    const mapping = new Map()
    ydoc.transact(() => updateYFragment(ydoc, fragment, templateDoc, { mapping, isOMark: new Map() }))
    const mapper = new PositionMapper(fragment)
    const wrong: number[] = []
    for (let pos = 0; pos <= templateDoc.content.size; pos += 13) {
      for (const assoc of [0, -1]) {
        const rel = mapper.toRelative(pos, assoc)
        if (mapper.toAbsolute(rel) !== pos || relativePositionToAbsolutePosition(ydoc, fragment, rel, mapping) !== pos)
          wrong.push(pos)
      }
    }
    expect(wrong).toEqual([])
  })

  it('keep a range on its words while another replica edits around and inside it', () => {
    const text = 'Option 1: The Parties [shall][should] reduce emissions by X per cent.\n\nNext paragraph.\n'
    const a = roomWith(text)
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const anchor = anchorWords(a, 'reduce emissions')
    const point = anchorWords(a, 'Next')
    // B types before, right after and inside the range, concurrently with A typing after it.
    edit(b, (t) => t.replace('The Parties', 'All the Parties').replace('reduce emissions', 'reduce their emissions'))
    edit(a, (t) => t.replace('by X', 'together by X'))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(serializeText(readNegotiationDoc(a))).toBe(serializeText(readNegotiationDoc(b)))
    expect(quoted(a, anchor)).toBe('reduce their emissions')
    expect(quoted(b, anchor)).toBe('reduce their emissions')
    expect(quoted(b, point)).toBe('Next')
    // Typing right before and right after the range stays outside it (one keystroke run at a time,
    // as an editor sends them: the diffing writer replaces what lies between two changed places).
    edit(a, (t) => t.replace('reduce their', 'to reduce their'))
    edit(a, (t) => t.replace('their emissions', 'their emissions now'))
    expect(quoted(a, anchor)).toBe('reduce their emissions')
    // Deleting the words leaves an empty range where they were; deleting the paragraph orphans it.
    edit(b, (t) => t.replace('Next paragraph.', 'paragraph.'))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    expect(quoted(a, point)).toBe('')
    edit(a, (t) => t.replace('\n\nparagraph.', ''))
    expect(quoted(a, point)).toBeNull()
  })
})
