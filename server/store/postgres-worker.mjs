// The thread that holds PostgreSQL's connection for `postgres-sql.ts`. Plain JavaScript
// so it needs no TypeScript loader of its own. Each request is one statement; the answer
// goes back on `replies` and the waiting main thread is woken through `signal`.
import { parentPort, workerData } from 'node:worker_threads'
import pg from 'pg'

// Accord's integers (times in ms, ids, counts, sums) fit in a double: read them as numbers.
pg.types.setTypeParser(20, (v) => Number(v)) // int8: count(*), BIGINT columns
pg.types.setTypeParser(1700, (v) => Number(v)) // numeric: sum() of bigints

const { url, replies, signal } = workerData
const flag = new Int32Array(signal)
let client

async function connected() {
  if (client) return client
  const fresh = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  // A dropped connection (server restart) is noticed here; the next statement reconnects.
  fresh.on('error', () => {
    if (client === fresh) client = undefined
  })
  await fresh.connect()
  client = fresh
  return fresh
}

const asBuffer = (v) =>
  v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v

function answer(message) {
  replies.postMessage(message)
  Atomics.store(flag, 0, 1)
  Atomics.notify(flag, 0)
}

parentPort.on('message', async ({ sql, params, close }) => {
  if (close) {
    await client?.end().catch(() => {})
    client = undefined
    return answer({ rows: [], changes: 0 })
  }
  let used
  try {
    used = await connected()
    const result = await used.query({ text: sql, values: params.map(asBuffer) })
    const rows = Array.isArray(result) ? result.at(-1).rows : result.rows
    answer({ rows, changes: (Array.isArray(result) ? result.at(-1).rowCount : result.rowCount) ?? 0 })
  } catch (error) {
    // A broken connection is dropped so the next statement starts on a fresh one.
    if (used && (!used._connected || used._ending || error.code === undefined)) {
      if (client === used) client = undefined
      used.end().catch(() => {})
    }
    answer({ error: { message: error.message, code: error.code } })
  }
})
