/**
 * The rooms in memory: opened on first connection, compacted when their log grows or
 * on a timer, and unloaded `unloadAfterMs` after the last socket leaves (a join in the
 * meantime keeps it). Compaction while rooms are live runs its merge in the store worker
 * (`store/store-worker.ts`), off the event loop; only shutdown compacts in place.
 */
import * as Y from 'yjs'
import type { Checkpointer } from '../store/checkpointer.ts'
import type { StoreWorker } from '../store/store-worker.ts'
import type { UpdateLog } from '../store/update-log.ts'
import { guarded } from '../listener-guard.ts'
import { CLOSE } from '../../shared/document/protocol.ts'
import { DurableRelay } from './durable-relay.ts'
import { parseRoomName, roomName, type RoomAddress } from '../../shared/document/rooms.ts'
import { Room, type PendingRelay } from './room.ts'

/** Options for the registry. */
export interface RoomRegistryOptions {
  compactAfterRows: number
  compactIntervalMs: number
  /** How long a room nobody is connected to stays loaded (0: unloaded at once). */
  unloadAfterMs?: number
  /** Merges compactions off the event loop; without it they run in place. */
  worker?: StoreWorker
  /** Told of every commit: WAL checkpoints follow in the worker. */
  checkpointer?: Checkpointer
  log: (line: string) => void
  /** Whether a document is a scratch room (not a negotiation document: any root type is accepted). */
  isScratch: (documentId: string) => boolean
  /** In a cluster: told of rooms opened, unloaded and committed; only owned rooms are compacted. */
  cluster?: RoomCluster
}

/** What a cluster (`cluster/`) needs to hear from the registry. */
export interface RoomCluster {
  opened(room: Room): void
  unloaded(room: Room): void
  committed(relays: PendingRelay[]): void
  owns(room: Room): boolean
}

/** Keeps the open rooms and their durable relay. */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>()
  readonly relay: DurableRelay
  private readonly timer: NodeJS.Timeout | undefined
  private readonly unloading = new Map<Room, NodeJS.Timeout>()
  private readonly merging = new Set<string>()
  private closed = false
  private readonly unloadListeners = new Set<(name: string) => void>()

  constructor(
    private readonly updates: UpdateLog,
    private readonly options: RoomRegistryOptions,
  ) {
    this.relay = new DurableRelay(
      updates,
      (rooms, error) => this.storeFailed(rooms, error),
      (rooms, relays) => {
        options.cluster?.committed(relays)
        options.checkpointer?.committed()
        for (const room of rooms) if (room.rowsSinceCompaction >= options.compactAfterRows) this.compactSoon(room)
      },
    )
    if (options.compactIntervalMs > 0) {
      this.timer = setInterval(
        guarded('scheduled compaction', options.log, () => {
          this.relay.flush()
          for (const room of this.rooms.values()) if (room.rowsSinceCompaction > 0) this.compactSoon(room)
        }),
        options.compactIntervalMs,
      )
      this.timer.unref()
    }
  }

  /** The room for `address`, loading it completely from the store if it is not open. */
  open(address: RoomAddress): Room {
    let room = this.rooms.get(address.name)
    if (!room) {
      const other = parseRoomName(roomName(address.documentId, address.kind === 'text' ? 'proposals' : 'text'))!
      room = new Room(address, this.updates, this.options.isScratch(address.documentId), this.options.log, (read) =>
        this.read(other, read),
      )
      this.rooms.set(address.name, room)
      this.options.cluster?.opened(room)
    }
    clearTimeout(this.unloading.get(room))
    this.unloading.delete(room)
    return room
  }

  /** Calls `listener` with each room's name as it is unloaded; returns the unsubscribe. */
  onUnload(listener: (name: string) => void): () => void {
    this.unloadListeners.add(listener)
    return () => this.unloadListeners.delete(listener)
  }

  /** The open room of that name, if any. */
  get(name: string): Room | undefined {
    return this.rooms.get(name)
  }

  /** Number of open rooms. */
  get size(): number {
    return this.rooms.size
  }

  /** Called when a member leaves: an empty room is unloaded after the grace period. */
  release(room: Room): void {
    if (room.members.size > 0 || this.rooms.get(room.address.name) !== room || this.unloading.has(room)) return
    const graceMs = this.options.unloadAfterMs ?? 0
    if (graceMs <= 0) return this.unload(room)
    const timer = setTimeout(
      guarded('room unload', this.options.log, () => {
        this.unloading.delete(room)
        this.unload(room)
      }),
      graceMs,
    )
    timer.unref()
    this.unloading.set(room, timer)
  }

  /** Flushes, compacts and frees a room that is still empty; a room someone joined stays. */
  private unload(room: Room): void {
    if (room.members.size > 0 || this.rooms.get(room.address.name) !== room) return
    this.relay.flush()
    // The flush may have dropped the room (store failure) or a socket may have joined.
    if (room.members.size > 0 || this.rooms.get(room.address.name) !== room) return
    this.rooms.delete(room.address.name)
    this.options.cluster?.unloaded(room)
    if (room.rowsSinceCompaction > 0) this.compactSoon(room)
    room.destroy()
    for (const listener of this.unloadListeners) listener(room.address.name)
  }

  /**
   * Runs `read` on the current state of a room: the open room's document, or a temporary
   * one loaded from the store. The document must not be kept or changed.
   */
  read<T>(address: RoomAddress, read: (doc: Y.Doc) => T): T {
    this.relay.flush()
    const open = this.rooms.get(address.name)
    if (open) return read(open.doc)
    const doc = new Y.Doc()
    try {
      this.updates.loadInto(address.name, doc)
      return read(doc)
    } finally {
      doc.destroy()
    }
  }

  /** Compacts one room's log; failures are logged, never thrown (the log stays valid). */
  compact(room: Room): void {
    // Another process owns it and writes its log.
    if (this.options.cluster && !this.options.cluster.owns(room)) return
    try {
      const result = this.updates.compact(room.address.name)
      room.rowsSinceCompaction = 0
      if (result.bytes > 0) room.storedBytes = result.bytes
    } catch (error) {
      this.options.log(`accord: compaction of ${room.address.name} failed: ${(error as Error).message}`)
    }
  }

  /**
   * Compacts a room's log with the merge done in the store worker: the event loop only
   * swaps the merged rows for their state, in one short transaction. The room may be
   * unloaded meanwhile — the store's rows are what is compacted, not the room's memory.
   */
  compactSoon(room: Room): void {
    const worker = this.options.worker
    if (!worker) return this.compact(room)
    const name = room.address.name
    if (this.merging.has(name)) return
    this.merging.add(name)
    const rowsBefore = room.rowsSinceCompaction
    worker
      .merge(name)
      .then((merged) => {
        if (this.closed || !merged) return false
        if (!this.updates.replaceMerged(name, merged.upToSeq, merged.rows, merged.state)) return false
        if (this.rooms.get(name) !== room) return false
        room.rowsSinceCompaction = Math.max(0, room.rowsSinceCompaction - rowsBefore)
        room.storedBytes = this.updates.size(name).bytes
        return true
      })
      .catch((error: Error) => {
        this.options.log(`accord: compaction of ${name} failed: ${error.message}`)
        return false
      })
      .then((swapped) => {
        this.merging.delete(name)
        // Rows committed while the merge ran asked for a compaction and were turned away.
        // Only after a swap: nothing to merge, a failure or a lost race is left to the
        // scheduled compaction, never retried in a loop here.
        if (swapped && room.rowsSinceCompaction >= this.options.compactAfterRows) this.compactSoon(room)
      })
  }

  /** Compacts every open room that changed since its last compaction. */
  compactChanged(): void {
    this.relay.flush()
    for (const room of this.rooms.values()) if (room.rowsSinceCompaction > 0) this.compact(room)
  }

  /** Every open room. */
  all(): Room[] {
    return [...this.rooms.values()]
  }

  /** Flushes, compacts and unloads everything (shutdown). */
  close(): void {
    this.closed = true
    if (this.timer) clearInterval(this.timer)
    for (const timer of this.unloading.values()) clearTimeout(timer)
    this.unloading.clear()
    this.compactChanged()
    for (const room of this.rooms.values()) {
      this.options.cluster?.unloaded(room)
      room.destroy()
    }
    this.rooms.clear()
  }

  private storeFailed(rooms: Set<Room>, error: unknown): void {
    this.options.log(
      `accord: store commit failed: ${(error as Error).message}; dropping ${rooms.size} room(s) from memory`,
    )
    for (const room of rooms) {
      this.rooms.delete(room.address.name)
      this.options.cluster?.unloaded(room)
      clearTimeout(this.unloading.get(room))
      this.unloading.delete(room)
      // Nothing of the failed batch was relayed; clients reconnect and resend it.
      for (const member of [...room.members]) member.close(CLOSE.internal, 'storage failure')
      room.destroy()
    }
  }
}
