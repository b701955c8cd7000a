/**
 * How Node clients (tests, the editor benchmark's second co-chair) open sync sockets: the
 * token in an `Authorization: Bearer` header, the supported way for clients that can set
 * headers (browsers send it as the socket's first message instead). y-websocket builds its
 * sockets from the class it is given.
 */
import WebSocket from 'ws'

/** A `ws` WebSocket class whose sockets carry `Authorization: Bearer token`, for y-websocket. */
export function bearerSocket(token: string, headers: Record<string, string> = {}): typeof globalThis.WebSocket {
  class BearerSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { ...headers, authorization: `Bearer ${token}` } })
    }
  }
  return BearerSocket as unknown as typeof globalThis.WebSocket
}
