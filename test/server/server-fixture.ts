/**
 * A real Accord server for tests: a temp data folder with a real SQLite file, an
 * ephemeral port on 127.0.0.1, the real templates, and clients that speak to it the way
 * browsers will — HTTP with a bearer token, y-websocket providers and raw y-protocols
 * sockets.
 */
import { afterAll, beforeAll } from 'vitest'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import { startServer, type RunningServer } from '../../server/app.ts'
import { optionsFromEnv, type ServerOptions } from '../../server/config.ts'
import type { Role } from '../../shared/document/roles.ts'
import { templateIndex } from '../model/template-model.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { bearerSocket } from '../bearer-socket.ts'

/** The repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/** The secretariat password every test server starts with. */
export const secretariatPassword = 'secretariat-test-password'
/** The scrypt cost of test servers: far below OWASP's (`server/auth/passwords.ts`) so the suite stays quick. */
export const testPasswordCost = { N: 1024, r: 8, p: 1 }

/** A temp folder removed by `cleanup`. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'accord-test-'))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A JSON response. */
export interface ApiResponse {
  status: number
  body: any
  headers: Headers
}

/** Calls the API. `body` as a string is sent as text/plain. */
export async function callApi(
  baseUrl: string,
  method: string,
  route: string,
  token?: string,
  body?: unknown,
): Promise<ApiResponse> {
  const headers: Record<string, string> = {}
  if (token) headers.authorization = `Bearer ${token}`
  let payload: string | undefined
  if (typeof body === 'string') {
    headers['content-type'] = 'text/plain'
    payload = body
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json'
    payload = JSON.stringify(body)
  }
  const res = await fetch(baseUrl + route, { method, headers, body: payload })
  const text = await res.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {}
  return { status: res.status, body: parsed, headers: res.headers }
}

/** Logs in and returns the token (throws on failure). */
export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await callApi(baseUrl, 'POST', '/api/login', undefined, { username, password })
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.token as string
}

/** A test server with a logged-in secretariat. */
export interface TestServer {
  server: RunningServer
  url: string
  /** `ws://127.0.0.1:PORT/sync`, the provider's serverUrl. */
  syncUrl: string
  secretariatToken: string
  api(method: string, route: string, token?: string, body?: unknown): Promise<ApiResponse>
  /** Creates an account with that role and returns its token. */
  account(role: Role, party?: string): Promise<string>
  close(): Promise<void>
}

let accountCounter = 0
/** The password of every account `TestServer.account` creates. */
export const accountPassword = 'a-long-enough-password'

/** Starts a server on an ephemeral port in a fresh temp data folder (or `dataDir`). */
export async function startTestServer(overrides: Partial<ServerOptions> = {}): Promise<TestServer> {
  const temp = overrides.dataDir ? undefined : tempDir()
  const options: ServerOptions = {
    ...optionsFromEnv({}),
    port: 0,
    host: '127.0.0.1',
    dataDir: temp?.dir ?? overrides.dataDir!,
    templatesDir: path.join(repoRoot, 'templates'),
    secretariatPassword,
    passwordCost: testPasswordCost,
    log: () => {},
    // Rooms unload as soon as they empty, as most tests expect; the unload test sets a grace.
    unloadAfterMs: 0,
    ...overrides,
  }
  const server = await startServer(options)
  const url = server.url
  let secretariatToken: string
  try {
    secretariatToken = await login(url, 'secretariat', secretariatPassword)
  } catch (error) {
    await server.close()
    temp?.cleanup()
    throw error
  }
  const api = (method: string, route: string, token?: string, body?: unknown) =>
    callApi(url, method, route, token, body)
  return {
    server,
    url,
    syncUrl: url.replace(/^http/, 'ws') + '/sync',
    secretariatToken,
    api,
    async account(role, party) {
      const username = `${role}-${++accountCounter}`
      const password = accountPassword
      const res = await api('POST', '/api/accounts', secretariatToken, {
        username,
        password,
        role,
        ...(party ? { party } : {}),
      })
      if (res.status !== 201) throw new Error(`create account: ${res.status} ${JSON.stringify(res.body)}`)
      return login(url, username, password)
    },
    async close() {
      await server.close()
      temp?.cleanup()
    },
  }
}

/**
 * The server a test file shares: started before its tests, closed after them.
 * Its fields are filled in once it has started, so read them inside tests.
 */
export function testServerSuite(overrides: Partial<ServerOptions> = {}): TestServer {
  const suite = {} as TestServer
  beforeAll(async () => {
    Object.assign(suite, await startTestServer(overrides))
  })
  afterAll(async () => {
    await suite.close?.()
  })
  return suite
}

/**
 * A y-websocket 3 provider connected and synced to `room` (BroadcastChannel disabled), on
 * a new document or on `doc` (a browser that reconnects through the front door to another process).
 */
export async function connectProvider(
  syncUrl: string,
  room: string,
  token: string,
  doc = new Y.Doc(),
): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
  const provider = new WebsocketProvider(syncUrl, room, doc, {
    disableBc: true,
    WebSocketPolyfill: bearerSocket(token),
  })
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`provider for ${room} did not sync`)), 10_000)
    provider.once('sync', () => {
      clearTimeout(timer)
      resolve()
    })
  })
  return { doc, provider }
}

export { eventually, RawClient } from '../raw-client.ts'

/** Exposed for awareness assertions. */
export { awarenessProtocol }

const children: ChildProcess[] = []
afterAll(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
})

/**
 * Starts `accord serve` as a child process on a free port (killed after the test) and
 * resolves with its URL: for tests that kill the server, or that must see it survive.
 * Children still running when the test file ends are killed.
 */
export async function serveChild(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['bin/accord.mjs', 'serve'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      ACCORD_DATA: dataDir,
      ACCORD_SECRETARIAT_PASSWORD: secretariatPassword,
      // Test suites only: OWASP's scrypt cost would spend seconds on every login.
      ACCORD_SCRYPT_N: '1024',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  children.push(child)
  let out = ''
  child.stdout!.on('data', (chunk) => (out += chunk))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start: ' + out)), 30_000)
    child.stdout!.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(out)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)))
  })
  return { child, url, output: () => out }
}

/** A prefix for scratch rooms, on test servers started with `{ scratchPrefix }`: any root type goes there. */
export const scratchPrefix = 'scratch-'

/**
 * Resolutions that are valid on the template, one per bracket group or optional bracket
 * (`[id, value]`): for tests that need many permitted writes to the real text room.
 */
export const templateResolutions: [string, string][] = [...templateIndex.groups.values()].map((group) => [
  group.id,
  group.alternatives.length === 1 ? 'kept' : group.alternatives[group.alternatives.length - 1]!,
])

const MARK = '⟨test⟩ '

/**
 * A co-chair's edit of a document's real text, for tests that need many permitted
 * writes: appends a paragraph holding `marker` (one Yjs transaction).
 */
export function appendParagraph(doc: Y.Doc, marker: string): void {
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(MARK + marker)])
  textRoom(doc).text.push([paragraph])
}

/** The markers of the paragraphs `appendParagraph` added, in document order. */
export function appendedParagraphs(doc: Y.Doc): string[] {
  const out: string[] = []
  for (const child of textRoom(doc).text.toArray()) {
    if (!(child instanceof Y.XmlElement) || child.nodeName !== 'paragraph') continue
    const text = child
      .toArray()
      .map((t) => (t instanceof Y.XmlText ? t.toString() : ''))
      .join('')
    if (text.startsWith(MARK)) out.push(text.slice(MARK.length))
  }
  return out
}
