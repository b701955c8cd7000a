/**
 * A room: one Yjs document in memory with its presence (awareness) and the sockets
 * connected to it. Its content is loaded completely from the update log when the room
 * is opened — synchronously, before any socket is attached — so no client can ever
 * sync against a half-loaded document.
 */
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as encoding from 'lib0/encoding'
import type { UpdateLog } from '../store/update-log.ts'
import { CurrentNodes } from '../../shared/document/current-nodes.ts'
import type { JudgeOptions } from '../../shared/document/judge.ts'
import type { OtherRoom } from '../../shared/document/acceptance-record.ts'
import { MESSAGE_SYNC } from '../../shared/document/protocol.ts'
import type { RoomAddress } from '../../shared/document/rooms.ts'
import { readRoster } from '../templates/read-template.ts'
import type { GuardLog } from '../listener-guard.ts'
import { RoomPresence } from './presence.ts'
import { StepCache } from './step-cache.ts'

/** What a room needs from a connected socket. */
export interface RoomMember {
  send(message: Uint8Array): void
  /** Closes the socket with a WebSocket close code and a reason the client can show. */
  close(code: number, reason: string): void
}

/** An update applied to a room that must be relayed once its append has committed. */
export interface PendingRelay {
  room: Room
  update: Uint8Array
  origin: unknown
  /** The update's row in the log. */
  seq: number
}

/** One document room in memory. */
export class Room {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness: awarenessProtocol.Awareness
  /** Who is here, as the server vouches for it (`presence.ts`). */
  readonly presence: RoomPresence
  readonly members = new Set<RoomMember>()
  /** What a joiner with an empty document is sent, encoded once for all of them. */
  readonly stepCache = new StepCache(this.doc)
  /** Bytes in the room's update log, for the document size limit. */
  storedBytes = 0
  /** Rows appended since the last compaction. */
  rowsSinceCompaction = 0
  /** How updates to this room are judged: its text's index, the roster comments speak from, and whether any shape is accepted. */
  readonly judging: JudgeOptions
  /** The last log row this room's document holds (loaded, appended or relayed to it by another process). */
  lastSeq = 0
  private capture: PendingRelay[] | undefined
  private committed: Uint8Array[] | undefined
  private readonly nodes: CurrentNodes | undefined

  constructor(
    readonly address: RoomAddress,
    private readonly log: UpdateLog,
    /** A scratch room (not a negotiation document) accepts any root type. */
    anyShape = false,
    guardLog: GuardLog = () => {},
    /** Reads the document's other room, for the rules that join the two rooms. */
    otherRoom?: OtherRoom,
  ) {
    const loaded = log.loadInto(address.name, this.doc)
    this.storedBytes = loaded.bytes
    this.rowsSinceCompaction = loaded.rows > 1 ? loaded.rows : 0
    this.lastSeq = loaded.lastSeq
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    // The server is not a participant: it must not announce a presence of its own.
    this.awareness.setLocalState(null)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.record(update, origin))
    this.presence = new RoomPresence(this.awareness, this.members, guardLog)
    const nodes = address.kind === 'text' && !anyShape ? new CurrentNodes(this.doc) : undefined
    this.nodes = nodes
    this.judging = {
      anyShape,
      ...(nodes ? { currentNodes: () => nodes.get() } : {}),
      roster: readRoster(),
      now: Date.now,
      ...(otherRoom ? { otherRoom } : {}),
    }
  }

  /**
   * Applies a client's update inside the caller's store transaction. The resulting change
   * (if any) is appended to the log and queued in `relays` — it is sent to others only
   * after the transaction commits.
   */
  applyClientUpdate(update: Uint8Array, origin: unknown, relays: PendingRelay[]): void {
    this.capture = relays
    try {
      Y.applyUpdate(this.doc, update, origin)
    } finally {
      this.capture = undefined
    }
    // The judge refuses an update with missing dependencies; should one slip past it, Yjs
    // would hold its rest in memory, unstored and outside the size limit, and send it to
    // every joiner in sync step 2. It is dropped here instead, and its sender closed.
    const store = this.doc.store
    if (store.pendingStructs || store.pendingDs) {
      store.pendingStructs = null
      store.pendingDs = null
      throw new Error('update builds on changes the room does not have')
    }
  }

  /**
   * Makes a change of the server's own (a suggestion it records) in the caller's store
   * transaction, recorded and queued like a client's update; no copy of the room is made.
   */
  applyServerChange(change: (doc: Y.Doc) => void, origin: unknown, relays: PendingRelay[]): void {
    this.capture = relays
    try {
      this.doc.transact(() => change(this.doc), origin)
    } finally {
      this.capture = undefined
    }
  }

  /**
   * Applies an update another process committed as row `seq` (`cluster/`): not stored
   * again, relayed to every member here. Rows this room already holds are skipped.
   */
  applyCommitted(update: Uint8Array, seq: number): void {
    if (seq <= this.lastSeq) return
    this.lastSeq = seq
    const changed: Uint8Array[] = (this.committed = [])
    try {
      Y.applyUpdate(this.doc, update, null)
    } finally {
      this.committed = undefined
    }
    for (const change of changed) this.broadcast(change, null)
  }

  private record(update: Uint8Array, origin: unknown): void {
    if (this.committed) return void this.committed.push(update)
    if (!this.capture) throw new Error(`room ${this.address.name} changed outside a store transaction`)
    const seq = this.log.append(this.address.name, update)
    this.lastSeq = seq
    this.storedBytes += update.length
    this.rowsSinceCompaction += 1
    this.capture.push({ room: this, update, origin, seq })
  }

  /** Sends a committed update to every member but its sender. */
  broadcast(update: Uint8Array, origin: unknown): void {
    this.stepCache.extend(update)
    if (this.members.size === 0) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeUpdate(encoder, update)
    const message = encoding.toUint8Array(encoder)
    for (const member of this.members) if (member !== origin) member.send(message)
  }

  /** The messages a new member gets on arrival: sync step 1 and the current presence. */
  greeting(): Uint8Array[] {
    const sync = encoding.createEncoder()
    encoding.writeVarUint(sync, MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(sync, this.doc)
    const messages: Uint8Array[] = [encoding.toUint8Array(sync)]
    const everyone = this.presence.everyone()
    if (everyone) messages.push(everyone)
    return messages
  }

  /** Removes a member and the presence it announced. */
  leave(member: RoomMember): void {
    this.members.delete(member)
    this.presence.leave(member)
  }

  /** Frees the in-memory document. */
  destroy(): void {
    this.stepCache.clear()
    this.nodes?.destroy()
    this.presence.destroy()
    this.awareness.destroy()
    this.doc.destroy()
  }
}
