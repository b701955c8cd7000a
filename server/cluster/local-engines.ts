/**
 * Throwaway PostgreSQL and Redis servers on this machine, in temp folders, on free ports:
 * for `npm run cluster`, the cluster tests and benchmarks. Debian's binaries
 * (`redis-server`, `/usr/lib/postgresql/<v>/bin`; `bin/install-system-tools` installs them).
 * PostgreSQL refuses to run as root, so under root its processes run as the `postgres` user.
 * Each server is one child process, so a test can kill -9 it and start it again on the same
 * folder and port.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** A free TCP port on 127.0.0.1, as the kernel hands it out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

function postgresBin(): string {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : []
  if (versions.length === 0)
    throw new Error('PostgreSQL is not installed: run bin/install-system-tools (Debian package postgresql)')
  return path.join(root, versions[0]!, 'bin')
}

const asRoot = process.getuid?.() === 0

/**
 * Under root, the uid and gid PostgreSQL runs as (the `postgres` user). The child is
 * spawned with them directly, not through runuser: runuser stays the parent, so a kill -9
 * would reach it and leave the postmaster running.
 */
function pgUser(): { uid: number; gid: number } | undefined {
  if (!asRoot) return undefined
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim())
  return { uid: id('-u'), gid: id('-g') }
}

async function waitFor(what: string, ready: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      if (await ready()) return
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${what} did not start within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** A server process that can be killed and started again on the same data and port. */
export interface LocalEngine {
  url: string
  port: number
  process(): ChildProcess
  /** Starts it (again) and resolves once it answers. */
  start(): Promise<void>
  /** kill -9, then waits for the exit. */
  kill(): Promise<void>
  /** Stops it and removes its folder. */
  destroy(): Promise<void>
}

function killChild(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill(signal)
  })
}

/** A fresh PostgreSQL cluster (database `accord`, user `accord`, trust auth on 127.0.0.1). */
export async function startPostgres(): Promise<LocalEngine> {
  const bin = postgresBin()
  const dir = mkdtempSync(path.join(tmpdir(), 'accord-pg-'))
  const user = pgUser()
  if (user) execFileSync('chown', ['postgres:', dir])
  execFileSync(path.join(bin, 'initdb'), ['-D', dir, '-U', 'accord', '-A', 'trust', '--no-sync', '-E', 'UTF8'], {
    stdio: 'ignore',
    ...user,
  })
  const port = await freePort()
  let child: ChildProcess | undefined
  const url = `postgres://accord@127.0.0.1:${port}/postgres`
  const answers = async () => {
    const { default: pg } = await import('pg')
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 })
    try {
      await client.connect()
      await client.query('SELECT 1')
      return true
    } finally {
      await client.end().catch(() => {})
    }
  }
  const engine: LocalEngine = {
    url,
    port,
    process: () => child!,
    async start() {
      const args = [
        '-D',
        dir,
        '-p',
        String(port),
        '-k',
        '/tmp',
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'max_connections=200',
      ]
      child = spawn(path.join(bin, 'postgres'), args, { stdio: 'ignore', cwd: dir, ...user })
      await waitFor('PostgreSQL', answers)
    },
    async kill() {
      await killChild(child, 'SIGKILL')
      // The postmaster's children notice their parent is gone and exit; wait for the socket to free.
      await waitFor('PostgreSQL to stop', async () => !(await answers().catch(() => false)))
    },
    async destroy() {
      await killChild(child, 'SIGTERM')
      rmSync(dir, { recursive: true, force: true })
    },
  }
  await engine.start()
  return engine
}

/** A fresh Redis that keeps nothing on disk. */
export async function startRedis(): Promise<LocalEngine> {
  const port = await freePort()
  const dir = mkdtempSync(path.join(tmpdir(), 'accord-redis-'))
  let child: ChildProcess | undefined
  const url = `redis://127.0.0.1:${port}`
  const engine: LocalEngine = {
    url,
    port,
    process: () => child!,
    async start() {
      child = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
        { stdio: 'ignore' },
      )
      await waitFor('Redis', () => {
        try {
          return (
            execFileSync('redis-cli', ['-p', String(port), 'ping'], { stdio: ['ignore', 'pipe', 'ignore'] })
              .toString()
              .trim() === 'PONG'
          )
        } catch {
          return false
        }
      })
    },
    async kill() {
      await killChild(child, 'SIGKILL')
    },
    async destroy() {
      await killChild(child, 'SIGTERM')
      rmSync(dir, { recursive: true, force: true })
    },
  }
  await engine.start()
  return engine
}
