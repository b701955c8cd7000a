/**
 * Server configuration: the options `startServer` takes, and how `npm start` reads them
 * from the environment.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { owaspScryptCost, type ScryptCost } from './auth/passwords.ts'
import { defaultLimits, type Limits } from './limits.ts'
import type { Synchronous } from './store/database.ts'

/** Everything a server instance needs to run. */
export interface ServerOptions {
  port: number
  host: string
  /** Folder holding the SQLite store. */
  dataDir: string
  /** SQLite `synchronous` level; FULL unless the operator opts out (see store/database.ts). */
  synchronous: Synchronous
  /** PostgreSQL's address (`ACCORD_DATABASE_URL`); the SQLite file in `dataDir` when absent. */
  databaseUrl?: string
  /** Redis's address (`ACCORD_REDIS_URL`): several processes share the documents (`cluster/`). */
  redisUrl?: string
  /** How long a cluster process's lease on a room lasts unless renewed (`ACCORD_LEASE_MS`, default 3000). */
  leaseMs?: number
  /** Folder holding document templates (`non-paper/text.txt`). */
  templatesDir: string
  /** Folder of the built browser editor, served at `/` when it exists. */
  clientDir: string
  /** Password for the first secretariat account; generated and printed once when absent. */
  secretariatPassword?: string
  tokenTtlMs: number
  limits: Limits
  /** Compact a room once its log has this many rows. */
  compactAfterRows: number
  /** Also compact every room that changed, on this interval. */
  compactIntervalMs: number
  /**
   * Who checkpoints the WAL: SQLite inside the commit that crosses 1,000 pages (`sqlite`,
   * the default), or PASSIVE checkpoints in the store worker (`worker`). Measured on the
   * loaded 2-core machine the worker's checkpoints made the commit tail worse, not better
   * (bench/server/commit-tail.ts), so they are opt-in until measured on a quiet machine.
   */
  walCheckpoint: 'sqlite' | 'worker'
  /** Measure each relayed batch's phases and log them at shutdown (`ACCORD_RELAY_TIMINGS=1`, `sync/relay-timings.ts`). */
  relayTimings: boolean
  /** A room nobody is connected to stays in memory this long, then is unloaded (0: at once). */
  unloadAfterMs: number
  /**
   * Rooms whose id starts with this prefix are created empty on first connect by a
   * co-chair or the secretariat. Off (undefined) by default; the benchmark uses it
   * because its load generator picks fresh room names.
   */
  scratchPrefix?: string
  /**
   * The address people reach Accord at (`ACCORD_PUBLIC_URL`), when a proxy stands in
   * front. When it is https, responses carry Strict-Transport-Security and cookies are
   * `Secure`; its origin is also an allowed origin.
   */
  publicUrl?: string
  /**
   * Origins allowed to send cookie-authenticated requests and open sync sockets
   * (`ACCORD_ORIGIN`, comma-separated). Default: the public URL's origin, or the
   * listening address (`origin-policy.ts`).
   */
  allowedOrigins?: string[]
  /**
   * scrypt cost of new password hashes: OWASP's. `ACCORD_SCRYPT_N` lowers N for test
   * suites only (a lower N makes a stolen store cheaper to crack).
   */
  passwordCost: ScryptCost
  /** Where one-line operational messages go. */
  log: (line: string) => void
}

function originsFromEnv(raw: string | undefined): string[] | undefined {
  if (!raw) return undefined
  return raw.split(',').map((entry) => {
    const value = entry.trim()
    let origin: string
    try {
      origin = new URL(value).origin
    } catch {
      origin = 'null'
    }
    if (origin === 'null' || origin !== value.replace(/\/$/, ''))
      throw new Error(`ACCORD_ORIGIN must list origins such as https://accord.example.org, got "${value}"`)
    return origin
  })
}

function publicUrlFromEnv(raw: string | undefined): string | undefined {
  if (!raw) return undefined
  try {
    const url = new URL(raw)
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href
  } catch {}
  throw new Error(`ACCORD_PUBLIC_URL must be an http(s) URL such as https://accord.example.org/, got "${raw}"`)
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`)
  return value
}

function synchronousFromEnv(raw: string | undefined): Synchronous {
  if (raw === undefined || raw === '') return 'FULL'
  const value = raw.toUpperCase()
  if (value !== 'FULL' && value !== 'NORMAL')
    throw new Error(`ACCORD_SQLITE_SYNCHRONOUS must be FULL or NORMAL, got "${raw}"`)
  return value
}

/** Reads the options from the environment (PORT, ACCORD_DATA, …) with defaults. */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerOptions {
  return {
    port: intFromEnv(env, 'PORT', 8080),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.ACCORD_DATA || './data'),
    synchronous: synchronousFromEnv(env.ACCORD_SQLITE_SYNCHRONOUS),
    databaseUrl: env.ACCORD_DATABASE_URL || undefined,
    redisUrl: env.ACCORD_REDIS_URL || undefined,
    leaseMs: intFromEnv(env, 'ACCORD_LEASE_MS', 3000),
    templatesDir: path.resolve(env.ACCORD_TEMPLATES || path.join(root, 'templates')),
    clientDir: path.join(root, 'client', 'dist'),
    secretariatPassword: env.ACCORD_SECRETARIAT_PASSWORD || undefined,
    tokenTtlMs: intFromEnv(env, 'ACCORD_TOKEN_TTL_SECONDS', 12 * 3600) * 1000,
    limits: {
      ...defaultLimits,
      maxMessageBytes: intFromEnv(env, 'ACCORD_MAX_MESSAGE_BYTES', defaultLimits.maxMessageBytes),
      maxDocumentBytes: intFromEnv(env, 'ACCORD_MAX_DOCUMENT_BYTES', defaultLimits.maxDocumentBytes),
      maxConnectionsPerAccount: intFromEnv(
        env,
        'ACCORD_MAX_CONNECTIONS_PER_ACCOUNT',
        defaultLimits.maxConnectionsPerAccount,
      ),
      loginFreeFailures: intFromEnv(env, 'ACCORD_LOGIN_FREE_FAILURES', defaultLimits.loginFreeFailures),
      loginAddressFailures: intFromEnv(env, 'ACCORD_LOGIN_ADDRESS_FAILURES', defaultLimits.loginAddressFailures),
      maxBodyBytes: intFromEnv(env, 'ACCORD_MAX_BODY_BYTES', defaultLimits.maxBodyBytes),
      importTimeMs: intFromEnv(env, 'ACCORD_IMPORT_TIME_MS', defaultLimits.importTimeMs),
      importMemoryMb: intFromEnv(env, 'ACCORD_IMPORT_MEMORY_MB', defaultLimits.importMemoryMb),
      importQueue: intFromEnv(env, 'ACCORD_IMPORT_QUEUE', defaultLimits.importQueue),
    },
    compactAfterRows: intFromEnv(env, 'ACCORD_COMPACT_AFTER_ROWS', 1000),
    compactIntervalMs: intFromEnv(env, 'ACCORD_COMPACT_INTERVAL_SECONDS', 60) * 1000,
    walCheckpoint: env.ACCORD_WAL_CHECKPOINT === 'worker' ? 'worker' : 'sqlite',
    relayTimings: env.ACCORD_RELAY_TIMINGS === '1',
    unloadAfterMs: intFromEnv(env, 'ACCORD_UNLOAD_AFTER_SECONDS', 30) * 1000,
    scratchPrefix: env.ACCORD_SCRATCH_PREFIX || undefined,
    publicUrl: publicUrlFromEnv(env.ACCORD_PUBLIC_URL),
    allowedOrigins: originsFromEnv(env.ACCORD_ORIGIN),
    passwordCost: { ...owaspScryptCost, N: intFromEnv(env, 'ACCORD_SCRYPT_N', owaspScryptCost.N) },
    log: (line) => process.stdout.write(line + '\n'),
  }
}
