/**
 * First start on an empty data folder, and the room → policy mapping.
 */
import { describe, expect, it } from 'vitest'
import { mayWriteRoom, parseRoomName } from '../../shared/document/rooms.ts'
import { optionsFromEnv } from '../../server/config.ts'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { startServer } from '../../server/app.ts'
import { login, repoRoot, startTestServer, tempDir } from './server-fixture.ts'

describe('first start', () => {
  it('creates the store, the secretariat with a generated password (printed once) and the template document', async () => {
    const temp = tempDir()
    const lines: string[] = []
    const options = {
      ...optionsFromEnv({}),
      port: 0,
      host: '127.0.0.1',
      dataDir: temp.dir,
      templatesDir: path.join(repoRoot, 'templates'),
      log: (l: string) => lines.push(l),
    }
    try {
      const first = await startServer({ ...options, secretariatPassword: undefined })
      const password = first.bootstrap.generatedPassword!
      expect(password.length).toBeGreaterThanOrEqual(20)
      expect(lines.filter((l) => l.includes(password))).toHaveLength(1)
      expect(existsSync(path.join(temp.dir, 'accord.sqlite'))).toBe(true)
      await login(first.url, 'secretariat', password)
      await first.close()

      const second = await startServer({ ...options, secretariatPassword: 'ignored-on-later-starts' })
      expect(second.bootstrap.generatedPassword).toBeUndefined()
      await login(second.url, 'secretariat', password)
      expect(lines.filter((l) => l.includes('password:'))).toHaveLength(1)
      await second.close()
    } finally {
      temp.cleanup()
    }
  })

  it('starts with the template loaded and keeps it across restarts without importing twice', async () => {
    const temp = tempDir()
    try {
      const first = await startTestServer({ dataDir: temp.dir })
      expect(first.server.bootstrap).toMatchObject({ secretariatCreated: true, documentCreated: true })
      await first.close()
      const second = await startTestServer({ dataDir: temp.dir })
      expect(second.server.bootstrap).toMatchObject({ secretariatCreated: false, documentCreated: false })
      const list = await second.api(
        'GET',
        '/api/documents',
        await login(second.url, 'secretariat', 'secretariat-test-password'),
      )
      expect(list.body.map((d: { id: string }) => d.id)).toEqual(['non-paper'])
      await second.close()
    } finally {
      temp.cleanup()
    }
  })

  it('reads PORT, ACCORD_DATA and limits from the environment and rejects nonsense', () => {
    const options = optionsFromEnv({ PORT: '9001', ACCORD_DATA: '/tmp/x', ACCORD_MAX_CONNECTIONS_PER_ACCOUNT: '7' })
    expect(options).toMatchObject({ port: 9001, dataDir: '/tmp/x', synchronous: 'FULL' })
    expect(options.limits.maxConnectionsPerAccount).toBe(7)
    expect(optionsFromEnv({}).port).toBe(8080)
    expect(() => optionsFromEnv({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => optionsFromEnv({ ACCORD_SQLITE_SYNCHRONOUS: 'OFF' })).toThrow(/FULL or NORMAL/)
  })
})

describe('room policy', () => {
  it('maps rooms to write rights', () => {
    expect(parseRoomName('non-paper')).toEqual({ name: 'non-paper', documentId: 'non-paper', kind: 'text' })
    expect(parseRoomName('non-paper/proposals')?.kind).toBe('proposals')
    for (const bad of ['', '/x', 'a/b', 'a/proposals/x', '../etc', 'x y']) expect(parseRoomName(bad)).toBeUndefined()
    expect(['secretariat', 'co-chair', 'delegation', 'observer'].map((r) => mayWriteRoom(r as never, 'text'))).toEqual([
      true,
      true,
      false,
      false,
    ])
    expect(
      ['secretariat', 'co-chair', 'delegation', 'observer'].map((r) => mayWriteRoom(r as never, 'proposals')),
    ).toEqual([true, true, true, false])
  })
})
