/**
 * A room's life in memory: joiners are answered from the room's step cache and end
 * exactly at the server's state; an empty room stays loaded for its grace period, then
 * unloads, and the next joiner gets the full state back from the store.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { documentText } from '../../server/documents/template.ts'
import { appendedParagraphs, appendParagraph, eventually, RawClient, startTestServer } from './server-fixture.ts'

const sameState = (a: Y.Doc, b: Y.Doc) => {
  expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b))
  expect(documentText(a)).toBe(documentText(b))
  expect(appendedParagraphs(a)).toEqual(appendedParagraphs(b))
}

describe('room lifecycle', () => {
  it('answers joiners from the step cache with exactly the server state, under concurrent edits', async () => {
    const t = await startTestServer()
    try {
      const writers = await Promise.all(
        [0, 1, 2].map(() => RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)),
      )
      const room = t.server.services.rooms.get('non-paper')!
      const joiners: RawClient[] = []
      let sent = 0
      for (let round = 0; round < 4; round++) {
        // More updates than the cache keeps unmerged, from three writers at once, between joins.
        for (let i = 0; i < 10; i++)
          for (const [w, writer] of writers.entries()) {
            appendParagraph(writer.doc, `w${w}-r${round}-${i}`)
            sent++
          }
        // Joiners arrive while those edits are still being committed and relayed.
        joiners.push(
          ...(await Promise.all([0, 1].map(() => RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)))),
        )
      }
      expect(room.stepCache.bytes).toBeGreaterThan(0)
      const everyone = [...writers, ...joiners]
      await eventually(
        () => everyone.every((client) => appendedParagraphs(client.doc).length === sent),
        10_000,
        'every edit everywhere',
      )
      t.server.services.rooms.relay.flush()
      for (const client of everyone) sameState(client.doc, room.doc)
      // A joiner after the edits stopped: the cache alone brings it to the server's state,
      // already complete when it takes the step 2 (the tail is not left to arrive after).
      expect(room.stepCache.tailLength).toBeGreaterThan(0)
      const last = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
      expect(last.stateAtSync).toEqual(Y.encodeStateVector(room.doc))
      sameState(last.doc, room.doc)
      for (const client of [...everyone, last]) client.close()
    } finally {
      await t.close()
    }
  })

  it('unloads a room after its last client leaves and the grace period ends; the next joiner gets the full state', async () => {
    const unloaded: string[] = []
    const t = await startTestServer({ unloadAfterMs: 300 })
    try {
      const rooms = t.server.services.rooms
      rooms.onUnload((name) => unloaded.push(name))
      const writer = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
      for (let i = 0; i < 20; i++) appendParagraph(writer.doc, `kept-${i}`)
      const reader = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
      await eventually(() => appendedParagraphs(reader.doc).length === 20, 5000, 'edits relayed')
      const first = rooms.get('non-paper')!
      writer.close()
      reader.close()
      await eventually(() => first.members.size === 0, 5000, 'both sockets gone')
      // Within the grace period the room stays; a joiner in it keeps the same room.
      expect(rooms.get('non-paper')).toBe(first)
      const passer = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
      expect(rooms.get('non-paper')).toBe(first)
      passer.close()
      await eventually(() => unloaded.includes('non-paper'), 5000, 'room unloaded')
      expect(rooms.get('non-paper')).toBeUndefined()
      expect(rooms.size).toBe(0)
      // Reloaded from the SQLite file on the next join, whole.
      const back = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
      const reloaded = rooms.get('non-paper')!
      expect(reloaded).not.toBe(first)
      expect(appendedParagraphs(back.doc)).toEqual(appendedParagraphs(writer.doc))
      sameState(back.doc, writer.doc)
      sameState(back.doc, reloaded.doc)
      back.close()
    } finally {
      await t.close()
    }
  })
})
