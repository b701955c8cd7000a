/**
 * Failover time of the cluster (issue 17): three `accord serve` processes on a throwaway
 * PostgreSQL and Redis (`server/cluster/local-engines.ts`); per trial a fresh scratch room
 * is opened on every process, a writer on one non-owner sends an edit every 10 ms and a
 * watcher on the other non-owner records what arrives; the owner is killed with SIGKILL.
 * Measured from the kill: when Redis names a new owner, and when the first edit sent after
 * the kill reaches the watcher (it can only have come through the new owner). Every edit
 * the writer sent must reach the watcher (lost edits are counted). The killed process is
 * replaced before the next trial.
 *
 *   npx tsx bench/server/failover.ts [--trials 10] [--lease 3000]
 *
 * Prints one line per trial, then p50/p95/max and a JSON line.
 */
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { Redis } from 'ioredis'
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { defaultLeaseMs } from '../../server/cluster/cluster.ts'
import { startPostgres, startRedis } from '../../server/cluster/local-engines.ts'
import { api, password, startAccord } from './accord-child.ts'

const { values } = parseArgs({
  options: {
    trials: { type: 'string', default: '10' },
    lease: { type: 'string', default: String(defaultLeaseMs) },
  },
})
const trials = Number(values.trials)
const leaseMs = Number(values.lease)

/** A y-websocket client on a scratch room's `Y.Text` named `bench`, without reconnect. */
class Client {
  readonly doc = new Y.Doc()
  readonly text = this.doc.getText('bench')
  private constructor(readonly ws: WebSocket) {
    ws.binaryType = 'nodebuffer'
    ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data))
      if (decoding.readVarUint(decoder) !== 0) return
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0)
      syncProtocol.readSyncMessage(decoder, encoder, this.doc, this)
      if (encoding.length(encoder) > 1) ws.send(encoding.toUint8Array(encoder))
    })
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this || ws.readyState !== WebSocket.OPEN) return
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0)
      syncProtocol.writeUpdate(encoder, update)
      ws.send(encoding.toUint8Array(encoder))
    })
  }

  static async open(url: string): Promise<Client> {
    const client = new Client(new WebSocket(url))
    await new Promise<void>((resolve, reject) => {
      client.ws.once('error', reject)
      client.ws.once('open', () => {
        const encoder = encoding.createEncoder()
        encoding.writeVarUint(encoder, 0)
        syncProtocol.writeSyncStep1(encoder, client.doc)
        client.ws.send(encoding.toUint8Array(encoder))
        resolve()
      })
    })
    return client
  }

  close(): void {
    this.ws.close()
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
async function until(what: string, ready: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`)
    await sleep(5)
  }
}

const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
}

const [postgres, redisEngine] = await Promise.all([startPostgres(), startRedis()])
const redis = new Redis(redisEngine.url)
const dirs: string[] = []
const processes: { child: ChildProcess; url: string }[] = []
const env = {
  ACCORD_DATABASE_URL: postgres.url,
  ACCORD_REDIS_URL: redisEngine.url,
  ACCORD_LEASE_MS: String(leaseMs),
}
const startOne = async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'accord-failover-'))
  dirs.push(dir)
  const started = await startAccord(dir, env)
  processes.push(started)
  return started
}
const results: { takeoverMs: number; firstEditMs: number; sent: number; lost: number }[] = []
try {
  for (let i = 0; i < 3; i++) await startOne()
  const { token: secretariat } = await api(processes[0]!.url, '/api/login', undefined, {
    username: 'secretariat',
    password,
  })
  await api(processes[0]!.url, '/api/accounts', secretariat, {
    username: 'bench-cochair',
    password: 'bench-cochair-password',
    role: 'co-chair',
  })
  const { token } = await api(processes[0]!.url, '/api/login', undefined, {
    username: 'bench-cochair',
    password: 'bench-cochair-password',
  })
  for (let trial = 0; trial < trials; trial++) {
    const room = `bench-failover-${trial}`
    const live = processes.filter((p) => p.child.exitCode === null && p.child.signalCode === null)
    const clients = await Promise.all(
      live.map((p) => Client.open(`${p.url.replace(/^http/, 'ws')}/sync/${room}?token=${token}`)),
    )
    const ownerPid = async () => Number(((await redis.get(`accord:owner:${room}`)) ?? '::').split(':')[1])
    let pid = 0
    await until(
      'an owner',
      async () => {
        pid = await ownerPid()
        return live.some((p) => p.child.pid === pid)
      },
      10_000,
    )
    const owner = live.findIndex((p) => p.child.pid === pid)
    if (owner < 0) throw new Error(`owner pid ${pid} is not one of ours`)
    const [writer, watcher] = clients.filter((_, i) => i !== owner)
    let sent = 0
    const writing = setInterval(() => writer!.text.insert(writer!.text.length, `<${sent++}>`), 10)
    const seen = () => new Set(watcher!.text.toString().match(/<\d+>/g) ?? [])
    await until('edits flowing', () => seen().size >= 20, 10_000)
    const firstAfter = `<${sent}>`
    const killed = performance.now()
    live[owner]!.child.kill('SIGKILL')
    let takeoverMs = 0
    const takeover = until(
      'a new owner',
      async () => {
        const now = await ownerPid()
        if (now && now !== pid) takeoverMs ||= performance.now() - killed
        return takeoverMs > 0
      },
      leaseMs + 10_000,
    )
    await until('the first edit after the kill', () => seen().has(firstAfter), leaseMs + 10_000)
    const firstEditMs = performance.now() - killed
    await takeover
    await sleep(300)
    clearInterval(writing)
    const total = sent
    await until('every edit', () => seen().size >= total, 15_000).catch(() => {})
    const lost = total - seen().size
    results.push({ takeoverMs, firstEditMs, sent: total, lost })
    console.log(
      `trial ${trial + 1}: new owner ${takeoverMs.toFixed(0)} ms, first edit relayed ${firstEditMs.toFixed(0)} ms after kill -9; ${total} edits sent, ${lost} lost`,
    )
    for (const client of clients) client.close()
    await startOne()
  }
  const takeovers = results.map((r) => r.takeoverMs)
  const firsts = results.map((r) => r.firstEditMs)
  const line = (label: string, xs: number[]) =>
    `${label}: p50 ${quantile(xs, 0.5).toFixed(0)} ms, p95 ${quantile(xs, 0.95).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`
  console.log(`lease ${leaseMs} ms, ${results.length} trials`)
  console.log(line('new owner', takeovers))
  console.log(line('first relayed edit', firsts))
  console.log(
    JSON.stringify({
      leaseMs,
      trials: results.length,
      takeover: { p50: quantile(takeovers, 0.5), p95: quantile(takeovers, 0.95), max: Math.max(...takeovers) },
      firstEdit: { p50: quantile(firsts, 0.5), p95: quantile(firsts, 0.95), max: Math.max(...firsts) },
      lost: results.reduce((n, r) => n + r.lost, 0),
      sent: results.reduce((n, r) => n + r.sent, 0),
    }),
  )
} finally {
  for (const p of processes) p.child.kill('SIGKILL')
  redis.disconnect()
  await Promise.all([postgres.destroy(), redisEngine.destroy()])
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
}
