/**
 * One open document: a Y.Doc kept in sync with the server's room through a
 * y-websocket provider, the presence of this user in the room's awareness, and
 * the server's refusals turned into events. A refused write leaves the local
 * Y.Doc ahead of the server, so the page throws the connection away (and the copy
 * on this device with it) and opens a fresh one: the editor returns to the server's
 * state. With `offline`, the room is kept on this device and work goes on while the
 * network is down (`offline-work.ts`).
 *
 * An edit over the server's message limit is never sent: sent, it would close the socket
 * (1009), and y-websocket would reconnect and resend it forever. The connection stops and
 * reports it (`tooLarge`), so the page can say so and reopen from the server's state.
 */
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import * as authProtocol from 'y-protocols/auth'
import { SCHEMA_VERSION } from '../../shared/schema/index.ts'
import { documentSchemaVersion } from '../../shared/document/negotiation-doc.ts'
import {
  CLOSE,
  decodeRefusal,
  DEFAULT_MAX_MESSAGE_BYTES,
  syncUpdateMessageBytes,
  tooLargeMessage,
  type Refusal,
} from '../../shared/document/protocol.ts'
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
  /**
   * An edit was over the message limit (`weighed`: its message's size and the limit; undefined
   * when the server closed the socket for it, 1009): nothing more is sent, and the connection
   * stays closed. Without this handler it is reported to `closed` with the message to show.
   */
  tooLarge(weighed: { bytes: number; limit: number } | undefined): void
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
  /** Stopped for an edit over the message limit: nothing more is sent or retried. */
  private stopped = false

  constructor(
    readonly documentId: string,
    session: Session,
    private events: Partial<ConnectionEvents> = {},
    /**
     * `presence: false`: announce nobody (the room's screen is not a participant).
     * `offline`: keep the room on this device and work on while the network is down.
     * `maxMessageBytes`: the server's message limit (`GET /api/limits`).
     */
    options: { presence?: boolean; offline?: OfflineOptions; maxMessageBytes?: number } = {},
  ) {
    const limit = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES
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
      if (this.stopped) return
      if (event?.code === CLOSE.tooBig) return this.stopForSize(undefined, false)
      if (!event || event.code < 4400 || event.code >= 4500) this.offline?.dropped()
    })
    // Every local update is weighed before the provider sends it (its own handler, replaced:
    // the provider removes `_updateHandler` when destroyed).
    const send = this.provider._updateHandler
    this.ydoc.off('update', send)
    this.provider._updateHandler = (update: Uint8Array, origin: unknown) => {
      if (this.stopped) return
      const bytes = syncUpdateMessageBytes(update.length)
      if (origin !== this.provider && bytes > limit) return this.stopForSize({ bytes, limit }, true)
      send(update, origin)
    }
    this.ydoc.on('update', this.provider._updateHandler)
  }

  /**
   * Stops for good (no send, no reconnect, no offline retry) and reports the edit over the
   * limit; `open`: the socket is still open and is closed here (after a 1009 it is gone, and
   * only the provider's retry is to stop).
   */
  private stopForSize(weighed: { bytes: number; limit: number } | undefined, open: boolean): void {
    this.stopped = true
    this.offline?.closed()
    this.provider.shouldConnect = false
    if (open) this.provider.disconnect()
    if (this.events.tooLarge) this.events.tooLarge(weighed)
    else this.events.closed?.(CLOSE.tooBig, tooLargeMessage(weighed))
  }

  /** Whether local edits still go to the server: false once stopped for an edit over the limit. */
  get sending(): boolean {
    return !this.stopped
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
