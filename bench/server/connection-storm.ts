/**
 * Connection storm (issue 20, item 8): short-lived sync connections, clean and abusive, open
 * and close against a room that an honest client keeps open; the server's memory after they
 * are gone should be where it started (67,652 such connections once took RSS from 282 MB to
 * 538 MB, and it stayed at 469 MB).
 *
 *   npx tsx bench/server/connection-storm.ts [--connections 50000] [--concurrency 50]
 *
 * Runs `accord serve` as a child process (real SQLite in a temp folder) with `--expose-gc`;
 * a SIGUSR2 makes the child collect garbage and print its memory, before and after the
 * storm. `connectionStorm` is also what `test/server/connection-storm.test.ts` drives.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import WebSocket from 'ws'
import * as encoding from 'lib0/encoding'
import { MESSAGE_AWARENESS, MESSAGE_SYNC } from '../../shared/document/protocol.ts'
import { RawClient } from '../../test/raw-client.ts'

/** The kinds of connection a storm cycles through. */
export const STORM_KINDS = [
  /** Syncs, announces a presence of its own (a fresh client id), closes cleanly. */
  'clean',
  /** Sends a random garbage frame, then closes. */
  'garbage',
  /** No Bearer header: a garbage first message where the session token should be (closed 4401). */
  'unauthenticated',
  /** No Bearer header, says nothing, leaves. */
  'silent',
  /** Syncs and announces a presence, then drops the TCP connection without a close handshake. */
  'dropped',
  /** An unknown token: refused at the upgrade (401). */
  'refused',
] as const

/** One of `STORM_KINDS`. */
export type StormKind = (typeof STORM_KINDS)[number]

const syncStep1 = new Uint8Array([MESSAGE_SYNC, 0, 1, 0]) // an empty state vector

function presence(clientId: number): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, 1)
  encoding.writeVarUint(update, clientId)
  encoding.writeVarUint(update, 1)
  encoding.writeVarString(update, JSON.stringify({ cursor: null, user: { color: '#336699' } }))
  const message = encoding.createEncoder()
  encoding.writeVarUint(message, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update))
  return encoding.toUint8Array(message)
}

/** A small deterministic random source (so every run sends the same garbage). */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/** One connection of `kind`; resolves once it is over, whatever the server answered. */
function connection(url: string, token: string, kind: StormKind, random: () => number): Promise<void> {
  return new Promise((resolve) => {
    const bearer = kind === 'unauthenticated' || kind === 'silent' ? undefined : kind === 'refused' ? 'nobody' : token
    const ws = new WebSocket(url, bearer ? { headers: { authorization: `Bearer ${bearer}` } } : {})
    const timer = setTimeout(() => ws.terminate(), 10_000)
    const done = () => {
      clearTimeout(timer)
      resolve()
    }
    ws.on('error', () => undefined)
    ws.on('unexpected-response', (req) => {
      req.destroy()
      done()
    })
    ws.on('close', done)
    ws.on('open', () => {
      switch (kind) {
        case 'clean':
        case 'dropped':
          ws.send(syncStep1)
          ws.send(presence(1 + Math.floor(random() * 2 ** 31)))
          // The server's sync step 2 (type 0, step 1) answers ours: the join is complete.
          ws.on('message', (data: Buffer) => {
            if (data[0] !== MESSAGE_SYNC || data[1] !== 1) return
            if (kind === 'clean') ws.close(1000)
            else ws.terminate()
          })
          return
        case 'garbage':
        case 'unauthenticated': {
          const bytes = new Uint8Array(1 + Math.floor(random() * 64)).map(() => Math.floor(random() * 256))
          ws.send(bytes)
          if (kind === 'garbage') ws.close(1000)
          return
        }
        case 'silent':
          return ws.close(1000)
      }
    })
  })
}

/**
 * Opens and closes `count` connections to `syncUrl/room`, `concurrency` at a time, cycling
 * through the kinds; resolves with how many of each ran once every one is over.
 */
export async function connectionStorm(options: {
  syncUrl: string
  room: string
  token: string
  count: number
  concurrency?: number
  seed?: number
}): Promise<Record<StormKind, number>> {
  const url = `${options.syncUrl}/${options.room}`
  const random = seeded(options.seed ?? 20)
  const ran = Object.fromEntries(STORM_KINDS.map((kind) => [kind, 0])) as Record<StormKind, number>
  let next = 0
  const lane = async () => {
    while (next < options.count) {
      const kind = STORM_KINDS[next++ % STORM_KINDS.length]!
      ran[kind]++
      await connection(url, options.token, kind, random)
    }
  }
  await Promise.all(Array.from({ length: options.concurrency ?? 50 }, lane))
  return ran
}

/** Memory as the child reports it after a full collection. */
interface Memory {
  rss: number
  heapUsed: number
}

// Loaded into the server child before Accord: SIGUSR2 collects garbage and prints memory.
const gcHook =
  "data:text/javascript,process.on('SIGUSR2',()=>{gc();gc();const m=process.memoryUsage();" +
  "process.stdout.write('memory '+JSON.stringify({rss:m.rss,heapUsed:m.heapUsed})+'\\n')})"

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { connections: { type: 'string', default: '50000' }, concurrency: { type: 'string', default: '50' } },
  })
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
  const dataDir = mkdtempSync(path.join(tmpdir(), 'accord-storm-'))
  const password = 'storm-bench-secretariat-password'
  const child = spawn(process.execPath, ['--expose-gc', '--import', gcHook, 'bin/accord.mjs', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      ACCORD_DATA: dataDir,
      ACCORD_SECRETARIAT_PASSWORD: password,
      ACCORD_SCRYPT_N: '1024',
      ACCORD_MAX_CONNECTIONS_PER_ACCOUNT: '1000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  const waiters: (() => void)[] = []
  child.stdout!.on('data', (chunk) => {
    out += chunk
    for (const wake of waiters.splice(0)) wake()
  })
  const next = async (pattern: RegExp): Promise<RegExpExecArray> => {
    for (;;) {
      const match = pattern.exec(out)
      if (match) {
        out = out.slice(match.index + match[0].length)
        return match
      }
      await new Promise<void>((resolve) => waiters.push(resolve))
    }
  }
  const memory = async (): Promise<Memory> => {
    child.kill('SIGUSR2')
    return JSON.parse((await next(/memory (\{.*\})\n/))[1]!) as Memory
  }
  try {
    const url = (await next(/listening on (http:\/\/\S+)/))[1]!
    const res = await fetch(`${url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'secretariat', password }),
    })
    const { token } = (await res.json()) as { token: string }
    const syncUrl = url.replace(/^http/, 'ws') + '/sync'
    // An honest editor keeps the room open throughout, as in a session.
    const keeper = await RawClient.connect(syncUrl, 'non-paper', token)
    const concurrency = Number(values.concurrency)
    await connectionStorm({ syncUrl, room: 'non-paper', token, count: 1000, concurrency })
    await new Promise((r) => setTimeout(r, 1000))
    const before = await memory()
    const started = performance.now()
    const count = Number(values.connections)
    const ran = await connectionStorm({ syncUrl, room: 'non-paper', token, count, concurrency, seed: 7 })
    const seconds = (performance.now() - started) / 1000
    await new Promise((r) => setTimeout(r, 2000))
    const after = await memory()
    keeper.close()
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1)
    console.log(`${count} connections in ${seconds.toFixed(1)} s (${JSON.stringify(ran)}), ${concurrency} at a time`)
    console.log('| | RSS MB | heap used MB |\n| --- | --- | --- |')
    console.log(`| before (after 1,000 to warm up, GC) | ${mb(before.rss)} | ${mb(before.heapUsed)} |`)
    console.log(`| after (GC) | ${mb(after.rss)} | ${mb(after.heapUsed)} |`)
    console.log(
      `RSS after/before: ${(after.rss / before.rss).toFixed(2)}; heap used after/before: ${(after.heapUsed / before.heapUsed).toFixed(2)}`,
    )
  } finally {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main()
