/**
 * Durability: what the server relayed survives SIGKILL of the server process, and
 * compaction leaves content identical.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { textRoom } from '../../shared/document/text-room.ts'
import * as Y from 'yjs'
import { openStore, closeStore } from '../../server/store/database.ts'
import { UpdateLog } from '../../server/store/update-log.ts'
import { documentText } from '../../server/documents/template.ts'
import {
  eventually,
  login,
  RawClient,
  secretariatPassword,
  serveChild,
  startTestServer,
  tempDir,
  appendParagraph,
  appendedParagraphs,
} from './server-fixture.ts'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

/** A server process on a fresh data folder, with a writer and a reader of the template as the secretariat. */
async function serveWithPair() {
  const temp = tempDir()
  cleanups.push(temp.cleanup)
  const first = await serveChild(temp.dir)
  const token = await login(first.url, 'secretariat', secretariatPassword)
  const syncUrl = first.url.replace('http', 'ws') + '/sync'
  const writer = await RawClient.connect(syncUrl, 'non-paper', token)
  const reader = await RawClient.connect(syncUrl, 'non-paper', token)
  return { temp, first, writer, reader }
}

describe('durability', () => {
  // Child processes start slowly on a loaded machine: these tests get a minute.
  it('keeps every relayed update after the server process is SIGKILLed mid-stream', { timeout: 60_000 }, async () => {
    const { temp, first, writer, reader: receiver } = await serveWithPair()
    // Kill the server from inside the receiver's update handler, the instant it has seen
    // 150 relayed edits, while the writer is still streaming.
    let relayedAtKill: string[] | undefined
    let appended = 0
    textRoom(receiver.doc).text.observe((event) => {
      appended += event.changes.added.size
      if (!relayedAtKill && appended >= 150) {
        relayedAtKill = appendedParagraphs(receiver.doc)
        first.child.kill('SIGKILL')
      }
    })
    for (let i = 0; i < 400 && !relayedAtKill; i++) {
      appendParagraph(writer.doc, `edit-${i}`)
      if (i % 5 === 4) await new Promise((r) => setTimeout(r, 1))
    }
    await eventually(() => relayedAtKill !== undefined, 10_000, 'kill')
    await new Promise<void>((resolve) =>
      first.child.exitCode !== null ? resolve() : first.child.once('exit', () => resolve()),
    )

    const second = await serveChild(temp.dir)
    const token2 = await login(second.url, 'secretariat', secretariatPassword)
    const reader = await RawClient.connect(second.url.replace('http', 'ws') + '/sync', 'non-paper', token2)
    const restored = new Set(appendedParagraphs(reader.doc))
    expect(relayedAtKill!.length).toBeGreaterThanOrEqual(150)
    for (const edit of relayedAtKill!) expect(restored.has(edit)).toBe(true)
    // The template text came back whole as well.
    expect(reader.doc.getXmlFragment('text').length).toBeGreaterThan(0)
    for (const c of [writer, receiver, reader]) c.close()
  })

  it(
    'shuts down gracefully on SIGTERM: sockets closed with a reason, log compacted, exit 0',
    { timeout: 60_000 },
    async () => {
      const { temp, first, writer, reader } = await serveWithPair()
      for (let i = 0; i < 30; i++) appendParagraph(writer.doc, `k${i}`)
      await eventually(() => appendedParagraphs(reader.doc).length === 30, 5000, 'relay')
      const exit = new Promise<number | null>((resolve) => first.child.once('exit', (code) => resolve(code)))
      first.child.kill('SIGTERM')
      expect(await exit).toBe(0)
      await eventually(() => reader.closed !== undefined, 5000, 'close')
      expect(reader.closed).toEqual({ code: 1001, reason: 'server shutting down' })

      const second = await serveChild(temp.dir)
      const token2 = await login(second.url, 'secretariat', secretariatPassword)
      const summary = await fetch(second.url + '/api/documents/non-paper', {
        headers: { authorization: `Bearer ${token2}` },
      })
      expect((await summary.json()).storage.rows).toBe(1)
      const again = await RawClient.connect(second.url.replace('http', 'ws') + '/sync', 'non-paper', token2)
      expect(appendedParagraphs(again.doc)).toHaveLength(30)
      again.close()
    },
  )

  it('compacts a log into one row with identical content', () => {
    const temp = tempDir()
    cleanups.push(temp.cleanup)
    const db = openStore(temp.dir)
    const log = new UpdateLog(db)
    const source = new Y.Doc()
    source.on('update', (update: Uint8Array) => log.append('doc-a', update))
    const text = source.getText('t')
    for (let i = 0; i < 500; i++) {
      text.insert(Math.floor((i * 7919) % (text.length + 1)), `w${i} `)
      if (i % 3 === 0 && text.length > 5) text.delete(i % text.length > 2 ? 2 : 0, 2)
      source.getMap('resolutions').set(`k${i % 17}`, i)
    }
    log.append('doc-b', Y.encodeStateAsUpdate(new Y.Doc()))
    const before = new Y.Doc()
    log.loadInto('doc-a', before)
    expect(log.size('doc-a').rows).toBeGreaterThan(500)
    const result = log.compact('doc-a')
    expect(result.rowsBefore).toBeGreaterThan(500)
    expect(log.size('doc-a').rows).toBe(1)
    expect(log.size('doc-b').rows).toBe(1)
    const after = new Y.Doc()
    log.loadInto('doc-a', after)
    expect(after.getText('t').toString()).toBe(source.getText('t').toString())
    expect(after.getMap('resolutions').toJSON()).toEqual(source.getMap('resolutions').toJSON())
    expect(Y.encodeStateVector(after)).toEqual(Y.encodeStateVector(source))
    expect(Y.encodeStateAsUpdate(after)).toEqual(Y.encodeStateAsUpdate(before))
    closeStore(db)
  })

  it('compacts rooms of a running server without changing what clients see', async () => {
    const t = await startTestServer({ compactAfterRows: 25 })
    try {
      const a = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
      for (let i = 0; i < 100; i++) {
        appendParagraph(a.doc, `r${i}`)
        await new Promise((r) => setImmediate(r))
      }
      const textBefore = documentText(a.doc)
      const b = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
      await eventually(() => appendedParagraphs(b.doc).length === 100, 5000, 'all edits')
      t.server.services.rooms.compactChanged()
      expect(t.server.services.updates.size('non-paper').rows).toBe(1)
      a.close()
      b.close()
      await eventually(() => t.server.services.rooms.size === 0, 5000, 'room unloaded')
      const c = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
      expect(appendedParagraphs(c.doc)).toEqual(appendedParagraphs(a.doc))
      expect(documentText(c.doc)).toBe(textBefore)
      expect(Y.encodeStateVector(c.doc)).toEqual(Y.encodeStateVector(a.doc))
      c.close()
    } finally {
      await t.close()
    }
  })

  it('never relays an update whose append failed; the room is dropped and its sockets closed with 1011', async () => {
    const t = await startTestServer()
    try {
      const writer = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
      const reader = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
      t.server.services.store.close() // the disk goes away
      appendParagraph(writer.doc, 'unstored')
      await eventually(() => reader.closed !== undefined && writer.closed !== undefined, 5000, 'closes')
      expect(reader.closed!.code).toBe(1011)
      expect(appendedParagraphs(reader.doc)).toEqual([])
      expect(t.server.services.rooms.get('non-paper')).toBeUndefined()
    } finally {
      await t.close()
    }
  })

  it('relays an update only after the transaction holding its append has committed', async () => {
    const t = await startTestServer()
    try {
      const writer = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
      const reader = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
      const { store, updates, rooms } = t.server.services
      const room = rooms.get('non-paper')!
      const rowsBefore = updates.size('non-paper').rows
      const seen: { inTransaction: boolean; rows: number }[] = []
      const broadcast = room.broadcast.bind(room)
      room.broadcast = (update, origin) => {
        seen.push({ inTransaction: store.inTransaction, rows: updates.size('non-paper').rows })
        broadcast(update, origin)
      }
      for (let i = 0; i < 10; i++) {
        appendParagraph(writer.doc, `c${i}`)
        await new Promise((r) => setTimeout(r, 2))
      }
      await eventually(() => appendedParagraphs(reader.doc).length === 10, 5000, 'relay')
      expect(seen).toHaveLength(10)
      seen.forEach((s, i) => {
        expect(s.inTransaction).toBe(false)
        expect(s.rows).toBeGreaterThanOrEqual(rowsBefore + i + 1)
      })
      writer.close()
      reader.close()
    } finally {
      await t.close()
    }
  })
})
