/**
 * The rooms in memory: opened on first connection, compacted when their log grows or
 * on a timer, and unloaded (after compaction) when the last socket leaves.
 */
import * as Y from 'yjs'
import type { UpdateLog } from '../store/update-log.ts'
import { guarded } from '../listener-guard.ts'
import { CLOSE } from '../../shared/document/protocol.ts'
import { DurableRelay } from './durable-relay.ts'
import { parseRoomName, roomName, type RoomAddress } from '../../shared/document/rooms.ts'
import { Room } from './room.ts'

/** Options for the registry. */
export interface RoomRegistryOptions {
  compactAfterRows: number
  compactIntervalMs: number
  log: (line: string) => void
  /** Whether a document is a scratch room (not a negotiation document: any root type is accepted). */
  isScratch: (documentId: string) => boolean
}

/** Keeps the open rooms and their durable relay. */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>()
  readonly relay: DurableRelay
  private readonly timer: NodeJS.Timeout | undefined

  constructor(
    private readonly updates: UpdateLog,
    private readonly options: RoomRegistryOptions,
  ) {
    this.relay = new DurableRelay(
      updates,
      (rooms, error) => this.storeFailed(rooms, error),
      (rooms) => {
        for (const room of rooms) if (room.rowsSinceCompaction >= options.compactAfterRows) this.compact(room)
      },
    )
    if (options.compactIntervalMs > 0) {
      this.timer = setInterval(
        guarded('scheduled compaction', options.log, () => this.compactChanged()),
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
    }
    return room
  }

  /** The open room of that name, if any. */
  get(name: string): Room | undefined {
    return this.rooms.get(name)
  }

  /** Number of open rooms. */
  get size(): number {
    return this.rooms.size
  }

  /** Called when a member leaves: an empty room is flushed, compacted and unloaded. */
  release(room: Room): void {
    if (room.members.size > 0 || this.rooms.get(room.address.name) !== room) return
    this.relay.flush()
    // The flush may have dropped the room (store failure) or a socket may have joined.
    if (room.members.size > 0 || this.rooms.get(room.address.name) !== room) return
    if (room.rowsSinceCompaction > 0) this.compact(room)
    this.rooms.delete(room.address.name)
    room.destroy()
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
    try {
      const result = this.updates.compact(room.address.name)
      room.rowsSinceCompaction = 0
      if (result.bytes > 0) room.storedBytes = result.bytes
    } catch (error) {
      this.options.log(`accord: compaction of ${room.address.name} failed: ${(error as Error).message}`)
    }
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
    if (this.timer) clearInterval(this.timer)
    this.compactChanged()
    for (const room of this.rooms.values()) room.destroy()
    this.rooms.clear()
  }

  private storeFailed(rooms: Set<Room>, error: unknown): void {
    this.options.log(
      `accord: store commit failed: ${(error as Error).message}; dropping ${rooms.size} room(s) from memory`,
    )
    for (const room of rooms) {
      this.rooms.delete(room.address.name)
      // Nothing of the failed batch was relayed; clients reconnect and resend it.
      for (const member of [...room.members]) member.close(CLOSE.internal, 'storage failure')
      room.destroy()
    }
  }
}
