/**
 * A room's connection as it goes offline and comes back: when the browser says the network
 * is gone, or the socket drops, the provider is stopped (so nothing half-sent is retried
 * blindly) and local transactions are recorded as offline steps in the copy on this
 * device; when the network is back, the work is settled against the server's state
 * (`reconnect.ts`) before the provider reconnects and sends it. Opening with a copy that
 * holds unsent steps (a reload while offline) starts from the same place.
 */
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import type { Actor } from '../../shared/document/roles.ts'
import type { RoomKind } from '../../shared/document/rooms.ts'
import { OfflineCopy, offlineCopyName } from './offline-copy.ts'
import { recordOfflineSteps, type EntryNamer } from './offline-steps.ts'
import { serverState, settle, type Settlement } from './reconnect.ts'

/** What a room's offline work needs from the page. */
export interface OfflineOptions {
  kind: RoomKind
  /** Names an entry as the person knows it, for the list of what was set aside. */
  name: EntryNamer
  /** The device went offline (`since`), or is back online (null). */
  offline?(since: number | null): void
  /** The offline work was settled: `kind: 'discard'` means the page must reopen from the server. */
  settled?(settlement: Settlement): void
}

/** Where the connection is. */
type State = 'opening' | 'online' | 'offline' | 'settling' | 'closed'

/** The offline side of one room's connection. */
export class OfflineWork {
  readonly copy: OfflineCopy
  private state: State = 'opening'
  private stopRecording: () => void
  private readonly onOffline = () => this.goOffline()
  private readonly onOnline = () => void this.comeBack()
  private destroyed = false

  constructor(
    private readonly doc: Y.Doc,
    private readonly provider: WebsocketProvider,
    private readonly access: { url: string; room: string; token: string; actor: Actor },
    private readonly options: OfflineOptions,
  ) {
    this.copy = new OfflineCopy(offlineCopyName(access.actor.username, access.room), doc)
    this.stopRecording = recordOfflineSteps(
      doc,
      () => this.state !== 'online',
      options.name,
      (step) => this.copy.record(step),
    )
    addEventListener('offline', this.onOffline)
    addEventListener('online', this.onOnline)
    void this.copy.loaded.then(() => {
      if (this.destroyed) return
      if (!navigator.onLine || this.copy.offlineSince !== null) {
        this.goOffline(this.copy.offlineSince ?? Date.now())
        if (navigator.onLine) void this.comeBack()
      } else {
        this.state = 'online'
        this.provider.connect()
      }
    })
  }

  /**
   * The socket dropped (not closed for good by the server): work on offline, and try to come
   * back. Leaving the page closes the socket too (the provider reports it as a drop): that is
   * no drop, and must not open a probe to a room the page has left.
   */
  dropped(): void {
    if (this.destroyed || this.state !== 'online') return
    this.goOffline()
    if (navigator.onLine) void this.comeBack()
  }

  /** The server closed the room for good: stop trying. */
  closed(): void {
    this.state = 'closed'
  }

  /** Stops recording and listening; the copy stays on the device. */
  destroy(): void {
    this.destroyed = true
    this.stopRecording()
    removeEventListener('offline', this.onOffline)
    removeEventListener('online', this.onOnline)
    this.copy.destroy()
  }

  private goOffline(since = Date.now()): void {
    if (this.state !== 'online' && this.state !== 'opening') return
    this.state = 'offline'
    this.provider.disconnect()
    this.copy.wentOffline(since)
    this.options.offline?.(this.copy.offlineSince)
  }

  private async comeBack(): Promise<void> {
    if (this.state !== 'offline') return
    this.state = 'settling'
    const server = await serverState({ ...this.access, kind: this.options.kind })
    if (this.destroyed) return 'doc' in server ? server.close() : undefined
    if (!('doc' in server)) {
      this.state = 'closed'
      return
    }
    let settlement: Settlement
    try {
      settlement = settle(
        this.doc,
        server.doc,
        this.copy.steps,
        { ...this.access, kind: this.options.kind },
        this.options.name,
      )
    } finally {
      server.close()
    }
    if (settlement.kind === 'send') {
      this.state = 'online'
      this.provider.connect()
      this.copy.settled()
      this.options.offline?.(null)
    } else this.state = 'closed'
    this.options.settled?.(settlement)
  }
}
