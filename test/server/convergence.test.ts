/**
 * Randomised convergence through the server, after Yjs's own test pattern: several
 * co-chairs make seeded random concurrent edits; every replica, a late joiner and a
 * reader after a restart on the same data folder end with the same state.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { documentText } from '../../server/documents/template.ts'
import {
  appendedParagraphs,
  appendParagraph,
  eventually,
  RawClient,
  startTestServer,
  tempDir,
  templateResolutions,
} from './server-fixture.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { seededRandom } from '../seeded-random.ts'

/** The paragraph every co-chair types into: the one the test appended to the text. */
function notesOf(doc: Y.Doc): Y.XmlText {
  const paragraph = textRoom(doc).text.get(textRoom(doc).text.length - 1) as Y.XmlElement
  return paragraph.get(0) as Y.XmlText
}

function randomEdit(doc: Y.Doc, rnd: () => number, who: number, n: number): void {
  const notes = notesOf(doc)
  const { resolutions } = textRoom(doc)
  const r = rnd()
  if (r < 0.5 || notes.length < 10) notes.insert(Math.floor(rnd() * (notes.length + 1)), `[${who}.${n}]`)
  else if (r < 0.7) notes.delete(Math.floor(rnd() * notes.length), Math.min(3, notes.length))
  else {
    const [id, value] = templateResolutions[Math.floor(rnd() * 8)]!
    if (rnd() < 0.3) resolutions.delete(id)
    else resolutions.set(id, value)
  }
}

describe('convergence', () => {
  it('converges five co-chairs making random concurrent edits, across a restart', async () => {
    const temp = tempDir()
    try {
      let t = await startTestServer({ dataDir: temp.dir, compactAfterRows: 50 })
      const clients = await Promise.all(
        [1, 2, 3, 4, 5].map(() => RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)),
      )
      appendParagraph(clients[0]!.doc, 'notes: ')
      await eventually(() => clients.every((c) => appendedParagraphs(c.doc).length === 1), 5000, 'the notes paragraph')
      const rnd = seededRandom(20091207)
      for (let round = 0; round < 20; round++) {
        // Each round, every client edits before any message is read: the edits are concurrent.
        clients.forEach((c, who) => {
          for (let k = 0; k < 3; k++) randomEdit(c.doc, rnd, who, round * 3 + k)
        })
        await new Promise((r) => setTimeout(r, rnd() * 5))
      }
      const same = () =>
        clients.every((c) =>
          Buffer.from(Y.encodeStateVector(c.doc)).equals(Buffer.from(Y.encodeStateVector(clients[0]!.doc))),
        )
      await eventually(same, 10_000, 'state vectors to converge')
      const notes = notesOf(clients[0]!.doc).toString()
      for (const c of clients) {
        // Every concurrent edit was a permitted one, judged on an update that builds on others' unseen work.
        expect(c.denials).toEqual([])
        expect(notesOf(c.doc).toString()).toBe(notes)
        expect(textRoom(c.doc).resolutions.toJSON()).toEqual(textRoom(clients[0]!.doc).resolutions.toJSON())
      }
      const late = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
      expect(notesOf(late.doc).toString()).toBe(notes)
      const text = documentText(late.doc)

      for (const c of [...clients, late]) c.close()
      await t.close()
      t = await startTestServer({ dataDir: temp.dir })
      const after = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
      expect(notesOf(after.doc).toString()).toBe(notes)
      expect(textRoom(after.doc).resolutions.toJSON()).toEqual(textRoom(clients[0]!.doc).resolutions.toJSON())
      expect(documentText(after.doc)).toBe(text)
      after.close()
      await t.close()
    } finally {
      temp.cleanup()
    }
  })
})
