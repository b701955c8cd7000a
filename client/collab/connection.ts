/**
 * One open document: a Y.Doc kept in sync with the server's room through a
 * y-websocket provider, the presence of this user in the room's awareness, and
 * the server's refusals turned into events. A refused write leaves the local
 * Y.Doc ahead of the server, so the page throws the connection away and opens a
 * fresh one: the editor returns to the server's state.
 */
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import * as authProtocol from 'y-protocols/auth'
import { SCHEMA_VERSION } from '../../shared/schema/index.ts'
import { documentSchemaVersion } from '../../shared/document/negotiation-doc.ts'
import { CLOSE, decodeRefusal, type Refusal } from '../../shared/document/protocol.ts'
import type { Session } from '../app/session.ts'
import { presenceColor } from './presence-color.ts'
import { sessionSocket } from './session-socket.ts'

/** What a connection reports to the page. */
export interface ConnectionEvents {
  /** The server refused a write: in a denial, or by closing the socket after repeated refusals (4403). */
  refused(refusal: Refusal): void
  /** The server closed the socket for good for another reason (4400–4499: the session ended, no such document). */
  closed(code: number, reason: string): void
  /** Connected, connecting or disconnected. */
  status(status: string): void
  /** The socket could not be opened (the server answered the upgrade with an HTTP refusal, or nothing). */
  unreachable(): void
}

/** The presence a user shows in the room: name, Party and cursor colour (the server sets name, role and Party from the account). */
export interface Presence {
  name: string
  party: string | null
  role: string
  color: string
}

/** A document's live connection. */
export class DocumentConnection {
  readonly ydoc = new Y.Doc()
  readonly provider: WebsocketProvider

  constructor(
    readonly documentId: string,
    session: Session,
    private events: Partial<ConnectionEvents> = {},
  ) {
    const origin = location.origin.replace(/^http/, 'ws')
    this.provider = new WebsocketProvider(`${origin}/sync`, documentId, this.ydoc, {
      WebSocketPolyfill: sessionSocket(session.token),
      disableBc: true,
    })
    const presence: Presence = {
      name: session.account.username,
      party: session.account.party ?? null,
      role: session.account.role,
      color: presenceColor(session.account.username),
    }
    this.provider.awareness.setLocalStateField('user', presence)
    // y-websocket only logs a permission denial; the page must show it and recover.
    this.provider.messageHandlers[2] = (_encoder, decoder) => {
      authProtocol.readAuthMessage(decoder, this.ydoc, (_doc, reason) => this.events.refused?.(decodeRefusal(reason)))
    }
    this.provider.on('closed', (event) => {
      if (event.code === CLOSE.writeForbidden) this.events.refused?.(decodeRefusal(event.reason))
      else this.events.closed?.(event.code, event.reason)
    })
    this.provider.on('status', (event) => this.events.status?.(event.status))
    this.provider.on('connection-error', () => this.events.unreachable?.())
  }

  /** Resolves once the first sync with the server is complete. */
  synced(): Promise<void> {
    if (this.provider.synced) return Promise.resolve()
    return new Promise((resolve) => {
      const done = (state: boolean) => {
        if (!state) return
        this.provider.off('sync', done)
        resolve()
      }
      this.provider.on('sync', done)
    })
  }

  /**
   * Why this client must not bind the document, or null. A client whose schema
   * is older than the document's would delete, for everyone, the nodes it cannot build.
   */
  schemaRefusal(): string | null {
    const version = documentSchemaVersion(this.ydoc)
    if (version !== undefined && version > SCHEMA_VERSION) {
      return `This document was written with schema version ${version}; this editor knows version ${SCHEMA_VERSION}. Reload the page to get the newer editor. Nothing was changed.`
    }
    return null
  }

  /** Leaves the room and frees the document. */
  destroy(): void {
    this.provider.awareness.setLocalState(null)
    this.provider.destroy()
    this.ydoc.destroy()
  }
}
