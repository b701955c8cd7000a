// A Word document into the two rooms: text, pending changes and comments on the same words,
// and deciding tracked changes on real Y.Docs.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { updateYFragment } from 'y-prosemirror'
import { commentThreads, type Comment } from '../../shared/comments/comment.ts'
import { seedNegotiationDocFromDocx } from '../../shared/document/docx-document.ts'
import { negotiationDocText, readNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { PositionMapper } from '../../shared/document/relative-positions.ts'
import { anchoredRange } from '../../shared/document/text-anchor.ts'
import { readDocx } from '../../shared/docx/index.ts'
import { importText } from '../../shared/import/index.ts'
import { decidePendingChange, pendingSpans } from '../../shared/pending-changes/decide.ts'
import { serializeText } from '../../shared/serialize/plain.ts'
import { textPositions } from '../../shared/serialize/text-positions.ts'
import { cma6Docx as corpusDocx, cma6ImportCounts } from '../corpus.ts'
import { comment, commented, del, docx, ins, p, r } from '../docx/docx-builder.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { proposalsRoom } from '../../shared/document/proposals-room.ts'
import { readRoster } from '../../server/templates/read-template.ts'

const signature = { by: 'secretariat', at: '2024-12-01T09:00:00.000Z', roster: readRoster() }

async function imported(bytes: Uint8Array) {
  const reading = await readDocx(bytes)
  const rooms = { text: new Y.Doc(), proposals: new Y.Doc() }
  const result = seedNegotiationDocFromDocx(rooms, reading, signature)
  return { reading, rooms, ...result }
}

// The words of the text room a range covers now (`positions` of the present text, when already at hand).
function wordsAt(
  text: Y.Doc,
  range: { from: number; to: number } | null,
  positions = textPositions(readNegotiationDoc(text)),
): string | null {
  if (!range) return null
  return positions.text.slice(positions.offsetAt(range.from), positions.offsetAt(range.to))
}

const mapper = (text: Y.Doc) => new PositionMapper(textRoom(text).text)

describe('a Word document in the rooms', () => {
  it('puts the corpus file’s text, 91 pending changes and 95 comments on their words', async () => {
    const { reading, rooms, counts } = await imported(readFileSync(corpusDocx))
    expect(counts).toEqual(cma6ImportCounts)
    expect(negotiationDocText(rooms.text)).toBe(reading.text)
    const positions = textPositions(readNegotiationDoc(rooms.text))
    const spans = pendingSpans(rooms.text)
    expect(spans).toHaveLength(91)
    expect(spans.filter((s) => wordsAt(rooms.text, s.range, positions) !== s.change.text)).toEqual([])
    const comments = proposalsRoom(rooms.proposals).comments.toJSON() as Record<string, Comment>
    const threads = commentThreads(comments)
    expect([Object.keys(comments).length, threads.length]).toEqual([95, 86])
    const m = mapper(rooms.text)
    expect(
      threads.filter((t) => wordsAt(rooms.text, anchoredRange(m, t.comment.anchor!), positions) !== t.comment.quote),
    ).toEqual([])
    expect(comments['word-3']).toMatchObject({
      for: { kind: 'party', name: 'Norway' },
      recordedBy: 'Barbara Ratusznik',
      by: 'secretariat',
      source: 'word',
      at: '2024-11-18T20:52:00Z',
      quote: 'approach',
    })
    expect(threads.find((t) => t.comment.id === 'word-95')!.replies.map((c) => c.id)).toEqual([
      'word-96',
      'word-97',
      'word-98',
      'word-99',
      'word-100',
    ])
  })

  it('accepts and rejects tracked changes: accepting writes the change, rejecting restores the text', async () => {
    const bytes = await docx(
      p(
        r('The Parties '),
        del(1, 'Ana', 'shall'),
        ins(2, 'Ben', r('should')),
        r(' reduce '),
        ins(3, 'Ben', r('their ')),
        r('emissions.'),
      ),
    )
    const { rooms } = await imported(bytes)
    expect(negotiationDocText(rooms.text)).toBe('The Parties shallshould reduce their emissions.')
    expect(decidePendingChange(rooms.text, 'word-del-1', true, { by: 'cochair', at: 'now' })).toMatchObject([
      { status: 'accepted', decision: { by: 'cochair' } },
    ])
    expect(decidePendingChange(rooms.text, 'word-ins-2', true, { by: 'cochair', at: 'now' })).toMatchObject([
      { status: 'accepted' },
    ])
    expect(decidePendingChange(rooms.text, 'word-ins-3', false, { by: 'cochair', at: 'now' })).toMatchObject([
      { status: 'rejected' },
    ])
    expect(negotiationDocText(rooms.text)).toBe('The Parties should reduce emissions.')
    expect(pendingSpans(rooms.text)).toEqual([])
    expect(decidePendingChange(rooms.text, 'word-del-1', false, { by: 'cochair', at: 'now' })).toEqual({
      refused: 'the change is already accepted',
    })
    // Rejecting a deletion keeps the words and only signs the record.
    const again = await imported(bytes)
    const base = Y.encodeStateAsUpdate(again.rooms.text)
    const before = Y.encodeStateVector(again.rooms.text)
    decidePendingChange(again.rooms.text, 'word-del-1', false, { by: 'cochair', at: 'now' })
    const update = Y.encodeStateAsUpdate(again.rooms.text, before)
    expect(negotiationDocText(again.rooms.text)).toBe('The Parties shallshould reduce their emissions.')
    expect(textRoom(again.rooms.text).pendingChanges.get('word-del-1')?.status).toBe('rejected')
    // The update carries the signed record only: no text was written.
    const probe = new Y.Doc()
    Y.applyUpdate(probe, base)
    let textChanged = false
    textRoom(probe).text.observeDeep(() => (textChanged = true))
    Y.applyUpdate(probe, update)
    expect([textChanged, textRoom(probe).pendingChanges.get('word-del-1')?.status]).toEqual([false, 'rejected'])
  })

  it('decides both halves of a move at once, on the corpus file too', async () => {
    const moved = await docx(
      p(
        r('First '),
        `<w:moveFromRangeStart w:id="5" w:name="m1"/><w:moveFrom w:id="6" w:author="Ana">${r('moved ')}</w:moveFrom><w:moveFromRangeEnd w:id="5"/>`,
        r('text.'),
      ) +
        p(
          r('Second '),
          `<w:moveToRangeStart w:id="7" w:name="m1"/><w:moveTo w:id="8" w:author="Ana">${r('moved ')}</w:moveTo><w:moveToRangeEnd w:id="7"/>`,
          r('text.'),
        ),
    )
    const accepted = await imported(moved)
    expect(decidePendingChange(accepted.rooms.text, 'word-ins-8', true, { by: 'c', at: 'now' })).toHaveLength(2)
    expect(negotiationDocText(accepted.rooms.text)).toBe('First text.\n\nSecond moved text.')
    const rejected = await imported(moved)
    decidePendingChange(rejected.rooms.text, 'word-del-6', false, { by: 'c', at: 'now' })
    expect(negotiationDocText(rejected.rooms.text)).toBe('First moved text.\n\nSecond text.')
    // The corpus: table 1's "Reported year" + inserted "B"; accepting keeps it, rejecting removes it.
    const corpus = await imported(readFileSync(corpusDocx))
    decidePendingChange(corpus.rooms.text, 'word-ins-102', false, { by: 'c', at: 'now' })
    expect(negotiationDocText(corpus.rooms.text)).toContain('Reported year\tYear')
    expect(pendingSpans(corpus.rooms.text)).toHaveLength(90)
  })

  it('keeps a comment on its words while another replica edits the paragraph', async () => {
    const bytes = await docx(p(r('Decides that a '), commented(1, r('cooperative approach')), r(' is voluntary.')), {
      comments: comment(1, 'Ana', 'Pakistan: not supported'),
    })
    const { rooms } = await imported(bytes)
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(rooms.text))
    const doc = importText(
      serializeText(readNegotiationDoc(other)).replace('Decides that a', 'Also decides that a'),
    ).doc
    other.transact(() => updateYFragment(other, textRoom(other).text, doc, { mapping: new Map(), isOMark: new Map() }))
    Y.applyUpdate(rooms.text, Y.encodeStateAsUpdate(other))
    const c = proposalsRoom(rooms.proposals).comments.get('word-1')!
    expect(wordsAt(rooms.text, anchoredRange(mapper(rooms.text), c.anchor!))).toBe('cooperative approach')
    expect(negotiationDocText(rooms.text)).toBe('Also decides that a cooperative approach is voluntary.')
  })
})
