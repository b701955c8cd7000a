/**
 * The store worker: WAL checkpoints and compaction merges run off the event loop, and
 * neither loses an update — the SQLite file, read by a connection of its own, holds
 * exactly what clients were relayed.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SqliteSql } from '../../server/store/sqlite-sql.ts'
import { UpdateLog } from '../../server/store/update-log.ts'
import { appendedParagraphs, appendParagraph, eventually, RawClient, startTestServer } from './server-fixture.ts'

describe('store worker', () => {
  it('checkpoints and compacts in the worker while edits stream, losing nothing', async () => {
    const t = await startTestServer({ compactAfterRows: 40, walCheckpoint: 'worker' })
    try {
      const { updates } = t.server.services
      const store = t.server.services.store as SqliteSql
      const checkpointer = t.server.services.checkpointer!
      // SQLite's own checkpoint would run inside a commit, on the event loop.
      expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0)
      const writer = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
      const reader = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
      for (let i = 0; i < 200; i++) {
        appendParagraph(writer.doc, `s${i}`)
        if (i % 10 === 9) await new Promise((r) => setTimeout(r, 5))
      }
      await eventually(() => appendedParagraphs(reader.doc).length === 200, 10_000, 'all relayed')
      await eventually(() => checkpointer.stats.checkpoints > 0, 5000, 'a checkpoint in the worker')
      // Compaction was asked for every 40 rows and merged in the worker: far fewer rows than edits.
      await eventually(() => updates.size('non-paper').rows < 60, 5000, 'compacted in the worker')
      expect(checkpointer.stats.failures).toBe(0)
      // Another connection on the same file sees every relayed edit, in order.
      const other = new SqliteSql(store.db.name)
      try {
        const stored = new Y.Doc()
        new UpdateLog(other).loadInto('non-paper', stored)
        expect(appendedParagraphs(stored)).toEqual(appendedParagraphs(reader.doc))
        expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(reader.doc))
      } finally {
        other.close()
      }
      writer.close()
      reader.close()
    } finally {
      await t.close()
    }
  })

  it('swaps merged rows only if they are unchanged since the merge', async () => {
    const t = await startTestServer()
    try {
      const { updates } = t.server.services
      const storeWorker = t.server.services.storeWorker!
      const doc = new Y.Doc()
      doc.on('update', (u: Uint8Array) => updates.append('scratch-a', u))
      for (let i = 0; i < 5; i++) doc.getText('t').insert(0, `${i}`)
      const merged = (await storeWorker.merge('scratch-a'))!
      expect(merged.rows).toBe(5)
      // A row appended after the merge stays, after the state.
      doc.getText('t').insert(0, 'late')
      expect(updates.replaceMerged('scratch-a', merged.upToSeq, merged.rows, merged.state)).toBe(true)
      expect(updates.size('scratch-a').rows).toBe(2)
      const back = new Y.Doc()
      updates.loadInto('scratch-a', back)
      expect(back.getText('t').toString()).toBe(doc.getText('t').toString())
      // A second swap of the same merge finds the rows gone and changes nothing.
      expect(updates.replaceMerged('scratch-a', merged.upToSeq, merged.rows, merged.state)).toBe(false)
      expect(updates.size('scratch-a').rows).toBe(2)
    } finally {
      await t.close()
    }
  })
})
