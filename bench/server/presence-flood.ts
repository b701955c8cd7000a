/**
 * Presence flood benchmark (issue 20, item 7): two honest co-chairs edit the template's
 * text room, each edit's round trip timed from one to the other, first alone and then
 * while a delegation's socket sends 60,000 fake presences in one awareness message (again
 * and again), a flood of awareness queries (type 3) and thousands of updates of its own
 * presence. Reports the round trips' p50/p99 in both phases, how many fake presences
 * reached the honest clients, and how many query answers the flooder got.
 *
 *   npx tsx bench/server/presence-flood.ts [--edits 300]
 *
 * Runs Accord in-process on a temp data folder (real SQLite, synchronous=FULL).
 * `measurePresenceFlood` is also what `test/server/presence.test.ts` asserts on.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createRequire } from 'node:module'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import { textRoom } from '../../shared/document/text-room.ts'
import { answerSyncMessage, syncStep1Message, syncUpdateMessage } from '../../test/sync-messages.ts'

const flooderSource = `
const { parentPort, workerData } = require('node:worker_threads')
const WebSocket = require(workerData.ws)
const { url, token, big, own, query } = workerData
const ws = new WebSocket(url, { headers: { authorization: 'Bearer ' + token } })
let queriesSent = 0, answers = 0, flooding = true
ws.on('message', (data) => {
  // An awareness message listing every presence (three or more) answers a query.
  if (data[0] === 1) { let i = 1; while (data[i] & 128) i++; i++; if (data[i] >= 3) answers++ }
})
parentPort.on('message', () => { flooding = false })
ws.on('open', async () => {
  ws.send(own[0])
  parentPort.postMessage({ started: true })
  for (let round = 0; flooding; round++) {
    // What TCP will not take stays here: a flooder elsewhere could not push more either.
    if (ws.bufferedAmount > 8 * 1024 * 1024) { await new Promise((r) => setTimeout(r, 5)); continue }
    if (round % 20 === 0) ws.send(big)
    for (let i = 0; i < 50; i++) ws.send(query)
    queriesSent += 50
    for (let i = 0; i < 100; i++) ws.send(own[(round * 100 + i) % own.length])
    await new Promise((r) => setTimeout(r, 5))
  }
  await new Promise((r) => setTimeout(r, 200))
  parentPort.postMessage({ queriesSent, answers })
  ws.close()
})
`

/** A flooder on its own thread: 60,000 fake presences every 20 rounds, 50 queries and 100 presence updates a round. */
function floodFrom(
  syncUrl: string,
  token: string,
): { started: Promise<void>; stop(): Promise<{ queriesSent: number; answers: number }> } {
  const own = Array.from({ length: 500 }, (_, i) => fakePresences(fakeBase - 1, 1, 1 + i))
  const worker = new Worker(flooderSource, {
    eval: true,
    workerData: {
      ws: createRequire(import.meta.url).resolve('ws'),
      url: `${syncUrl}/non-paper`,
      token,
      big: fakePresences(fakeBase, 60_000, 1),
      own,
      query,
    },
  })
  let done: (result: { queriesSent: number; answers: number }) => void
  const finished = new Promise<{ queriesSent: number; answers: number }>((resolve) => (done = resolve))
  const started = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: { started?: boolean; queriesSent: number; answers: number }) =>
      message.started ? resolve() : done(message),
    )
    worker.once('error', reject)
  })
  return {
    started,
    async stop() {
      worker.postMessage('stop')
      const result = await finished
      await worker.terminate()
      return result
    },
  }
}

/** Round-trip figures of one phase, in milliseconds. */
export interface Phase {
  edits: number
  p50: number
  p99: number
  max: number
  /** The event loop's delay (this process: server and honest clients) during the phase: p99 and max. */
  loopP99: number
  loopMax: number
}

/** What the benchmark measured. */
export interface PresenceFloodResult {
  baseline: Phase
  flood: Phase
  /** Fake presences (ids of the flood) that reached either honest client. */
  fakeRelayed: number
  /** Awareness messages the flooder received in answer to its queries (and the greeting). */
  answersToFlooder: number
  /** Awareness queries the flooder sent. */
  queriesSent: number
}

/** First id of the fake presences (ids an honest client will not have). */
const fakeBase = 3_000_000_000

/** A raw y-protocols client: syncs a Y.Doc, notes the awareness client ids it is told of and their last states. */
export class BenchClient {
  readonly doc = new Y.Doc()
  readonly seenPresences = new Set<number>()
  /** The last state (parsed JSON, null for a removal) it was told of, per client id. */
  readonly presences = new Map<number, unknown>()
  awarenessMessages = 0
  synced = false
  private constructor(readonly ws: WebSocket) {
    ws.binaryType = 'nodebuffer'
    ws.on('message', (data: Buffer) => this.receive(new Uint8Array(data)))
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.send(syncUpdateMessage(update))
    })
  }

  static async connect(syncUrl: string, room: string, token: string): Promise<BenchClient> {
    const ws = new WebSocket(`${syncUrl}/${room}`, { headers: { authorization: `Bearer ${token}` } })
    const client = new BenchClient(ws)
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
    client.send(syncStep1Message(client.doc))
    const deadline = Date.now() + 20_000
    while (!client.synced) {
      if (Date.now() > deadline) throw new Error('bench client did not sync')
      await new Promise((r) => setTimeout(r, 5))
    }
    return client
  }

  send(bytes: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(bytes)
  }

  private receive(bytes: Uint8Array): void {
    const decoder = decoding.createDecoder(bytes)
    const type = decoding.readVarUint(decoder)
    if (type === 0) {
      const step = answerSyncMessage(decoder, this.doc, this, (reply) => this.send(reply))
      if (step === syncProtocol.messageYjsSyncStep2) this.synced = true
    } else if (type === 1) {
      this.awarenessMessages += 1
      const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
      const count = decoding.readVarUint(update)
      for (let i = 0; i < count; i++) {
        const id = decoding.readVarUint(update)
        decoding.readVarUint(update)
        this.seenPresences.add(id)
        this.presences.set(id, JSON.parse(decoding.readVarString(update)))
      }
    }
  }

  close(): void {
    this.ws.close()
  }
}

/**
 * An awareness message (type 1) with `count` presences from client id `first` on, each at
 * `clock`, with `state` (JSON text; by default one claiming to be a co-chair "fake-N").
 */
export function fakePresences(first: number, count: number, clock: number, state?: string): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, count)
  for (let i = 0; i < count; i++) {
    encoding.writeVarUint(update, first + i)
    encoding.writeVarUint(update, clock)
    encoding.writeVarString(update, state ?? `{"user":{"name":"fake-${i}","role":"co-chair"}}`)
  }
  const message = encoding.createEncoder()
  encoding.writeVarUint(message, 1)
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update))
  return encoding.toUint8Array(message)
}

const query = new Uint8Array([3])

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

/** Times `edits` edits alternating between `a` and `b`, each from its send until the other has it. */
async function roundTrips(a: BenchClient, b: BenchClient, edits: number, tag: string): Promise<Phase> {
  const sentAt = new Map<string, number>()
  const times: number[] = []
  const watch = (client: BenchClient) => {
    const observer = (event: Y.YArrayEvent<unknown>) => {
      // Only what arrived from the server: the sender's own local event is no round trip.
      if (event.transaction.origin !== client) return
      const now = performance.now()
      for (const item of event.changes.added)
        for (const node of item.content.getContent()) {
          if (!(node instanceof Y.XmlElement)) continue
          const marker = (node.get(0) as Y.XmlText | undefined)?.toString()
          const at = marker === undefined ? undefined : sentAt.get(marker)
          if (at !== undefined) times.push(now - at)
        }
    }
    textRoom(client.doc).text.observe(observer as never)
    return () => textRoom(client.doc).text.unobserve(observer as never)
  }
  const stops = [watch(a), watch(b)]
  const loop = monitorEventLoopDelay({ resolution: 2 })
  loop.enable()
  for (let i = 0; i < edits; i++) {
    const from = i % 2 ? a : b
    const marker = `${tag}-${i}`
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(marker)])
    sentAt.set(marker, performance.now())
    textRoom(from.doc).text.push([paragraph])
    await new Promise((r) => setTimeout(r, 10))
  }
  const deadline = Date.now() + 20_000
  while (times.length < edits && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
  for (const stop of stops) stop()
  loop.disable()
  const sorted = [...times].sort((x, y) => x - y)
  return {
    edits: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1)!,
    loopP99: loop.percentile(99) / 1e6,
    loopMax: loop.max / 1e6,
  }
}

/**
 * Runs both phases against a running server: `writers` are two co-chairs' tokens,
 * `flooder` a token of any account that may open the room (a delegation's).
 */
export async function measurePresenceFlood(
  syncUrl: string,
  writers: [string, string],
  flooder: string,
  edits = 200,
): Promise<PresenceFloodResult> {
  const a = await BenchClient.connect(syncUrl, 'non-paper', writers[0])
  const b = await BenchClient.connect(syncUrl, 'non-paper', writers[1])
  // Each honest client shows its presence, so an answer to a query lists three presences.
  a.send(fakePresences(a.doc.clientID, 1, 1))
  b.send(fakePresences(b.doc.clientID, 1, 1))
  try {
    const baseline = await roundTrips(a, b, edits, 'quiet')
    // The flooder runs on a thread of its own, so building and masking its frames costs
    // the honest clients' process nothing: what is measured is the server's answer.
    const flood = floodFrom(syncUrl, flooder)
    await flood.started
    const during = await roundTrips(a, b, edits, 'flood')
    const { queriesSent, answers } = await flood.stop()
    // A later presence the honest clients must see proves the relay was working.
    const probe = await BenchClient.connect(syncUrl, 'non-paper', writers[0])
    probe.send(fakePresences(fakeBase - 2, 1, 1))
    const deadline = Date.now() + 5000
    while (!a.seenPresences.has(fakeBase - 2) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
    probe.close()
    if (!a.seenPresences.has(fakeBase - 2)) throw new Error('the probe presence never arrived')
    let fakeRelayed = 0
    for (const client of [a, b])
      for (const id of client.seenPresences) if (id >= fakeBase && id < fakeBase + 60_000) fakeRelayed += 1
    return { baseline, flood: during, fakeRelayed, answersToFlooder: answers, queriesSent }
  } finally {
    for (const client of [a, b]) client.close()
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { edits: { type: 'string', default: '300' } } })
  const { startServer } = await import('../../server/app.ts')
  const { optionsFromEnv } = await import('../../server/config.ts')
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
  const dataDir = mkdtempSync(path.join(tmpdir(), 'accord-presence-bench-'))
  const password = 'presence bench secretariat'
  const server = await startServer({
    ...optionsFromEnv({}),
    port: 0,
    host: '127.0.0.1',
    dataDir,
    templatesDir: path.join(root, 'templates'),
    secretariatPassword: password,
    passwordCost: { N: 1024, r: 8, p: 1 },
    log: () => {},
  })
  const post = async (route: string, token: string | undefined, body: unknown) => {
    const res = await fetch(server.url + route, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`)
    return res.json()
  }
  try {
    const { token: secretariat } = await post('/api/login', undefined, { username: 'secretariat', password })
    const tokens: string[] = []
    for (const [username, role, party] of [
      ['chair-a', 'co-chair'],
      ['chair-b', 'co-chair'],
      ['flooder', 'delegation', 'Tuvalu'],
    ]) {
      const account = { username, password: 'violet kestrel under harbour', role, ...(party ? { party } : {}) }
      await post('/api/accounts', secretariat, account)
      tokens.push((await post('/api/login', undefined, { username, password: account.password })).token)
    }
    const syncUrl = server.url.replace(/^http/, 'ws') + '/sync'
    const result = await measurePresenceFlood(syncUrl, [tokens[0]!, tokens[1]!], tokens[2]!, Number(values.edits))
    const row = (name: string, p: Phase) =>
      `| ${name} | ${p.edits} | ${p.p50.toFixed(1)} | ${p.p99.toFixed(1)} | ${p.max.toFixed(1)} | ${p.loopP99.toFixed(1)} | ${p.loopMax.toFixed(1)} |`
    console.log(
      '| phase | edits | p50 ms | p99 ms | max ms | loop delay p99 ms | loop delay max ms |\n| --- | --- | --- | --- | --- | --- | --- |',
    )
    console.log(row('two co-chairs editing', result.baseline))
    console.log(row('… during the flood', result.flood))
    console.log(
      `fake presences relayed: ${result.fakeRelayed}; query answers to the flooder: ${result.answersToFlooder} for ${result.queriesSent} queries`,
    )
  } finally {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main()
