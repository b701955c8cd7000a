/**
 * Where the fan-out tail comes from, measured on the event loop itself: the time each
 * durable commit (one keystroke-sized update, synchronous=FULL, real SQLite file) holds the
 * loop, paced like a room's traffic, with
 *
 * - `inline`: SQLite's auto-checkpoint (every 1,000 WAL pages, run inside the commit that
 *   crosses it), as before;
 * - `worker`: wal_autocheckpoint=0 and PASSIVE checkpoints in the store worker
 *   (`server/store/checkpointer.ts`);
 *
 * and the event-loop time of compacting a room holding the template or the 300-page text
 * plus `--rows` updates: in place (`UpdateLog.compact`) against the worker's merge, where
 * the loop only swaps the rows (`UpdateLog.replaceMerged`).
 *
 *   npx tsx bench/server/commit-tail.ts [--commits 6000] [--gap-ms 1] [--rows 1000]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import * as Y from 'yjs'
import { closeStore, openStore } from '../../server/store/database.ts'
import { Checkpointer } from '../../server/store/checkpointer.ts'
import { StoreWorker } from '../../server/store/store-worker.ts'
import { SqliteSql } from '../../server/store/sqlite-sql.ts'
import { UpdateLog } from '../../server/store/update-log.ts'
import { seedNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { largeNonPaper } from '../editor/large-text.ts'

const { values } = parseArgs({
  options: {
    commits: { type: 'string', default: '6000' },
    'gap-ms': { type: 'string', default: '1' },
    rows: { type: 'string', default: '1000' },
  },
})
const commits = Number(values.commits)
const gapMs = Number(values['gap-ms'])

function keystrokes(n: number): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  const text = doc.getText('bench')
  for (let i = 0; i < n; i++) text.insert((i * 31) % (text.length + 1), `{w1#${i}@${Date.now()}}`)
  return updates
}

const quantiles = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1]! }
}
const row = (label: string, ms: number[]) => {
  const q = quantiles(ms)
  console.log(
    `| ${label} | ${ms.length} | ${q.p50.toFixed(3)} | ${q.p95.toFixed(3)} | ${q.p99.toFixed(3)} | ${q.max.toFixed(2)} |`,
  )
}

const updates = keystrokes(commits)
console.log('| commits, synchronous=FULL | n | p50 ms | p95 | p99 | max |\n| --- | --- | --- | --- | --- | --- |')
for (const mode of ['inline', 'worker'] as const) {
  const dir = mkdtempSync(path.join(tmpdir(), 'accord-tail-'))
  const db = openStore(dir, 'FULL') as SqliteSql
  const worker = new StoreWorker(db.db.name)
  const checkpointer = mode === 'worker' ? new Checkpointer(db, worker) : undefined
  const log = new UpdateLog(db)
  const times: number[] = []
  for (const update of updates) {
    const start = performance.now()
    log.batch(() => log.append('bench', update))
    times.push(performance.now() - start)
    checkpointer?.committed()
    await new Promise((resolve) => setTimeout(resolve, gapMs))
  }
  const walPages = Math.round(readFileSync(db.db.name + '-wal').length / 4096)
  row(
    `${mode} (WAL ${walPages} pages at the end${checkpointer ? `, ${checkpointer.stats.checkpoints} checkpoints in the worker` : ''})`,
    times,
  )
  await checkpointer?.stop()
  await worker.close()
  closeStore(db)
  rmSync(dir, { recursive: true, force: true })
}

console.log(
  '\n| compaction, event-loop ms | in place | worker: swap only | worker merge (off loop) |\n| --- | --- | --- | --- |',
)
const template = new Y.Doc()
seedNegotiationDoc(
  template,
  readFileSync(path.resolve(import.meta.dirname, '../../templates/non-paper/text.txt'), 'utf8'),
)
const large = new Y.Doc()
seedNegotiationDoc(large, largeNonPaper(5000))
for (const [label, doc] of [
  ['template', template],
  ['300 pages', large],
] as const) {
  const dir = mkdtempSync(path.join(tmpdir(), 'accord-compact-'))
  const db = openStore(dir, 'FULL') as SqliteSql
  const worker = new StoreWorker(db.db.name)
  const log = new UpdateLog(db)
  const fill = () => {
    log.batch(() => log.append('room', Y.encodeStateAsUpdate(doc)))
    const edits = keystrokes(Number(values.rows))
    log.batch(() => edits.forEach((u) => log.append('room', u)))
  }
  fill()
  let start = performance.now()
  log.compact('room')
  const inPlace = performance.now() - start
  log.drop('room')
  fill()
  start = performance.now()
  const merged = (await worker.merge('room'))!
  const mergeMs = performance.now() - start
  start = performance.now()
  log.replaceMerged('room', merged.upToSeq, merged.rows, merged.state)
  const swap = performance.now() - start
  console.log(`| ${label} + ${values.rows} rows | ${inPlace.toFixed(1)} | ${swap.toFixed(1)} | ${mergeMs.toFixed(1)} |`)
  await worker.close()
  closeStore(db)
  rmSync(dir, { recursive: true, force: true })
}
