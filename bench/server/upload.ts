/**
 * A 10 MB text uploaded to a real `accord serve` (a child process, its own event loop)
 * while a witness in this process asks for the health check and pings a sync socket
 * every 20 ms: the witness's round trips (p50/p95/p99), the import's time, and the
 * server's peak RSS over its RSS before the upload, beside the text's size (goal ≤ 50×).
 *
 *   node --import tsx bench/server/upload.ts [--megabytes 10]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import WebSocket from 'ws'
import { startAccordProcess } from './accord-process.ts'
import { quantile, witnessLoop } from '../../test/server/loop-witness.ts'

const { values } = parseArgs({ options: { megabytes: { type: 'string', default: '10' } } })
const bytes = Number(values.megabytes) * 1_000_000
const password = 'bench-secretariat-password'
const dir = mkdtempSync(path.join(tmpdir(), 'accord-upload-'))
const { child, url } = await startAccordProcess(dir, password, { ACCORD_SCRYPT_N: '1024' })
const memory = (field: 'VmRSS' | 'VmHWM') =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) * 1024

try {
  const login = await fetch(url + '/api/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'secretariat', password }),
  })
  const { token } = (await login.json()) as { token: string }
  const socket = new WebSocket(url.replace(/^http/, 'ws') + '/sync/non-paper', {
    headers: { authorization: `Bearer ${token}` },
  })
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))

  const filler = ' The Parties shall take note of the provisions on mitigation and adaptation, as appropriate.'
  const paragraphs: string[] = []
  for (let i = 1, size = 0; size < bytes; i++) {
    const p = `${i}.${filler.repeat(20)}`
    paragraphs.push(p)
    size += p.length + 2
  }
  const text = paragraphs.join('\n\n')

  const rssBefore = memory('VmRSS')
  const idle = witnessLoop(url, socket)
  await new Promise((r) => setTimeout(r, 2000))
  const before = await idle.stop()
  const witness = witnessLoop(url, socket)
  const started = performance.now()
  const res = await fetch(url + '/api/documents?title=Upload%20bench', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
    body: text,
  })
  await res.text()
  const importMs = performance.now() - started
  const during = await witness.stop()
  const peak = memory('VmHWM')
  socket.close()

  const mb = (n: number) => (n / 1e6).toFixed(1)
  const row = (name: string, xs: number[]) =>
    `| ${name} | ${xs.length} | ${[0.5, 0.95, 0.99].map((q) => quantile(xs, q).toFixed(1)).join(' | ')} |`
  console.log(`text ${mb(text.length)} MB, ${paragraphs.length} paragraphs: ${res.status} in ${importMs.toFixed(0)} ms`)
  console.log('| witness | answers | p50 ms | p95 ms | p99 ms |')
  console.log('| --- | --- | --- | --- | --- |')
  console.log(row('HTTP idle', before.http))
  console.log(row('WebSocket idle', before.ws))
  console.log(row('HTTP during upload', during.http))
  console.log(row('WebSocket during upload', during.ws))
  console.log(
    `server RSS before ${mb(rssBefore)} MB, peak ${mb(peak)} MB: +${mb(peak - rssBefore)} MB = ${((peak - rssBefore) / text.length).toFixed(1)}× the text`,
  )
} finally {
  child.kill('SIGTERM')
  await new Promise((r) => child.once('exit', r))
  rmSync(dir, { recursive: true, force: true })
}
