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
import { DocumentCatalogue } from './store/documents.ts'
import { RevisionArchive } from './store/revisions.ts'
import { UpdateLog } from './store/update-log.ts'
import { RoomRegistry } from './sync/rooms.ts'
import { Cluster } from './cluster/cluster.ts'

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
}

/** Opens the store in `options.dataDir` and builds the services on it. */
export function createServices(options: ServerOptions): Services {
  const store = openStore(options.dataDir, options.synchronous, options.databaseUrl)
  const cluster = options.redisUrl ? new Cluster(options.redisUrl, store, options.log, options.leaseMs) : undefined
  const updates = cluster?.log ?? new UpdateLog(store)
  const accounts = new AccountDirectory(store, options.passwordCost)
  const documents = new DocumentCatalogue(store)
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
    rooms: new RoomRegistry(updates, {
      compactAfterRows: options.compactAfterRows,
      compactIntervalMs: options.compactIntervalMs,
      log: options.log,
      isScratch: (id) => documents.get(id)?.kind === 'scratch',
      cluster,
    }),
  }
  cluster?.attach(services.rooms, options.limits, services.tokens)
  return services
}
