/**
 * The store contract on both engines: the same classes over SQLite (a temp file) and over
 * a real, throwaway PostgreSQL. Accounts, sessions, documents, the update log and its
 * compaction, revisions, the audit trail, server keys and projection links behave the
 * same; and the cluster's fence refuses a stale owner's append.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startPostgres, type LocalEngine } from '../../server/cluster/local-engines.ts'
import { FencedOut, FencedUpdateLog } from '../../server/cluster/fenced-log.ts'
import { AccountDirectory } from '../../server/auth/accounts.ts'
import { ProjectionLinks } from '../../server/auth/projection-links.ts'
import { SessionTokens } from '../../server/auth/tokens.ts'
import { AuditLog } from '../../server/store/audit-log.ts'
import { closeStore, openStore, type Store } from '../../server/store/database.ts'
import { DocumentCatalogue } from '../../server/store/documents.ts'
import { RevisionArchive } from '../../server/store/revisions.ts'
import { serverKey } from '../../server/store/server-keys.ts'
import { StoreFailure, UpdateLog } from '../../server/store/update-log.ts'
import { tempDir, testPasswordCost } from './server-fixture.ts'

let postgres: LocalEngine
const cleanups: (() => void)[] = []
beforeAll(async () => {
  postgres = await startPostgres()
}, 60_000)
afterAll(async () => {
  for (const cleanup of cleanups) cleanup()
  await postgres?.destroy()
})

const engines: [string, () => Store][] = [
  [
    'SQLite',
    () => {
      const temp = tempDir()
      cleanups.push(temp.cleanup)
      return openStore(temp.dir)
    },
  ],
  ['PostgreSQL', () => openStore('/nonexistent', 'FULL', postgres.url)],
]

describe.each(engines)('the store on %s', (engine, open) => {
  it('keeps accounts, sessions, documents, revisions, audit events, keys and links', async () => {
    const db = open()
    try {
      const accounts = new AccountDirectory(db, testPasswordCost)
      const name = `officer-${engine}`
      const account = (await accounts.create({ username: name, password: 'a-long-enough-password', role: 'co-chair' }))!
      expect(account.id).toBeGreaterThan(0)
      expect(
        await accounts.create({ username: name.toUpperCase(), password: 'x-long-enough-password', role: 'co-chair' }),
      ).toBeUndefined()
      const tokens = new SessionTokens(db, accounts, 60_000)
      const issued = tokens.issue(account)
      expect(tokens.resolve(issued.token)?.id).toBe(account.id)
      tokens.revoke(issued.token)
      expect(tokens.resolve(issued.token)).toBeUndefined()

      const documents = new DocumentCatalogue(db)
      const id = `doc-${engine.toLowerCase()}`
      expect(documents.create({ id, title: 'T', kind: 'negotiation', createdBy: name })).toBe(true)
      expect(documents.create({ id, title: 'T', kind: 'negotiation', createdBy: name })).toBe(false)
      expect(documents.get(id)?.createdAt).toBeGreaterThan(1.7e12)
      documents.setArchived(id, true)
      expect(documents.get(id)).toBeUndefined()
      expect(documents.listArchived().map((d) => d.id)).toContain(id)

      const revisions = new RevisionArchive(db)
      const state = new Uint8Array([1, 2, 3, 250])
      expect(revisions.create(id, 'Rev.1', state, name)).toBe(true)
      expect(revisions.create(id, 'Rev.1', state, name)).toBe(false)
      expect(revisions.create(id, 'Rev.2', state, name, { proposals: new Uint8Array([9]) })).toBe(true)
      expect(revisions.list(id).map((r) => r.name)).toEqual(['Rev.1', 'Rev.2'])
      expect([...revisions.states(id, 'Rev.2')!.text]).toEqual([1, 2, 3, 250])
      expect(revisions.nextName(id)).toBe('Rev.3')

      const audit = new AuditLog(db)
      audit.record({ kind: 'login-failed', accountId: account.id, username: name, detail: { why: 'test' } })
      const events = audit.list({ limit: 10, accountId: account.id, kind: 'login-failed' })
      expect(events[0]?.detail).toEqual({ why: 'test' })
      expect(audit.failedLogins().get(account.id)).toEqual({ sinceLastLogin: 1, lastDay: 1 })

      const key = serverKey(db, 'k')
      expect(key.length).toBe(32)
      expect(Buffer.compare(serverKey(db, 'k'), key)).toBe(0)

      documents.setArchived(id, false)
      const links = new ProjectionLinks(db)
      const link = links.create(id, name)
      expect(link.id).toBeGreaterThan(0)
    } finally {
      closeStore(db)
    }
  })

  it('appends, loads and compacts a room in one transaction per batch', () => {
    const db = open()
    try {
      const log = new UpdateLog(db)
      const room = `room-${engine}`
      const source = new Y.Doc()
      const seqs: number[] = []
      source.on('update', (u: Uint8Array) => log.batch(() => seqs.push(log.append(room, u))))
      for (let i = 0; i < 50; i++) source.getText('t').insert(0, `w${i} `)
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
      expect(log.size(room).rows).toBe(50)
      const loaded = new Y.Doc()
      expect(log.loadInto(room, loaded).lastSeq).toBe(seqs.at(-1))
      expect(loaded.getText('t').toString()).toBe(source.getText('t').toString())
      // A batch that throws stores nothing of itself.
      expect(() =>
        log.batch(() => {
          log.append(room, Y.encodeStateAsUpdate(source))
          throw new StoreFailure(new Error('abort'))
        }),
      ).toThrow(StoreFailure)
      expect(log.size(room).rows).toBe(50)
      expect(log.compact(room).rowsBefore).toBe(50)
      const compacted = new Y.Doc()
      log.loadInto(room, compacted)
      expect(compacted.getText('t').toString()).toBe(source.getText('t').toString())
      expect(log.size(room).rows).toBe(1)
    } finally {
      closeStore(db)
    }
  })
})

describe('the fence on PostgreSQL', () => {
  it("refuses a stale owner's append once another process claimed the room, and stores nothing of it", () => {
    const a = openStore('/nonexistent', 'FULL', postgres.url)
    const b = openStore('/nonexistent', 'FULL', postgres.url)
    try {
      const fencedOut: string[] = []
      const stale = new FencedUpdateLog(a, (room) => fencedOut.push(room))
      const fresh = new FencedUpdateLog(b)
      const update = Y.encodeStateAsUpdate(new Y.Doc())
      expect(stale.claim('fenced-room')).toBe(1)
      stale.batch(() => stale.append('fenced-room', update))
      expect(fresh.claim('fenced-room')).toBe(2)
      expect(() => stale.batch(() => stale.append('fenced-room', update))).toThrow(FencedOut)
      expect(fencedOut).toEqual(['fenced-room'])
      fresh.batch(() => fresh.append('fenced-room', update))
      expect(fresh.size('fenced-room').rows).toBe(2)
      // A process that never claimed the room may not write it either.
      expect(() => new FencedUpdateLog(a).append('fenced-room', update)).toThrow(FencedOut)
    } finally {
      closeStore(a)
      closeStore(b)
    }
  })
})
