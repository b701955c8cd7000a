/**
 * Fan-out benchmark: Accord's sync server and the reference y-websocket server side by
 * side, through the neutral load generator's `compare.mjs`.
 *
 *   cp -r /work/shared/bench /tmp/accord-bench && (cd /tmp/accord-bench && npm ci)
 *   npx tsx bench/server/sync-fanout.ts [--bench-dir /tmp/accord-bench] [--clients 10,100,300]
 *                                       [--repeat 3] [-- more sync-load.mjs options]
 *
 * Accord runs as `accord serve` (a child process, real SQLite file in a temp folder,
 * synchronous=FULL) with ACCORD_SCRATCH_PREFIX=bench- so the load generator's fresh
 * `bench-…` rooms are created on first connect, and connects with a co-chair token
 * (the text room is co-chair-writable). The load generator knows only `--query`, so the
 * token goes in the URL: Accord accepts that in scratch rooms only (elsewhere a token in
 * the URL is refused; clients send `Authorization: Bearer` or a first auth message).
 * Prints compare.mjs's markdown table.
 * ACCORD_SQLITE_SYNCHRONOUS=NORMAL in the environment runs Accord with NORMAL instead.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startAccordProcess } from './accord-process.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'bench-dir': { type: 'string', default: process.env.ACCORD_BENCH_DIR ?? '/tmp/accord-bench' },
    clients: { type: 'string', default: '10,100,300' },
    repeat: { type: 'string', default: '3' },
  },
})
const extra =
  positionals.length > 0 ? positionals : ['--writers', '5', '--rate', '10', '--edits', '100', '--doc-bytes', '10000']
const password = 'bench-secretariat-password'

async function startAccord(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const { child, url } = await startAccordProcess(dataDir, password, {
    ACCORD_SCRATCH_PREFIX: 'bench-',
    ACCORD_MAX_CONNECTIONS_PER_ACCOUNT: '2000',
  })
  child.stdout!.resume()
  return { child, url }
}

async function api(url: string, route: string, token: string | undefined, body: unknown): Promise<any> {
  const res = await fetch(url + route, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`)
  return res.json()
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'accord-bench-data-'))
const accord = await startAccord(dataDir)
try {
  const { token: secretariat } = await api(accord.url, '/api/login', undefined, { username: 'secretariat', password })
  await api(accord.url, '/api/accounts', secretariat, {
    username: 'bench-cochair',
    password: 'bench-cochair-password',
    role: 'co-chair',
  })
  const { token } = await api(accord.url, '/api/login', undefined, {
    username: 'bench-cochair',
    password: 'bench-cochair-password',
  })
  const syncUrl = accord.url.replace(/^http/, 'ws') + '/sync'
  const args = [
    path.join(values['bench-dir']!, 'compare.mjs'),
    '--with-reference',
    '--target',
    `accord=${syncUrl}`,
    '--server-pid',
    `accord=${accord.child.pid}`,
    '--clients',
    values.clients!,
    '--repeat',
    values.repeat!,
    '--out',
    path.join(tmpdir(), `accord-bench-${Date.now()}.jsonl`),
    '--',
    '--query',
    `token=${token}`,
    ...extra,
  ]
  const compare = spawn(process.execPath, args, { cwd: values['bench-dir'], stdio: 'inherit' })
  process.exitCode = await new Promise<number>((resolve) => compare.once('exit', (code) => resolve(code ?? 1)))
} finally {
  accord.child.kill('SIGTERM')
  await new Promise((resolve) => (accord.child.exitCode !== null ? resolve(null) : accord.child.once('exit', resolve)))
  rmSync(dataDir, { recursive: true, force: true })
}
