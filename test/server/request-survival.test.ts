/**
 * No request stops the server: the requests that once killed `accord serve` (a cookie
 * that is not percent-encoding, an absolute-form target with an impossible port) and a
 * seeded fuzz of malformed upgrade requests each cost only their own socket. The server
 * runs as a child process, so a crash would show as its exit, not as this test's.
 */
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually, login, RawClient, secretariatPassword, serveChild, tempDir } from './server-fixture.ts'
import { seededRandom } from '../seeded-random.ts'

/** Sends raw bytes on a fresh TCP connection and resolves with everything the server answered. */
function rawRequest(url: string, request: string | Buffer): Promise<string> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname)
    let answer = ''
    socket.setTimeout(5000, () => socket.destroy())
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')))
    socket.on('close', () => resolve(answer))
    socket.on('error', () => resolve(answer))
    socket.write(request)
    // Half-close: a server that waits for more of a truncated request still answers or drops it.
    socket.end()
  })
}

/** An upgrade request to `target` with `headers` (raw lines). */
function upgradeRequest(target: string, headers: string[]): string {
  return [
    `GET ${target} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Connection: Upgrade',
    'Upgrade: websocket',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    ...headers,
    '',
    '',
  ].join('\r\n')
}

const pieces = [
  '%',
  '%E0%A4%A',
  '%zz',
  '\u00ff',
  ';',
  '=',
  ' ',
  '..',
  '/',
  '?',
  '#',
  '%00',
  '\t',
  'accord_token',
  'non-paper',
  'proposals',
  ':99999',
  '[',
  ']',
  '@',
  '\\',
]

function fuzzString(next: () => number, max: number): string {
  let out = ''
  const n = Math.floor(next() * max)
  for (let i = 0; i < n; i++)
    out += next() < 0.5 ? pieces[Math.floor(next() * pieces.length)] : String.fromCharCode(33 + Math.floor(next() * 94))
  return out
}

function fuzzedUpgrade(next: () => number): string {
  const targets = [
    () => `/sync/${fuzzString(next, 12)}`,
    () => `http://${fuzzString(next, 6)}:${Math.floor(next() * 200000)}/sync/non-paper`,
    () => `/sync/non-paper?token=${fuzzString(next, 20)}`,
    () => fuzzString(next, 30) || '/',
    () => `//${fuzzString(next, 8)}`,
  ]
  const headers: string[] = []
  if (next() < 0.7)
    headers.push(`Cookie: ${fuzzString(next, 4)}accord_token=${fuzzString(next, 10)}${next() < 0.5 ? '; a=%' : ''}`)
  if (next() < 0.3) headers.push(`Authorization: Bearer ${fuzzString(next, 20)}`)
  if (next() < 0.2) headers.push(`Authorization: ${fuzzString(next, 10)}`)
  if (next() < 0.2) headers.push(`Sec-WebSocket-Protocol: ${fuzzString(next, 10)}`)
  if (next() < 0.1) headers.push(`X-Long: ${'a'.repeat(Math.floor(next() * 20000))}`)
  const target = targets[Math.floor(next() * targets.length)]!().replace(/[\r\n ]/g, '')
  return upgradeRequest(
    target || '/',
    headers.map((h) => h.replace(/[\r\n]/g, '')),
  )
}

describe('a request never stops the server', () => {
  const temp = tempDir()
  let server: Awaited<ReturnType<typeof serveChild>>
  let syncUrl: string
  let token: string
  let exited: number | null | undefined

  beforeAll(async () => {
    server = await serveChild(temp.dir)
    server.child.once('exit', (code) => (exited = code))
    syncUrl = server.url.replace(/^http/, 'ws') + '/sync'
    token = await login(server.url, 'secretariat', secretariatPassword)
  }, 30_000)
  afterAll(() => temp.cleanup())

  /** The process is up and a witness still receives a write made after the attack. */
  async function stillServing(label: string): Promise<void> {
    expect(exited, `server exited after ${label}: ${server.output()}`).toBeUndefined()
    const health = await fetch(server.url + '/healthz')
    expect(health.status).toBe(200)
    const writer = await RawClient.connect(syncUrl, 'non-paper', token)
    const witness = await RawClient.connect(syncUrl, 'non-paper', token)
    writer.doc.getMap('resolutions').set('g40', 'g40.2')
    writer.doc.getMap('resolutions').delete('g40')
    await eventually(
      () => witness.doc.getMap('resolutions').size === 0 && witness.doc.store.clients.has(writer.doc.clientID),
      5000,
      `relay after ${label}`,
    )
    writer.close()
    witness.close()
  }

  it('answers 400 to an upgrade with a cookie that is not percent-encoding, and stays up', async () => {
    const answer = await rawRequest(server.url, upgradeRequest('/sync/non-paper', ['Cookie: accord_token=%']))
    expect(answer).toMatch(/^HTTP\/1\.1 400/)
    expect(answer).toMatch(/percent-encoding/)
    await stillServing('Cookie: accord_token=%')
  })

  it('answers 400 to an absolute-form target with an impossible port, and stays up', async () => {
    const answer = await rawRequest(server.url, upgradeRequest('http://a:99999/sync/x', []))
    expect(answer).toMatch(/^HTTP\/1\.1 400/)
    await stillServing('GET http://a:99999/sync/x')
  })

  it('answers the API with 400, not 500, for the same cookie', async () => {
    const res = await fetch(server.url + '/api/me', { headers: { cookie: 'accord_token=%' } })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: string }
    expect(body.error).toMatch(/percent-encoding/)
    await stillServing('API cookie')
  })

  it('survives a seeded fuzz of 600 malformed upgrade requests while an honest pair keeps working', async () => {
    const next = seededRandom(20261201)
    const writer = await RawClient.connect(syncUrl, 'non-paper', token)
    const witness = await RawClient.connect(syncUrl, 'non-paper', token)
    const statuses = new Map<string, number>()
    for (let round = 0; round < 30; round++) {
      const requests = Array.from({ length: 20 }, () => fuzzedUpgrade(next))
      const answers = await Promise.all(requests.map((r) => rawRequest(server.url, r)))
      for (const answer of answers) {
        const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 'dropped'
        statuses.set(status, (statuses.get(status) ?? 0) + 1)
      }
      // Between rounds, an honest write still reaches its witness.
      const choice = round % 2 ? 'g40.1' : 'g40.2'
      writer.doc.getMap('resolutions').set('g40', choice)
      await eventually(() => witness.doc.getMap('resolutions').get('g40') === choice, 5000, `relay in round ${round}`)
    }
    writer.doc.getMap('resolutions').delete('g40')
    expect(statuses.has('500'), `statuses: ${JSON.stringify([...statuses])}`).toBe(false)
    expect([...statuses.keys()].some((s) => s === '400' || s === '401' || s === '404')).toBe(true)
    writer.close()
    witness.close()
    await stillServing('the fuzz')
  }, 120_000)
})
