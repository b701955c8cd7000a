/**
 * Durable appends per second through Accord's update log (server/store/update-log.ts),
 * on a real SQLite file in a temp folder: one update per commit, and batches of 10 and
 * 100 per commit (what DurableRelay does with updates that arrive together), under
 * synchronous=FULL (Accord's setting) and, for comparison, NORMAL.
 *
 *   npx tsx bench/server/durable-appends.ts [--updates 5000]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import * as Y from 'yjs'
import { closeStore, openStore } from '../../server/store/database.ts'
import { UpdateLog } from '../../server/store/update-log.ts'

const { values } = parseArgs({ options: { updates: { type: 'string', default: '5000' } } })
const total = Number(values.updates)

/** Realistic keystroke-sized updates: single-character inserts into a Y.Text. */
function makeUpdates(n: number): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  const text = doc.getText('t')
  for (let i = 0; i < n; i++) text.insert((i * 31) % (text.length + 1), 'abcdefghij'[i % 10]!)
  return updates
}

const updates = makeUpdates(total)
const meanBytes = updates.reduce((s, u) => s + u.length, 0) / updates.length
console.log(`${total} updates, mean ${meanBytes.toFixed(1)} bytes`)
console.log('| synchronous | updates per commit | appends/s | µs per commit |')
console.log('| --- | --- | --- | --- |')
for (const synchronous of ['FULL', 'NORMAL']) {
  for (const perCommit of [1, 10, 100]) {
    const dir = mkdtempSync(path.join(tmpdir(), 'accord-appends-'))
    const db = openStore(dir, synchronous as 'FULL' | 'NORMAL')
    const log = new UpdateLog(db)
    const start = process.hrtime.bigint()
    for (let i = 0; i < updates.length; i += perCommit) {
      log.batch(() => {
        for (const u of updates.slice(i, i + perCommit)) log.append('bench', u)
      })
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    const commits = Math.ceil(updates.length / perCommit)
    console.log(
      `| ${synchronous} | ${perCommit} | ${Math.round(updates.length / seconds)} | ${((seconds / commits) * 1e6).toFixed(0)} |`,
    )
    const check = new Y.Doc()
    log.loadInto('bench', check)
    if (check.getText('t').length !== total) throw new Error('appended updates did not load back')
    closeStore(db)
    rmSync(dir, { recursive: true, force: true })
  }
}
