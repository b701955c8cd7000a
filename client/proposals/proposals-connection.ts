/**
 * The document's proposals room (`DOC_ID/proposals`) kept in sync, with a
 * register for this account's writes. The server judges every entry against
 * the sender's Party; when it refuses one, the local copy is ahead of the
 * server, so the connection is thrown away and reopened (as the text's is) and
 * the page is told why.
 */
import type * as Y from 'yjs'
import type { Session } from '../app/session.ts'
import { DocumentConnection } from '../collab/connection.ts'
import type { OfflineOptions } from '../collab/offline-work.ts'
import { tooLargeMessage, type Refusal } from '../../shared/document/protocol.ts'
import type { Settlement } from '../collab/reconnect.ts'
import { ProposalRegister } from '../../shared/proposals/register.ts'
import { proposalsRoom } from '../../shared/document/proposals-room.ts'

/** What the proposals connection reports. */
export interface ProposalsEvents {
  /** The server refused a proposals write; the room is reopened. */
  refused(refusal: Refusal): void
  /** Proposals, stances or the log changed (once per microtask), or the room was reopened. */
  changed(): void
}

/** A live connection to a document's proposals. */
export class ProposalsConnection {
  private connection!: DocumentConnection
  private current!: ProposalRegister
  private stopObserving: () => void = () => undefined
  private reopening: ReturnType<typeof setTimeout> | undefined
  private pending = false
  private destroyed = false

  constructor(
    /** The proposals room's name, as the API lists it. */
    readonly room: string,
    private readonly session: Session,
    private readonly events: ProposalsEvents,
    /** Keep the room on this device and work on offline (`kind` is the proposals room's). */
    private readonly offline?: Omit<OfflineOptions, 'kind'>,
  ) {
    this.open()
  }

  /** The register of the room as it is now (a new one after each reopening). */
  get register(): ProposalRegister {
    return this.current
  }

  /** Resolves once the room has synced with the server. */
  synced(): Promise<void> {
    return this.connection.synced()
  }

  /** Leaves the room. */
  destroy(): void {
    this.destroyed = true
    clearTimeout(this.reopening)
    this.stopObserving()
    this.connection.destroy()
  }

  private open(): void {
    this.connection = new DocumentConnection(
      this.room,
      this.session,
      {
        refused: (refusal) => this.refused(refusal),
        // Not sent, and the room reopens from the server's state: as a refusal would.
        tooLarge: (weighed) => this.refused({ code: 'size-limit', message: tooLargeMessage(weighed) }),
      },
      this.offline ? { offline: { ...this.offline, kind: 'proposals', settled: (s) => this.settled(s) } } : {},
    )
    const { account } = this.session
    this.current = new ProposalRegister(this.connection.ydoc, {
      username: account.username,
      role: account.role,
      party: account.party ?? undefined,
    })
    const maps = Object.values(proposalsRoom(this.connection.ydoc)) as Y.Map<unknown>[]
    const onChange = () => this.schedule()
    for (const map of maps) map.observe(onChange)
    this.stopObserving = () => maps.forEach((map) => map.unobserve(onChange))
    this.schedule()
  }

  private refused(refusal: Refusal): void {
    this.events.refused(refusal)
    this.reopen()
  }

  // Offline work that cannot be sent at all: the page lists it, the room reopens from the server.
  private settled(settlement: Settlement): void {
    this.offline?.settled?.(settlement)
    if (settlement.kind === 'discard') this.reopen()
  }

  // Refusals come one per update: reopen once, after the burst, without the copy on this device.
  private reopen(): void {
    clearTimeout(this.reopening)
    this.reopening = setTimeout(() => {
      if (this.destroyed) return
      this.stopObserving()
      const old = this.connection
      void old.discardLocalCopy().then(() => {
        old.destroy()
        if (!this.destroyed) this.open()
      })
    }, 150)
  }

  // A remote update may carry many entries: listeners hear once.
  private schedule(): void {
    if (this.pending) return
    this.pending = true
    queueMicrotask(() => {
      this.pending = false
      if (!this.destroyed) this.events.changed()
    })
  }
}
