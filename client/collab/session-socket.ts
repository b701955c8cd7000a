/**
 * The browser's sync socket: a WebSocket whose first message is the session token
 * (`shared/document/session-message.ts`), so the token never appears in the URL, where
 * proxies and access logs would keep it. y-websocket builds its sockets with the class
 * it is given; this one sends the token on `open` before the provider's own handler
 * sends sync step 1 (listeners added in the constructor run before `onopen`, which the
 * provider sets later).
 */
import { sessionTokenMessage } from '../../shared/document/session-message.ts'

/** A WebSocket class for y-websocket that authenticates with `token`. */
export function sessionSocket(token: string): typeof WebSocket {
  const first = sessionTokenMessage(token)
  return class SessionSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols)
      this.addEventListener('open', () => this.send(first))
    }
  }
}
