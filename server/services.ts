/**
 * The server's parts, wired together once per process: the store and its tables, the
 * auth components and the room registry. HTTP routes and the sync endpoint receive this
 * object instead of reaching for globals, so tests can run several servers in one process.
 */
import { AccountDirectory } from './auth/accounts.ts'
import { SessionTokens } from './auth/tokens.ts'
import { ProjectionLinks } from './auth/projection-links.ts'
import type { ServerOptions } from './config.ts'
import { LoginThrottle } from './auth/login-throttle.ts'
import { AuditLog } from './store/audit-log.ts'
import { serverKey } from './store/server-keys.ts'
import { openStore, type Store } from './store/database.ts'
import { Checkpointer } from './store/checkpointer.ts'
import { RelayTimings } from './sync/relay-timings.ts'
import { SqliteSql } from './store/sqlite-sql.ts'
import { StoreWorker } from './store/store-worker.ts'
import { DocumentCatalogue } from './store/documents.ts'
import { RevisionArchive } from './store/revisions.ts'
import { UpdateLog } from './store/update-log.ts'
import { RoomRegistry } from './sync/rooms.ts'
import { Cluster } from './cluster/cluster.ts'
import { ImportThread } from './documents/import-thread.ts'

/** Everything a request handler may use. */
export interface Services {
  options: ServerOptions
  store: Store
  updates: UpdateLog
  documents: DocumentCatalogue
  revisions: RevisionArchive
  accounts: AccountDirectory
  tokens: SessionTokens
  /** Read-only links for the room's screen. */
  projections: ProjectionLinks
  loginThrottle: LoginThrottle
  audit: AuditLog
  rooms: RoomRegistry
  /** This process's part in a cluster (`ACCORD_REDIS_URL`), or undefined when it runs alone. */
  cluster?: Cluster
  /** Where imports run, off the event loop. */
  importer: ImportThread
  /** The store's background thread: WAL checkpoints and compaction merges. */
  storeWorker: StoreWorker | undefined
  checkpointer: Checkpointer | undefined
}

/** Opens the store in `options.dataDir` and builds the services on it. */
export function createServices(options: ServerOptions): Services {
  const store = openStore(options.dataDir, options.synchronous, options.databaseUrl)
  const cluster = options.redisUrl ? new Cluster(options.redisUrl, store, options.log, options.leaseMs) : undefined
  const updates = cluster?.log ?? new UpdateLog(store)
  const accounts = new AccountDirectory(store, options.passwordCost)
  const documents = new DocumentCatalogue(store)
  // The store worker opens the SQLite file a second time; PostgreSQL has its own background writer.
  const sqlite = store instanceof SqliteSql ? store : undefined
  const storeWorker = sqlite ? new StoreWorker(sqlite.db.name) : undefined
  const checkpointer =
    sqlite && storeWorker && options.walCheckpoint === 'worker'
      ? new Checkpointer(sqlite, storeWorker, 100, options.log)
      : undefined
  const services: Services = {
    options,
    cluster,
    store,
    updates,
    documents,
    revisions: new RevisionArchive(store),
    accounts,
    tokens: new SessionTokens(store, accounts, options.tokenTtlMs),
    projections: new ProjectionLinks(store),
    loginThrottle: new LoginThrottle(
      {
        freeFailures: options.limits.loginFreeFailures,
        addressFailures: options.limits.loginAddressFailures,
      },
      serverKey(store, 'device-cookie'),
    ),
    audit: new AuditLog(store),
    importer: new ImportThread({
      timeMs: options.limits.importTimeMs,
      memoryMb: options.limits.importMemoryMb,
      queue: options.limits.importQueue,
    }),
    rooms: new RoomRegistry(updates, {
      compactAfterRows: options.compactAfterRows,
      compactIntervalMs: options.compactIntervalMs,
      unloadAfterMs: options.unloadAfterMs,
      worker: storeWorker,
      checkpointer,
      log: options.log,
      isScratch: (id) => documents.get(id)?.kind === 'scratch',
      cluster,
    }),
    storeWorker,
    checkpointer,
  }
  if (options.relayTimings) services.rooms.relay.timings = new RelayTimings()
  cluster?.attach(services.rooms, options.limits, services.tokens, services.projections)
  return services
}
