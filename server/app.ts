/**
 * One process, one port: express serves the editor and `/api`, and the same HTTP server
 * upgrades `/sync/ROOM` to the y-websocket protocol. `startServer` returns a handle whose
 * `close` shuts everything down in order: refuse new work, close sockets with a reason,
 * commit and compact, close the store.
 */
import { existsSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { apiRouter } from './api/router.ts'
import { bootstrapStore, type Bootstrap } from './bootstrap.ts'
import type { ServerOptions } from './config.ts'
import { createServices, type Services } from './services.ts'
import { closeStore } from './store/database.ts'
import { attachSyncEndpoint, type SyncEndpoint } from './sync/endpoint.ts'
import { guarded } from './listener-guard.ts'
import { OriginPolicy } from './origin-policy.ts'
import { refuseForeignOrigins } from './api/foreign-origin.ts'
import { isHttps } from './auth/cookies.ts'
import { noStore, securityHeaders } from './security-headers.ts'
import { closePdfPrinter } from './export/pdf-printer.ts'

/** A running server. */
export interface RunningServer {
  /** `http://HOST:PORT` as bound (the real port when 0 was asked for). */
  url: string
  port: number
  services: Services
  bootstrap: Bootstrap
  http: Server
  /** The sync endpoint (its open connections). */
  sync: SyncEndpoint
  /** Graceful shutdown; resolves when the store is closed. */
  close(reason?: string): Promise<void>
}

const notBuiltPage = `<!doctype html><meta charset="utf-8"><title>Accord</title>
<h1>Accord</h1><p>The editor is not built yet. The API is under <code>/api</code> and live sync under <code>/sync/DOC_ID</code>.</p>`

/** Starts Accord on `options.host:options.port`. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const services = createServices(options)
  const bootstrap = await bootstrapStore(services)
  const app = express()
  app.disable('x-powered-by')
  // Known once the port is bound; no request arrives before that.
  let origins: OriginPolicy | undefined
  app.use(securityHeaders({ https: isHttps(options) }))
  app.use(
    '/api',
    noStore,
    refuseForeignOrigins(services, () => origins!),
    apiRouter(services),
  )
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true })
  })
  if (existsSync(options.clientDir)) app.use(express.static(options.clientDir))
  else
    app.get('/', (_req, res) => {
      res.type('html').send(notBuiltPage)
    })

  const http = createServer(
    guarded(
      'HTTP request',
      options.log,
      (req: IncomingMessage, res: ServerResponse) => app(req, res),
      (_error, _req, res) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ error: 'internal error' }))
      },
    ),
  )
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(options.port, options.host, () => resolve())
  })
  const { port } = http.address() as AddressInfo
  origins = OriginPolicy.forServer(options, options.host, port)
  const sync = attachSyncEndpoint(http, services, origins)
  services.importer.warm()
  const host = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host
  const sweeper = setInterval(
    guarded('session sweep', options.log, () => services.tokens.sweep()),
    10 * 60_000,
  )
  sweeper.unref()

  let closing: Promise<void> | undefined
  const close = (reason = 'server shutting down'): Promise<void> => {
    closing ??= (async () => {
      clearInterval(sweeper)
      const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()))
      http.closeIdleConnections()
      await sync.close(1001, reason)
      services.rooms.close()
      if (services.rooms.relay.timings) options.log(`accord: ${services.rooms.relay.timings.summary()}`)
      await services.cluster?.close()
      await services.checkpointer?.stop()
      await services.storeWorker?.close().catch(() => {})
      http.closeAllConnections()
      await httpClosed
      await closePdfPrinter()
      await services.importer.close()
      closeStore(services.store)
    })()
    return closing
  }
  return { url: `http://${host}:${port}`, port, services, bootstrap, http, sync, close }
}
