/**
 * Randomised convergence through the server, after Yjs's own test pattern: several
 * co-chairs make seeded random concurrent edits; every replica, a late joiner and a
 * reader after a restart on the same data folder end with the same state.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { documentText } from '../../server/documents/template.ts'
import { eventually, RawClient, startTestServer, tempDir } from './server-fixture.ts'
import { seededRandom } from '../seeded-random.ts'

function randomEdit(doc: Y.Doc, rnd: () => number, who: number, n: number): void {
  const notes = doc.getText('notes')
  const resolutions = doc.getMap('resolutions')
  const r = rnd()
  if (r < 0.5 || notes.length === 0) notes.insert(Math.floor(rnd() * (notes.length + 1)), `[${who}.${n}]`)
  else if (r < 0.7) notes.delete(Math.floor(rnd() * notes.length), Math.min(3, notes.length))
  else resolutions.set(`bracket-${Math.floor(rnd() * 8)}`, { alternative: Math.floor(rnd() * 3), by: who })
}

describe('convergence', () => {
  it('converges five co-chairs making random concurrent edits, across a restart', async () => {
    const temp = tempDir()
    try {
      let t = await startTestServer({ dataDir: temp.dir, compactAfterRows: 50 })
      const clients = await Promise.all(
        [1, 2, 3, 4, 5].map(() => RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)),
      )
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
      const notes = clients[0]!.doc.getText('notes').toString()
      for (const c of clients) {
        expect(c.doc.getText('notes').toString()).toBe(notes)
        expect(c.doc.getMap('resolutions').toJSON()).toEqual(clients[0]!.doc.getMap('resolutions').toJSON())
      }
      const late = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
      expect(late.doc.getText('notes').toString()).toBe(notes)
      const text = documentText(late.doc)

      for (const c of [...clients, late]) c.close()
      await t.close()
      t = await startTestServer({ dataDir: temp.dir })
      const after = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
      expect(after.doc.getText('notes').toString()).toBe(notes)
      expect(after.doc.getMap('resolutions').toJSON()).toEqual(clients[0]!.doc.getMap('resolutions').toJSON())
      expect(documentText(after.doc)).toBe(text)
      after.close()
      await t.close()
    } finally {
      temp.cleanup()
    }
  })
})
