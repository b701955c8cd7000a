/**
 * Server memory per open room: the RSS of an `accord serve` child (real SQLite file) as
 * rooms are opened by one client each — the template, the 300-page generated text
 * (`bench/editor/large-text.ts`, 5,000 bracket groups) and `--small` scratch rooms holding
 * a few hundred characters — and after every client has left and the rooms unloaded.
 *
 *   npx tsx bench/server/room-memory.ts [--small 1000]
 *
 * RSS is read from /proc/PID/status after the server's memory settles; what a room costs is
 * the difference it makes. Prints a table and a JSON line last.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { api, password, startAccord } from './accord-child.ts'
import { largeNonPaper } from '../editor/large-text.ts'

const { values } = parseArgs({ options: { small: { type: 'string', default: '1000' } } })
const smallRooms = Number(values.small)
const unloadSeconds = 2

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** One client: joins `room`, waits for the server's sync step 2, optionally writes `text` into `bench`. */
async function join(syncUrl: string, room: string, token: string, text?: string): Promise<WebSocket> {
  const ws = new WebSocket(`${syncUrl}/${room}`, { headers: { authorization: `Bearer ${token}` } })
  const doc = new Y.Doc()
  await new Promise<void>((resolve, reject) => {
    ws.once('error', reject)
    ws.once('unexpected-response', (_req, res) => reject(new Error(`${room}: upgrade refused ${res.statusCode}`)))
    ws.on('open', () => {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0)
      syncProtocol.writeSyncStep1(encoder, doc)
      ws.send(encoding.toUint8Array(encoder))
    })
    ws.on('message', (data: Buffer) => {
      // Type 0 (sync), step 2: the server's answer to our step 1.
      if (data[0] === 0 && data[1] === syncProtocol.messageYjsSyncStep2) resolve()
    })
  })
  if (text) {
    const before = Y.encodeStateVector(doc)
    doc.getText('bench').insert(0, text)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc, before))
    ws.send(encoding.toUint8Array(encoder))
  }
  return ws
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'accord-memory-'))
{
  // The 300-page document is created by a first server: its import's garbage stays out of the figures.
  const creator = await startAccord(dataDir)
  const { token } = await api(creator.url, '/api/login', undefined, { username: 'secretariat', password })
  await api(creator.url, '/api/documents', token, { id: 'large', title: 'Large', text: largeNonPaper(5000) })
  creator.child.kill('SIGTERM')
  await new Promise((resolve) => creator.child.once('exit', resolve))
}
const accord = await startAccord(dataDir, { ACCORD_UNLOAD_AFTER_SECONDS: String(unloadSeconds) })
const pid = accord.child.pid!
const rows: { what: string; rssMiB: number; deltaMiB: number; perRoomKiB?: number }[] = []
try {
  const { token } = await api(accord.url, '/api/login', undefined, { username: 'secretariat', password })
  const syncUrl = accord.url.replace(/^http/, 'ws') + '/sync'
  // Warm the sync code paths out of the figures.
  ;(await join(syncUrl, 'bench-warm', token, 'warm')).close()
  await settle(3000)
  let last = rssMiB(pid)
  rows.push({ what: 'idle server', rssMiB: last, deltaMiB: 0 })
  const measure = async (what: string, rooms: number) => {
    await settle(2000)
    const now = rssMiB(pid)
    rows.push({
      what,
      rssMiB: now,
      deltaMiB: now - last,
      ...(rooms ? { perRoomKiB: ((now - last) * 1024) / rooms } : {}),
    })
    last = now
  }
  const open: WebSocket[] = []
  open.push(await join(syncUrl, 'non-paper', token))
  await measure('+ template room (1 client)', 1)
  open.push(await join(syncUrl, 'large', token))
  await measure('+ 300-page room (1 client)', 1)
  for (let i = 0; i < smallRooms; i += 20)
    open.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(20, smallRooms - i) }, (_, k) =>
          join(syncUrl, `bench-small-${i + k}`, token, `room ${i + k}: ${'x'.repeat(200)}`),
        ),
      )),
    )
  await measure(`+ ${smallRooms} small rooms (1 client each)`, smallRooms)
  for (const ws of open) ws.close()
  await settle(unloadSeconds * 1000 + 3000)
  await measure('all clients gone, rooms unloaded', 0)
} finally {
  accord.child.kill('SIGTERM')
  await new Promise((resolve) => (accord.child.exitCode !== null ? resolve(null) : accord.child.once('exit', resolve)))
  rmSync(dataDir, { recursive: true, force: true })
}
console.log('| state | RSS MiB | Δ MiB | per room KiB |\n| --- | --- | --- | --- |')
for (const row of rows)
  console.log(
    `| ${row.what} | ${row.rssMiB.toFixed(1)} | ${row.deltaMiB.toFixed(1)} | ${row.perRoomKiB?.toFixed(0) ?? '–'} |`,
  )
console.log(JSON.stringify({ rows }))
