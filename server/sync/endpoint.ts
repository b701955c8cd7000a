/**
 * The WebSocket endpoint `ws://HOST:PORT/sync/ROOM`. The upgrade is the only door into
 * sync: it authenticates the token (header, cookie or `?token=`), checks that the
 * document exists and the account's connection budget, opens the room (fully loaded)
 * and only then completes the handshake. Refusals are plain HTTP responses on the
 * upgrade socket: 400, 401, 404, 429. A socket outlives its token by at most a timer tick:
 * it is closed with 4401 when the session expires.
 */
import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { requestToken, requestUrl } from '../auth/request-token.ts'
import { BadRequest } from '../bad-request.ts'
import { guarded } from '../listener-guard.ts'
import { mayStreamline } from '../../shared/document/roles.ts'
import type { Services } from '../services.ts'
import { SyncConnection } from './connection.ts'
import { parseRoomName } from '../../shared/document/rooms.ts'
import { CLOSE } from '../../shared/document/protocol.ts'

/** The path prefix of sync URLs. */
export const syncPath = '/sync/'

/** The running endpoint. */
export interface SyncEndpoint {
  /** Open connections. */
  connections(): SyncConnection[]
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

/** Attaches the sync endpoint to an HTTP server. */
export function attachSyncEndpoint(server: Server, services: Services): SyncEndpoint {
  const { limits, scratchPrefix } = services.options
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, perMessageDeflate: false })
  const open = new Set<SyncConnection>()
  const perAccount = new Map<number, number>()
  let accepting = true

  const onClose = (connection: SyncConnection): void => {
    if (!open.delete(connection)) return
    const id = connection.account.id
    const left = (perAccount.get(id) ?? 1) - 1
    if (left > 0) perAccount.set(id, left)
    else perAccount.delete(id)
    services.rooms.release(connection.room)
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
    const session = services.tokens.session(requestToken(req, true))
    if (!session) return refuse(socket, 401, 'Unauthorized')
    const { account, expiresAt } = session
    if (!services.documents.get(address.documentId)) {
      const scratch =
        scratchPrefix !== undefined && address.documentId.startsWith(scratchPrefix) && mayStreamline(account.role)
      // An archived document keeps its id: it is not opened, and no scratch room takes its place.
      const created =
        scratch &&
        services.documents.create({
          id: address.documentId,
          title: address.documentId,
          kind: 'scratch',
          createdBy: account.username,
        })
      if (!created) return refuse(socket, 404, 'Not Found')
    }
    if ((perAccount.get(account.id) ?? 0) >= limits.maxConnectionsPerAccount)
      return refuse(socket, 429, 'Too Many Requests')
    const join = (ws: WebSocket): void => {
      if (!accepting) {
        ws.close(1001, 'server shutting down')
        return
      }
      // Opening the room loads its whole log synchronously: the document is complete
      // before the connection exists, hence before its first sync message is read.
      const room = services.rooms.open(address)
      const connection = new SyncConnection(
        ws,
        room,
        account,
        services.rooms.relay,
        limits,
        onClose,
        services.options.log,
      )
      perAccount.set(account.id, (perAccount.get(account.id) ?? 0) + 1)
      open.add(connection)
      connection.expireAt(expiresAt)
    }
    wss.handleUpgrade(
      req,
      socket,
      head,
      guarded('sync join', services.options.log, join, (_error, ws) => ws.close(CLOSE.internal, 'internal error')),
    )
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
    async close(code, reason, graceMs = 1000) {
      accepting = false
      server.off('upgrade', guardedUpgrade)
      for (const connection of [...open]) connection.close(code, reason)
      const deadline = Date.now() + graceMs
      while (wss.clients.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
      for (const ws of wss.clients) ws.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
    },
  }
}
