/**
 * One open document: a Y.Doc kept in sync with the server's room through a
 * y-websocket provider, the presence of this user in the room's awareness, and
 * the server's refusals turned into events. A refused write leaves the local
 * Y.Doc ahead of the server, so the page throws the connection away (and the copy
 * on this device with it) and opens a fresh one: the editor returns to the server's
 * state. With `offline`, the room is kept on this device and work goes on while the
 * network is down (`offline-work.ts`).
 */
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import * as authProtocol from 'y-protocols/auth'
import { SCHEMA_VERSION } from '../../shared/schema/index.ts'
import { documentSchemaVersion } from '../../shared/document/negotiation-doc.ts'
import { CLOSE, decodeRefusal, type Refusal } from '../../shared/document/protocol.ts'
import type { Session } from '../app/session.ts'
import { presenceColor } from './presence-color.ts'
import { OfflineWork, type OfflineOptions } from './offline-work.ts'
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
  /** The room's copy on this device and its offline work, when the page asked for it. */
  readonly offline: OfflineWork | null

  constructor(
    readonly documentId: string,
    session: Session,
    private events: Partial<ConnectionEvents> = {},
    /**
     * `presence: false`: announce nobody (the room's screen is not a participant).
     * `offline`: keep the room on this device and work on while the network is down.
     */
    options: { presence?: boolean; offline?: OfflineOptions } = {},
  ) {
    const url = `${location.origin.replace(/^http/, 'ws')}/sync`
    this.provider = new WebsocketProvider(url, documentId, this.ydoc, {
      WebSocketPolyfill: sessionSocket(session.token),
      disableBc: true,
      // With a copy on this device, the copy is read first: it says whether there is offline work to settle.
      connect: !options.offline,
    })
    const { account } = session
    this.offline = options.offline
      ? new OfflineWork(
          this.ydoc,
          this.provider,
          {
            url,
            room: documentId,
            token: session.token,
            actor: { username: account.username, role: account.role, party: account.party ?? undefined },
          },
          options.offline,
        )
      : null
    const presence: Presence = {
      name: session.account.username,
      party: session.account.party ?? null,
      role: session.account.role,
      color: presenceColor(session.account.username),
    }
    if (options.presence === false) this.provider.awareness.setLocalState(null)
    else this.provider.awareness.setLocalStateField('user', presence)
    // y-websocket only logs a permission denial; the page must show it and recover.
    this.provider.messageHandlers[2] = (_encoder, decoder) => {
      authProtocol.readAuthMessage(decoder, this.ydoc, (_doc, reason) => this.events.refused?.(decodeRefusal(reason)))
    }
    this.provider.on('closed', (event) => {
      this.offline?.closed()
      if (event.code === CLOSE.writeForbidden) this.events.refused?.(decodeRefusal(event.reason))
      else this.events.closed?.(event.code, event.reason)
    })
    this.provider.on('status', (event) => this.events.status?.(event.status))
    this.provider.on('connection-error', () => this.events.unreachable?.())
    // A drop that is not the server's last word: y-websocket would retry and resend blindly.
    this.provider.on('connection-close', (event) => {
      if (!event || event.code < 4400 || event.code >= 4500) this.offline?.dropped()
    })
  }

  /**
   * Resolves once the first sync with the server is complete — or, with a copy on this
   * device, once the copy is read: the last known state is shown at once, and the
   * server's changes merge in when they come.
   */
  synced(): Promise<void> {
    if (this.provider.synced) return Promise.resolve()
    const fromCopy = this.offline?.copy.loaded.then((had) => (had ? undefined : new Promise<void>(() => undefined)))
    const fromServer = new Promise<void>((resolve) => {
      const done = (state: boolean) => {
        if (!state) return
        this.provider.off('sync', done)
        resolve()
      }
      this.provider.on('sync', done)
    })
    return fromCopy ? Promise.race([fromServer, fromCopy]) : fromServer
  }

  /** Deletes the copy on this device (before reopening from the server's state after a refusal). */
  discardLocalCopy(): Promise<void> {
    return this.offline?.copy.discard() ?? Promise.resolve()
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
    this.offline?.destroy()
    this.provider.awareness.setLocalState(null)
    this.provider.destroy()
    this.ydoc.destroy()
  }
}
