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
 *
 * `--document template|large` runs in a document room instead of fresh scratch rooms: the
 * document is created through the API from the template (or the 300-page
 * generated text, `bench/editor/large-text.ts`, 5,000 bracket groups) and then marked a
 * scratch document in the store, so the load generator's `bench` Y.Text is accepted beside
 * the document's own content; each run gets a new such document (`--room bench-doc-K`),
 * and the medians over the runs are printed last, as compare.mjs prints them. The
 * reference server's room holds only the load generator's seed: the comparison is
 * conservative for Accord.
 * ACCORD_SQLITE_SYNCHRONOUS=NORMAL in the environment runs Accord with NORMAL instead;
 * ACCORD_WAL_CHECKPOINT=worker with checkpoints in the store worker instead of SQLite's
 * auto-checkpoint inside commits (compare each run's ratio to the reference).
 * Last, the server's relay timings over all runs: per committed batch, the time to apply
 * and append, to commit (the fsync) and to send, on the server's event loop.
 */
import { spawn } from 'node:child_process'
import { api, password, startAccord } from './accord-child.ts'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { largeNonPaper } from '../editor/large-text.ts'
import { fanoutTable } from './fanout-table.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'bench-dir': { type: 'string', default: process.env.ACCORD_BENCH_DIR ?? '/tmp/accord-bench' },
    clients: { type: 'string', default: '10,100,300' },
    repeat: { type: 'string', default: '3' },
    document: { type: 'string' },
  },
})
const extra =
  positionals.length > 0 ? positionals : ['--writers', '5', '--rate', '10', '--edits', '100', '--doc-bytes', '10000']

const dataDir = mkdtempSync(path.join(tmpdir(), 'accord-bench-data-'))
const accord = await startAccord(dataDir, { ACCORD_RELAY_TIMINGS: '1' })
// The server's own account of its event loop, logged at shutdown (`server/sync/relay-timings.ts`).
let serverLog = ''
accord.child.stdout!.on('data', (chunk) => (serverLog += chunk))
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
  const out = path.join(tmpdir(), `accord-bench-${Date.now()}.jsonl`)
  const compare = async (clients: string, repeat: string, more: string[]): Promise<number> => {
    const args = [
      path.join(values['bench-dir']!, 'compare.mjs'),
      '--with-reference',
      '--target',
      `accord=${syncUrl}`,
      '--server-pid',
      `accord=${accord.child.pid}`,
      '--clients',
      clients,
      '--repeat',
      repeat,
      '--out',
      out,
      '--',
      '--query',
      `token=${token}`,
      ...extra,
      ...more,
    ]
    const child = spawn(process.execPath, args, { cwd: values['bench-dir'], stdio: 'inherit' })
    return new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)))
  }
  if (!values.document) process.exitCode = await compare(values.clients!, values.repeat!, [])
  else {
    // The load generator tells edits apart by writer and number, the same in every run, and
    // counts every marker it sees arrive — a document room keeps the earlier runs' text, so
    // each run gets a document of its own (the reference server's room starts empty anyway).
    let run = 0
    for (const clients of values.clients!.split(','))
      for (let r = 0; r < Number(values.repeat); r++) {
        const id = `bench-doc-${++run}`
        const body =
          values.document === 'large'
            ? { id, title: 'Benchmark 300 pages', text: largeNonPaper(5000) }
            : { id, title: 'Benchmark template', template: 'non-paper' }
        await api(accord.url, '/api/documents', secretariat, body)
        const db = new Database(path.join(dataDir, 'accord.sqlite'))
        db.pragma('busy_timeout = 5000')
        db.prepare(`UPDATE documents SET kind = 'scratch' WHERE id = ?`).run(id)
        db.close()
        process.exitCode = (await compare(clients, '1', ['--room', id])) || process.exitCode
      }
    console.log(fanoutTable(out))
  }
} finally {
  accord.child.kill('SIGTERM')
  await new Promise((resolve) => (accord.child.exitCode !== null ? resolve(null) : accord.child.once('exit', resolve)))
  const out = accord.child.stdout!
  await new Promise((resolve) => (out.readableEnded ? resolve(null) : out.once('end', resolve)))
  rmSync(dataDir, { recursive: true, force: true })
  for (const line of serverLog.split('\n')) if (line.includes('relay timings:')) console.log(line)
}
