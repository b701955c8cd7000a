/**
 * Real components for browser tests and the editor benchmark: the client built
 * once with Vite into client/dist, a real `accord serve` child process on a free
 * port with a temp ACCORD_DATA and a known secretariat password, Debian's
 * chromium driven by playwright-core, and Node y-websocket clients for entering
 * decisions the way a second co-chair's browser would.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../../server/chromium.ts'
import { bearerSocket } from '../bearer-socket.ts'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'

/** The repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/** The secretariat password every test server starts with. */
export const secretariatPassword = 'secretariat-browser-test'
/** Where tests save screenshots. */
export const artifactsDir = path.join(repoRoot, 'test-artifacts')

/**
 * Builds client/dist with Vite unless a build newer than every client source is
 * there. A lock directory keeps two test files from building at once.
 */
export async function buildClient(): Promise<void> {
  const lock = path.join(repoRoot, 'client', '.build-lock')
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  try {
    const stamp = path.join(repoRoot, 'client', 'dist', 'index.html')
    if (
      existsSync(stamp) &&
      newestSource(path.join(repoRoot, 'client')) < statSync(stamp).mtimeMs &&
      newestSource(path.join(repoRoot, 'shared')) < statSync(stamp).mtimeMs &&
      // The client bundles the party table and its years, and its dependencies as installed.
      newestSource(path.join(repoRoot, 'templates', 'parties')) < statSync(stamp).mtimeMs &&
      newestSource(path.join(repoRoot, 'patches')) < statSync(stamp).mtimeMs &&
      statSync(path.join(repoRoot, 'node_modules', '.package-lock.json')).mtimeMs < statSync(stamp).mtimeMs
    )
      return
    const { build } = await import('vite')
    await build({ configFile: path.join(repoRoot, 'client', 'vite.config.ts'), logLevel: 'warn' })
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

function newestSource(dir: string): number {
  let newest = 0
  const walk = (d: string) => {
    for (const name of readdirNames(d)) {
      if (name === 'dist' || name.startsWith('.')) continue
      const p = path.join(d, name)
      const s = statSync(p)
      if (s.isDirectory()) walk(p)
      else newest = Math.max(newest, s.mtimeMs)
    }
  }
  walk(dir)
  return newest
}

function readdirNames(d: string): string[] {
  return readdirSync(d)
}

/** A running `accord serve`. */
export interface ServerProcess {
  url: string
  dataDir: string
  /** Creates an account (by the secretariat) and returns its credentials and token. */
  account(role: string, party?: string): Promise<{ username: string; password: string; token: string }>
  login(username: string, password: string): Promise<string>
  api(method: string, route: string, token?: string, body?: unknown): Promise<{ status: number; body: any }>
  stop(): Promise<void>
}

let accountCounter = 0

/** Starts `node bin/accord.mjs serve` on a free port with a fresh data folder (and `env`, e.g. lower limits). */
export async function startServerProcess(env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'accord-browser-'))
  const child: ChildProcess = spawn(process.execPath, [path.join(repoRoot, 'bin', 'accord.mjs'), 'serve'], {
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
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 90_000)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const m = /listening on (http:\/\/[^\s]+)/.exec(output)
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
      }
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)))
  })
  const api = async (method: string, route: string, token?: string, body?: unknown) => {
    const headers: Record<string, string> = {}
    if (token) headers.authorization = `Bearer ${token}`
    if (body !== undefined) headers['content-type'] = typeof body === 'string' ? 'text/plain' : 'application/json'
    const res = await fetch(url + route, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    const text = await res.text()
    let parsed: any = text
    try {
      parsed = JSON.parse(text)
    } catch {}
    return { status: res.status, body: parsed }
  }
  const login = async (username: string, password: string) => {
    const res = await api('POST', '/api/login', undefined, { username, password })
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`)
    return res.body.token as string
  }
  const secretariat = await login('secretariat', secretariatPassword)
  return {
    url,
    dataDir,
    api,
    login,
    async account(role, party) {
      const username = `${role}-${++accountCounter}`
      const password = 'a-long-enough-password'
      const res = await api('POST', '/api/accounts', secretariat, {
        username,
        password,
        role,
        ...(party ? { party } : {}),
      })
      if (res.status !== 201) throw new Error(`create account: ${res.status} ${JSON.stringify(res.body)}`)
      return { username, password, token: await login(username, password) }
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await new Promise((r) => child.once('exit', r))
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Debian's chromium, never a downloaded one. */
export const launchBrowser = launchChromium

/** Logs in through the login page and waits for the document list. */
export async function logInThroughPage(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(url)
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.getByRole('heading', { name: 'Documents' }).waitFor()
}

/** Opens a document from the list and waits until the editor is bound. */
export async function openDocument(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: title }).click()
  await page.locator('.editor-page[data-ready="true"]').waitFor({ timeout: 20_000 })
}

/** A Node y-websocket client in a document's room (a co-chair's second window). */
export async function connectYClient(url: string, room: string, token: string): Promise<YClient> {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(url.replace(/^http/, 'ws') + '/sync', room, doc, {
    disableBc: true,
    WebSocketPolyfill: bearerSocket(token),
  })
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('y client did not sync')), 10_000)
    provider.once('sync', () => {
      clearTimeout(timer)
      resolve()
    })
  })
  return {
    doc,
    provider,
    async stored() {
      // The server relays only what it has committed: a second client that has it all proves it.
      const probe = await connectYClient(url, room, token)
      try {
        const deadline = Date.now() + 10_000
        while (!covers(Y.encodeStateVector(probe.doc), Y.encodeStateVector(doc))) {
          if (Date.now() > deadline) throw new Error(`the server did not store what the client wrote to ${room}`)
          await new Promise((r) => setTimeout(r, 20))
        }
      } finally {
        probe.close()
      }
    },
    close: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** A Node y-websocket client, as a second person's browser would be. */
export interface YClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Resolves once the server has stored everything this client wrote. */
  stored(): Promise<void>
  close(): void
}

/** Whether state vector `have` holds everything `want` holds. */
function covers(have: Uint8Array, want: Uint8Array): boolean {
  const held = Y.decodeStateVector(have)
  for (const [client, clock] of Y.decodeStateVector(want)) if ((held.get(client) ?? 0) < clock) return false
  return true
}

/** Saves a screenshot under test-artifacts/ and returns its path. */
export async function saveScreenshot(
  page: Page,
  name: string,
  target?: import('playwright-core').Locator,
): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true })
  const file = path.join(artifactsDir, `${name}.png`)
  // caret: 'initial' — Playwright hides the caret by writing a style attribute on every
  // contenteditable element, a DOM mutation ProseMirror reads back and redraws for,
  // which detaches the very element being photographed.
  if (target) await target.screenshot({ path: file, caret: 'initial' })
  else await page.screenshot({ path: file, caret: 'initial' })
  return file
}

/** The template's bindings and the Doha scenario, as files on disk. */
export function templateFile(name: string): any {
  return JSON.parse(readFileSync(path.join(repoRoot, 'templates', 'non-paper', name), 'utf8'))
}

/** Someone logged in through the login page, in a browser context of their own. */
export interface Person {
  page: Page
  username: string
  password: string
  /** An API token of the same account, for checks made beside the browser. */
  token: string
}

/** What a browser-test file shares; read its fields inside tests, not at import. */
export interface BrowserSuite {
  server: ServerProcess
  browser: Browser
  /** A new account with `role` (and Party) logged in; `open` opens that document. */
  person(role: string, party?: string, options?: { open?: string; height?: number }): Promise<Person>
}

/**
 * The built client, a server process and Debian's chromium for one test file:
 * started before its tests (then `prepare`, e.g. entering a scenario as a
 * second co-chair), stopped after them.
 */
export function browserSuite(
  prepare?: (server: ServerProcess) => Promise<void>,
  env: NodeJS.ProcessEnv = {},
): BrowserSuite {
  const suite = {
    async person(role: string, party?: string, options: { open?: string; height?: number } = {}): Promise<Person> {
      const { username, password, token } = await suite.server.account(role, party)
      const context = await suite.browser.newContext({ viewport: { width: 1500, height: options.height ?? 1000 } })
      const page = await context.newPage()
      await logInThroughPage(page, suite.server.url, username, password)
      if (options.open) await openDocument(page, options.open)
      return { page, username, password, token }
    },
  } as BrowserSuite
  beforeAll(async () => {
    await buildClient()
    suite.server = await startServerProcess(env)
    suite.browser = await launchBrowser()
    await prepare?.(suite.server)
  }, 120_000)
  afterAll(async () => {
    await suite.browser?.close()
    await suite.server?.stop()
  })
  return suite
}
