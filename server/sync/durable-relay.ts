/**
 * Append-before-relay. Client updates are queued and, on the next turn of the event
 * loop, applied and appended in ONE store transaction (one fsync for everything that
 * arrived together); only after that commit are they relayed to other clients. A crash
 * can therefore lose only updates nobody else has seen — and their senders still hold
 * them and send them again on reconnect.
 */
import type * as Y from 'yjs'
import { StoreFailure, type UpdateLog } from '../store/update-log.ts'
import type { PendingRelay, Room } from './room.ts'
import type { Refusal } from '../../shared/document/protocol.ts'
import type { Actor } from '../../shared/document/roles.ts'
import type { RelayTimings } from './relay-timings.ts'

/** A sender of updates, closable when its update is malformed. */
export interface UpdateSender {
  closeMalformed(reason: string): void
}

/** A client whose update went to another process: its verdict comes back here. */
export interface ForwardSender extends UpdateSender {
  readonly actor: Actor
  /** Tells the client its update was refused (counted like a refusal here). */
  refuse(refusal: Refusal): void
  /** Closes the client's socket (the owner could not store its update: the client resends on reconnect). */
  close(code: number, reason: string): void
}

interface Submission {
  room: Room
  sender: UpdateSender
  /** A client's update, or a change the server makes itself. */
  update: Uint8Array | ((doc: Y.Doc) => void)
}

/** Queues client updates and commits them in batches before relaying. */
export class DurableRelay {
  private queue: Submission[] = []
  private scheduled = false

  constructor(
    private readonly log: UpdateLog,
    /** Called when a commit fails: the rooms' memory is ahead of the store and must be dropped. */
    private readonly onStoreFailure: (rooms: Set<Room>, error: unknown) => void,
    /** Called after a batch, with the rooms it changed (compaction scheduling) and what it relayed. */
    private readonly afterCommit: (rooms: Set<Room>, relays: PendingRelay[]) => void = () => {},
  ) {}

  /**
   * Set in a cluster (`cluster/`): sends a client's update to the room's owner process
   * when this process does not own the room; true when it took the update.
   */
  forward: (room: Room, update: Uint8Array, sender: ForwardSender) => boolean = () => false

  /** Set when the phases of each batch are measured (`relay-timings.ts`). */
  timings: RelayTimings | undefined

  /** Queues an update from `sender` for `room` — or a change of the server's own, made on the room in the batch. */
  submit(room: Room, sender: UpdateSender, update: Uint8Array | ((doc: Y.Doc) => void)): void {
    this.queue.push({ room, sender, update })
    if (!this.scheduled) {
      this.scheduled = true
      setImmediate(() => this.flush())
    }
  }

  /**
   * Flushes when `room` or another room of its document has updates queued: a judgement of
   * the room's next update must see them (an acceptance is judged against both rooms).
   */
  flushIfPending(room: Room): void {
    const document = room.address.documentId
    if (this.queue.some((submission) => submission.room.address.documentId === document)) this.flush()
  }

  /** Applies, appends and commits everything queued, then relays it. Safe to call any time. */
  flush(): void {
    this.scheduled = false
    if (this.queue.length === 0) return
    const batch = this.queue
    this.queue = []
    const relays: PendingRelay[] = []
    const touched = new Set(batch.map((submission) => submission.room))
    // Closed only after the commit: closing can unload a room, which must not happen mid-batch.
    const malformed = new Set<UpdateSender>()
    const timings = this.timings
    const started = timings ? performance.now() : 0
    let applied = 0
    try {
      this.log.batch(() => {
        for (const { room, sender, update } of batch) {
          try {
            if (typeof update === 'function') room.applyServerChange(update, sender, relays)
            else room.applyClientUpdate(update, sender, relays)
          } catch (error) {
            // A Yjs decode error: the update was never integrated; only its sender pays.
            if (error instanceof StoreFailure) throw error
            malformed.add(sender)
          }
        }
        if (timings) applied = performance.now()
      })
    } catch (error) {
      this.onStoreFailure(touched, error)
      return
    }
    const committed = timings ? performance.now() : 0
    for (const { room, update, origin } of relays) room.broadcast(update, origin)
    if (timings)
      timings.record({ apply: applied - started, commit: committed - applied, relay: performance.now() - committed })
    for (const sender of malformed) sender.closeMalformed('malformed update')
    this.afterCommit(touched, relays)
  }
}
