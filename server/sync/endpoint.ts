/**
 * The WebSocket endpoint `ws://HOST:PORT/sync/ROOM`. The upgrade is the only door into
 * sync. It checks the room name and the page's origin (`origin-policy.ts`: a foreign
 * page riding the session cookie is refused with 403), then who is asking:
 *
 * - `Authorization: Bearer` (Node clients, the benchmarks): checked at the upgrade (401),
 *   with the document (404) and the account's connection budget (429);
 * - otherwise (browsers, which cannot give a WebSocket headers) the socket is accepted
 *   and joins nothing until its first message: a session-token message
 *   (`shared/document/session-message.ts`), or — if it sends anything else first — the
 *   `accord_token` cookie of the upgrade. A socket that names no live session within
 *   `authTimeoutMs` is closed with 4401; no document 4404; over budget 4429.
 *
 * A token in the URL (`?token=`) is refused with 400 — it would be in proxy logs — except
 * in scratch rooms, whose benchmark load generator knows no other way.
 *
 * A socket ends with its session: logout, expiry, a password reset, the account disabled
 * or its role changed close that session's sockets at once with 4401 (`auth/session-ends.ts`),
 * and a closed socket applies nothing it is sent afterwards.
 */
import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { bearerToken, cookieToken, requestUrl } from '../auth/request-token.ts'
import type { LiveSession } from '../auth/tokens.ts'
import { BadRequest } from '../bad-request.ts'
import { guarded } from '../listener-guard.ts'
import type { OriginPolicy } from '../origin-policy.ts'
import { mayStreamline } from '../../shared/document/roles.ts'
import type { Services } from '../services.ts'
import { SyncConnection } from './connection.ts'
import { projectionSession } from './projection-session.ts'
import { parseRoomName, type RoomAddress } from '../../shared/document/rooms.ts'
import { CLOSE } from '../../shared/document/protocol.ts'
import { CLOSE_TOO_MANY_CONNECTIONS, readSessionTokenMessage } from '../../shared/document/session-message.ts'

/** The path prefix of sync URLs. */
export const syncPath = '/sync/'

/** How long an accepted socket may take to say whose it is. */
export const authTimeoutMs = 10_000

/**
 * Sockets accepted and not yet authenticated, at most: each may hold up to one message of
 * `maxMessageBytes` in memory until it is read, so their number bounds that memory.
 */
const maxUnauthenticated = 200

/** The running endpoint. */
export interface SyncEndpoint {
  /** Open connections. */
  connections(): SyncConnection[]
  /**
   * How many entries the endpoint keeps per socket and per account, for the connection-storm
   * test: each must come back to its size once the sockets are gone.
   */
  counts(): { open: number; sessions: number; accounts: number; unauthenticated: number; sockets: number }
  /**
   * Stops accepting upgrades and closes every socket with `code` and `reason`; sockets
   * whose peer does not finish the close handshake within `graceMs` are terminated.
   */
  close(code: number, reason: string, graceMs?: number): Promise<void>
}

function refuse(socket: Duplex, status: number, message: string, detail?: string): void {
  const body = JSON.stringify({
    error: message,
    ...(detail ? { details: [{ field: 'request', message: detail }] } : {}),
  })
  socket.end(
    `HTTP/1.1 ${status} ${message}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  )
}

/** Why a session may not join a room now: a close code and reason, or undefined when it may. */
type Admission = { code: number; status: number; reason: string } | undefined

/** Attaches the sync endpoint to an HTTP server; `origins` says which pages may open sockets. */
export function attachSyncEndpoint(server: Server, services: Services, origins: OriginPolicy): SyncEndpoint {
  const { limits, scratchPrefix } = services.options
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, perMessageDeflate: false })
  const open = new Set<SyncConnection>()
  const sessionOf = new Map<SyncConnection, string>()
  const perAccount = new Map<number, number>()
  const unauthenticated = new Set<WebSocket>()
  let accepting = true

  const onClose = (connection: SyncConnection): void => {
    if (!open.delete(connection)) return
    sessionOf.delete(connection)
    const id = connection.account.id
    const left = (perAccount.get(id) ?? 1) - 1
    if (left > 0) perAccount.set(id, left)
    else perAccount.delete(id)
    services.rooms.release(connection.room)
  }

  const stopListening = services.tokens.ends.listen(({ accountId, sessionId, reason }) => {
    for (const connection of [...open]) {
      if (connection.account.id !== accountId) continue
      if (sessionId !== undefined && sessionOf.get(connection) !== sessionId) continue
      connection.close(CLOSE.sessionEnded, reason)
    }
  })

  // A revoked projection link's screens go dark at once.
  const stopRevoking = services.projections.onRevoke((link) => {
    for (const connection of [...open])
      if (connection.account.id === -link.id) connection.close(CLOSE.sessionEnded, 'projection link revoked')
  })

  /** The live session `token` names for `address`: an account's session, or a projection link's. */
  const sessionFor = (token: string | undefined, address: RoomAddress): LiveSession | undefined => {
    const session = services.tokens.session(token)
    if (session) return session
    const projection = projectionSession(services.projections, token, address)
    return projection && { id: projection.account.username, ...projection }
  }

  const isScratchName = (address: RoomAddress) =>
    scratchPrefix !== undefined && address.documentId.startsWith(scratchPrefix)

  /** Whether `session` may join `address` now; creates a scratch room a co-chair asks for. */
  const admit = (address: RoomAddress, session: LiveSession): Admission => {
    const { account } = session
    if (!services.documents.get(address.documentId)) {
      // An archived document keeps its id: it is not opened, and no scratch room takes its place.
      const created =
        isScratchName(address) &&
        mayStreamline(account.role) &&
        services.documents.create({
          id: address.documentId,
          title: address.documentId,
          kind: 'scratch',
          createdBy: account.username,
        })
      // Another process of a cluster may have made the same scratch room a moment before.
      if (!created && services.documents.get(address.documentId)?.kind !== 'scratch')
        return { code: CLOSE.noSuchDocument, status: 404, reason: 'no such document' }
    }
    if ((perAccount.get(account.id) ?? 0) >= limits.maxConnectionsPerAccount)
      return { code: CLOSE_TOO_MANY_CONNECTIONS, status: 429, reason: 'too many open connections for this account' }
    return undefined
  }

  /** Joins an authenticated, admitted socket to its room (opened fully loaded first). */
  const join = (ws: WebSocket, address: RoomAddress, session: LiveSession): SyncConnection | undefined => {
    if (!accepting) {
      ws.close(1001, 'server shutting down')
      return undefined
    }
    // Opening the room loads its whole log synchronously: the document is complete
    // before the connection exists, hence before its first sync message is read.
    const room = services.rooms.open(address)
    const { account } = session
    const connection = new SyncConnection(
      ws,
      room,
      account,
      services.rooms.relay,
      limits,
      onClose,
      services.options.log,
      (refusal) => services.audit.refusedWrite(account, address.name, refusal),
    )
    perAccount.set(account.id, (perAccount.get(account.id) ?? 0) + 1)
    open.add(connection)
    sessionOf.set(connection, session.id)
    connection.expireAt(session.expiresAt)
    return connection
  }

  /**
   * A socket that has not said whose it is: its first message decides (a session-token
   * message, else the upgrade's cookie); nothing else is read until then.
   */
  const awaitFirstMessage = (ws: WebSocket, address: RoomAddress, cookie: string | undefined): void => {
    unauthenticated.add(ws)
    const timer = setTimeout(
      guarded('sync authentication timeout', services.options.log, () => {
        if (unauthenticated.delete(ws)) ws.close(CLOSE.sessionEnded, 'no session: log in again')
      }),
      authTimeoutMs,
    )
    timer.unref()
    const first = (data: RawData, isBinary: boolean): void => {
      clearTimeout(timer)
      ws.off('close', gone)
      if (!unauthenticated.delete(ws)) return
      const bytes = data as Buffer
      const token = isBinary ? readSessionTokenMessage(new Uint8Array(bytes)) : undefined
      const session = sessionFor(token ?? cookie, address)
      if (!session) return ws.close(CLOSE.sessionEnded, 'no session: log in again')
      const refusal = admit(address, session)
      if (refusal) return ws.close(refusal.code, refusal.reason)
      const connection = join(ws, address, session)
      // Anything but the token message is the first message of the protocol itself.
      if (connection && token === undefined) connection.receive(bytes, isBinary)
    }
    const gone = (): void => {
      clearTimeout(timer)
      unauthenticated.delete(ws)
    }
    ws.once(
      'message',
      guarded('sync authentication', services.options.log, first, () => ws.terminate()),
    )
    ws.once('close', gone)
  }

  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy())
    if (!accepting) return refuse(socket, 503, 'Service Unavailable')
    const url = requestUrl(req)
    if (!url.pathname.startsWith(syncPath)) return refuse(socket, 404, 'Not Found')
    let name: string
    try {
      name = decodeURIComponent(url.pathname.slice(syncPath.length))
    } catch {
      return refuse(socket, 404, 'Not Found')
    }
    const address = parseRoomName(name)
    if (!address) return refuse(socket, 404, 'Not Found')
    const foreign = origins.refusal(req)
    if (foreign) {
      services.audit.record({
        kind: 'origin-refused',
        address: req.socket.remoteAddress,
        detail: { what: 'sync', why: foreign },
      })
      return refuse(socket, 403, 'Forbidden', `${foreign}; open Accord from its own address`)
    }
    const inUrl = url.searchParams.get('token') ?? undefined
    if (inUrl !== undefined && !isScratchName(address))
      throw new BadRequest(
        'the session token does not go in the URL',
        'send it as the first message (AUTH_SESSION_TOKEN) or in an Authorization: Bearer header',
      )
    const bearer = bearerToken(req) ?? inUrl
    const handshake = (then: (ws: WebSocket) => void) =>
      wss.handleUpgrade(
        req,
        socket,
        head,
        guarded('sync join', services.options.log, then, (_error, ws) => ws.close(CLOSE.internal, 'internal error')),
      )
    if (bearer !== undefined) {
      const session = sessionFor(bearer, address)
      if (!session) return refuse(socket, 401, 'Unauthorized')
      const refusal = admit(address, session)
      if (refusal) return refuse(socket, refusal.status, refusal.status === 404 ? 'Not Found' : 'Too Many Requests')
      return handshake((ws) => void join(ws, address, session))
    }
    if (unauthenticated.size >= maxUnauthenticated) return refuse(socket, 503, 'Service Unavailable')
    const cookie = cookieToken(req)
    handshake((ws) => awaitFirstMessage(ws, address, cookie))
  }
  // Whatever a malformed upgrade makes throw costs that one socket, never the process.
  const guardedUpgrade = guarded('sync upgrade', services.options.log, upgrade, (error, _req, socket) => {
    if (socket.destroyed) return
    if (error instanceof BadRequest) refuse(socket, 400, 'Bad Request', `${error.message}; ${error.hint}`)
    else refuse(socket, 500, 'Internal Server Error')
  })
  server.on('upgrade', guardedUpgrade)

  return {
    connections: () => [...open],
    counts: () => ({
      open: open.size,
      sessions: sessionOf.size,
      accounts: perAccount.size,
      unauthenticated: unauthenticated.size,
      sockets: wss.clients.size,
    }),
    async close(code, reason, graceMs = 1000) {
      accepting = false
      stopListening()
      stopRevoking()
      server.off('upgrade', guardedUpgrade)
      for (const ws of [...unauthenticated]) ws.close(code, reason)
      unauthenticated.clear()
      for (const connection of [...open]) connection.close(code, reason)
      const deadline = Date.now() + graceMs
      while (wss.clients.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
      for (const ws of wss.clients) ws.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
    },
  }
}
