/**
 * Presence flood benchmark (issue 20, item 7): two honest co-chairs edit the template's
 * text room, each edit's round trip timed from one to the other, in quiet phases and in
 * phases while a delegation's socket sends 60,000 fake presences in one awareness message
 * (again and again), a flood of awareness queries (type 3) and thousands of updates of its
 * own presence. The phases take turns (three of each), so load from elsewhere on the
 * machine weighs on both alike. Reports the round trips' p50/p99 in both phases, how many fake presences
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
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { textRoom } from '../../shared/document/text-room.ts'
import { RawClient } from '../../test/raw-client.ts'

const flooderSource = `
const { parentPort, workerData } = require('node:worker_threads')
const WebSocket = require(workerData.ws)
const { url, token, big, own, query } = workerData
let queriesSent = 0, answers = 0, ws
const pause = (ms) => new Promise((r) => setTimeout(r, ms))
async function flood(socket) {
  socket.send(own[0])
  for (let round = 0; socket.readyState === WebSocket.OPEN; round++) {
    // What TCP will not take stays here: a flooder elsewhere could not push more either.
    if (socket.bufferedAmount > 8 * 1024 * 1024) { await pause(5); continue }
    if (round % 20 === 0) socket.send(big)
    for (let i = 0; i < 50; i++) socket.send(query)
    queriesSent += 50
    for (let i = 0; i < 100; i++) socket.send(own[(round * 100 + i) % own.length])
    await pause(5)
  }
}
parentPort.on('message', (command) => {
  if (command === 'start') {
    ws = new WebSocket(url, { headers: { authorization: 'Bearer ' + token } })
    ws.on('message', (data) => {
      // An awareness message listing every presence (three or more) answers a query.
      if (data[0] === 1) { let i = 1; while (data[i] & 128) i++; i++; if (data[i] >= 3) answers++ }
    })
    ws.on('error', () => {})
    ws.once('open', () => { parentPort.postMessage({ started: true }); flood(ws) })
  } else {
    // Terminated, not closed: what is still queued is dropped, so no flood outlives its phase.
    ws?.terminate()
    parentPort.postMessage(command === 'stop' ? { queriesSent, answers } : { paused: true })
  }
})
`

/**
 * A flooder on its own thread, flooding while started: a socket of its own each time, and
 * on it 60,000 fake presences every 20 rounds, 50 queries and 100 presence updates a round.
 */
function floodFrom(
  syncUrl: string,
  token: string,
): { start(): Promise<void>; pause(): Promise<void>; stop(): Promise<{ queriesSent: number; answers: number }> } {
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
  let stopped: Promise<{ queriesSent: number; answers: number }> | undefined
  const answer = <T>(command: string) =>
    new Promise<T>((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
      worker.postMessage(command)
    })
  return {
    start: () => answer('start'),
    pause: () => answer('pause'),
    stop() {
      stopped ??= answer<{ queriesSent: number; answers: number }>('stop').finally(() => worker.terminate())
      return stopped
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
  /** How many flood phases there were (each on a new socket), and how long they lasted together. */
  floodPhases: number
  floodMs: number
}

/** First id of the fake presences (ids an honest client will not have). */
const fakeBase = 3_000_000_000

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

/**
 * Times `edits` edits alternating between `a` and `b`, each from its send until the other
 * has it; the round trips go to `times`, the event loop's delay meanwhile to `loop`.
 */
async function roundTrips(
  a: RawClient,
  b: RawClient,
  edits: number,
  tag: string,
  times: number[],
  loop: IntervalHistogram,
): Promise<void> {
  const expected = times.length + edits
  const sentAt = new Map<string, number>()
  const watch = (client: RawClient) => {
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
  while (times.length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
  for (const stop of stops) stop()
  loop.disable()
}

/** The figures of the round trips `times` and the loop delay `loop` of one kind of phase. */
function phase(times: number[], loop: IntervalHistogram): Phase {
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
 * Runs `rounds` quiet and flood phases in turn against a running server, `edits` edits
 * of each kind in all: `writers` are two co-chairs' tokens, `flooder` a token of any
 * account that may open the room (a delegation's).
 */
export async function measurePresenceFlood(
  syncUrl: string,
  writers: [string, string],
  flooder: string,
  edits = 200,
  rounds = 3,
): Promise<PresenceFloodResult> {
  const a = await RawClient.connect(syncUrl, 'non-paper', writers[0])
  const b = await RawClient.connect(syncUrl, 'non-paper', writers[1])
  // Each honest client shows its presence, so an answer to a query lists three presences.
  a.send(fakePresences(a.doc.clientID, 1, 1))
  b.send(fakePresences(b.doc.clientID, 1, 1))
  // The flooder runs on a thread of its own, so building and masking its frames costs
  // the honest clients' process nothing: what is measured is the server's answer.
  const flood = floodFrom(syncUrl, flooder)
  try {
    // Quiet and flood phases take turns, so that whatever else the machine runs weighs on both alike.
    const quiet = { times: [] as number[], loop: monitorEventLoopDelay({ resolution: 2 }) }
    const flooded = { times: [] as number[], loop: monitorEventLoopDelay({ resolution: 2 }) }
    let floodMs = 0
    for (let round = 0; round < rounds; round++) {
      const share = Math.round(((round + 1) * edits) / rounds) - Math.round((round * edits) / rounds)
      await roundTrips(a, b, share, `quiet-${round}`, quiet.times, quiet.loop)
      const started = performance.now()
      await flood.start()
      await roundTrips(a, b, share, `flood-${round}`, flooded.times, flooded.loop)
      await flood.pause()
      floodMs += performance.now() - started
    }
    const { queriesSent, answers } = await flood.stop()
    const baseline = phase(quiet.times, quiet.loop)
    const during = phase(flooded.times, flooded.loop)
    // A later presence the honest clients must see proves the relay was working.
    const probe = await RawClient.connect(syncUrl, 'non-paper', writers[0])
    probe.send(fakePresences(fakeBase - 2, 1, 1))
    const deadline = Date.now() + 5000
    while (!a.seenPresences.has(fakeBase - 2) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
    probe.close()
    if (!a.seenPresences.has(fakeBase - 2)) throw new Error('the probe presence never arrived')
    let fakeRelayed = 0
    for (const client of [a, b])
      for (const id of client.seenPresences) if (id >= fakeBase && id < fakeBase + 60_000) fakeRelayed += 1
    return {
      baseline,
      flood: during,
      fakeRelayed,
      answersToFlooder: answers,
      queriesSent,
      floodPhases: rounds,
      floodMs,
    }
  } finally {
    await flood.stop().catch(() => {})
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
