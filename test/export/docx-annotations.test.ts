// Word out with comments and tracked changes, Word in: the DOCX export of the text as negotiated
// carries each comment thread (author, initials, date, replies, done) over the range of its words
// and each pending change as a tracked insertion or deletion; the Word reader reads back the same
// comments, on the same words, for the same Parties, and the same changes — on a small text and on
// the corpus working file.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CommentRegister } from '../../shared/comments/comment-register.ts'
import { readNegotiationDoc, writeNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { seedNegotiationDocFromDocx } from '../../shared/document/docx-document.ts'
import { PositionMapper, storePosition } from '../../shared/document/relative-positions.ts'
import { anchorRange } from '../../shared/document/text-anchor.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { readDocx, type DocxReading } from '../../shared/docx/index.ts'
import { importText } from '../../shared/import/index.ts'
import { EMPTY_SCENARIO } from '../../shared/model/scenario.ts'
import { changeAuthor } from '../../shared/pending-changes/decision-log.ts'
import { suggestChange } from '../../shared/pending-changes/suggest.ts'
import { textPositions } from '../../shared/serialize/text-positions.ts'
import { annotationsOf, initialsOf, type DocxAnnotations } from '../../server/export/docx-annotations.ts'
import { exportDocument } from '../../server/export/index.ts'
import { readPartyTable, readRoster } from '../../server/templates/read-template.ts'
import { readSpeaker } from '../../shared/parties/speaker.ts'
import { cma6Docx } from '../corpus.ts'

const parties = readPartyTable()
const roster = readRoster()

/** The rooms' text exported as negotiated with its annotations, and read back by the Word reader. */
async function wordRoundTrip(rooms: { text: Y.Doc; proposals: Y.Doc }): Promise<{
  annotations: DocxAnnotations
  words: (range: { from: number; to: number }) => string
  back: DocxReading
}> {
  const doc = readNegotiationDoc(rooms.text)
  const annotations = annotationsOf(rooms.text, rooms.proposals, roster)
  const file = await exportDocument({
    doc,
    scenario: EMPTY_SCENARIO,
    bindings: {},
    parties,
    format: 'docx',
    consolidated: false,
    annotations,
  })
  const positions = textPositions(doc)
  const words = (r: { from: number; to: number }) =>
    positions.text.slice(positions.offsetAt(r.from), positions.offsetAt(r.to)).replace(/^\n+|\n+$/g, '')
  return { annotations, words, back: await readDocx(file.bytes) }
}

/** Every exported comment beside the one read back (Word ids run in the export's order). */
function expectSameComments(trip: Awaited<ReturnType<typeof wordRoundTrip>>): void {
  const { annotations, words, back } = trip
  const sent = annotations.threads.flatMap((t) => [
    { comment: t.comment, range: t.range, parent: undefined as number | undefined, done: !!t.comment.resolved },
    ...t.replies.map((r) => ({ comment: r, range: t.range, parent: 0, done: !!t.comment.resolved })),
  ])
  expect(back.comments).toHaveLength(sent.length)
  let first = 0
  sent.forEach((s, i) => {
    const read = back.comments[i]
    const author = s.comment.source === 'word' ? s.comment.recordedBy : s.comment.by
    expect([read.author, read.initials]).toEqual([author, initialsOf(author!)])
    expect(readSpeaker(read.body, roster).speaker).toEqual(s.comment.for)
    expect(read.body.endsWith(s.comment.body), `${read.body} | ${s.comment.body}`).toBe(true)
    expect(read.done).toBe(s.done)
    if (s.parent === undefined) {
      first = i
      expect(read.parentId).toBeUndefined()
      expect(read.quote.trim()).toBe(words(s.range).trim())
    } else expect(read.parentId).toBe(back.comments[first].id)
  })
}

describe('Word out with comments and tracked changes, Word in', () => {
  it('a small text: threads, replies, a resolved thread, suggestions', async () => {
    const text = new Y.Doc()
    writeNegotiationDoc(
      text,
      importText('The Parties [shall][should] reduce emissions by X per cent.\n\nSecond paragraph.\n').doc,
    )
    const proposals = new Y.Doc()
    const positions = () => textPositions(readNegotiationDoc(text))
    const anchorOf = (w: string) => {
      const p = positions()
      const at = p.text.indexOf(w)
      const r = p.range(at, at + w.length)
      return anchorRange(new PositionMapper(textRoom(text).text), r.from, r.to)
    }
    const norway = new CommentRegister(proposals, { username: 'ana', role: 'delegation', party: 'Norway' }, roster)
    const chair = new CommentRegister(proposals, { username: 'chair', role: 'co-chair' }, roster)
    const thread = norway.comment(anchorOf('reduce emissions'), 'reduce emissions', 'too vague', {
      kind: 'party',
      name: 'Norway',
    })
    chair.reply(thread.id, 'We will ask the Parties.', null)
    const done = chair.comment(anchorOf('Second'), 'Second', 'Check the numbering.', null)
    chair.resolve(done.id)
    const at = storePosition(new PositionMapper(textRoom(text).text).toRelative(positions().range(46, 46).from, 0))
    suggestChange(
      text,
      { insert: { at, text: 'at least ' }, delete: anchorOf(' per cent') },
      { by: 'ana', party: 'Norway', at: '2024-11-20T10:00:00.000Z' },
    )

    const trip = await wordRoundTrip({ text, proposals })
    expectSameComments(trip)
    expect(trip.back.comments.map((c) => c.body)).toEqual([
      'Norway: too vague',
      'We will ask the Parties.',
      'Check the numbering.',
    ])
    expect(trip.back.comments[0].date).toBe(thread.at)
    expect(trip.back.changes.map((c) => [c.kind, c.text, c.author, c.date])).toEqual([
      ['insertion', 'at least ', 'Norway (ana)', '2024-11-20T10:00:00.000Z'],
      ['deletion', ' per cent', 'Norway (ana)', '2024-11-20T10:00:00.000Z'],
    ])
  })

  it(
    'the CMA 6 Article 6.2 working file: every comment on the same words, every tracked change',
    { timeout: 60_000 },
    async () => {
      const rooms = { text: new Y.Doc(), proposals: new Y.Doc() }
      seedNegotiationDocFromDocx(rooms, await readDocx(new Uint8Array(readFileSync(cma6Docx))), {
        by: 'secretariat',
        at: '2024-11-20T00:00:00Z',
        roster,
      })
      const trip = await wordRoundTrip(rooms)
      expect(trip.annotations.threads.length + trip.annotations.threads.reduce((n, t) => n + t.replies.length, 0)).toBe(
        95,
      )
      expectSameComments(trip)
      const key = (c: { kind: string; text: string; author: string }) => `${c.kind} ${c.author} “${c.text}”`
      expect(trip.back.changes.map(key).sort()).toEqual(
        trip.annotations.changes.map((c) => key({ ...c.change, author: changeAuthor(c.change) })).sort(),
      )
    },
  )
})
