/**
 * The answer to a newcomer's sync step 1, kept per room. A client that has nothing yet
 * (an empty state vector: every first join) needs the whole room, and encoding a
 * 300-page room costs ~90 ms of the event loop — 300 joins at once would encode it 300
 * times, while writers' updates wait behind them. The room's full state is encoded once,
 * as a ready sync step 2 message; updates accepted after it are kept beside it as they
 * were relayed, and a joiner gets them merged into one update (`Y.mergeUpdates` on the
 * small updates only, never on the big state) sent *before* the step 2: two messages.
 * The state is encoded again for the next joiner once the tail has grown to a quarter of
 * it, or once it is older than a second and re-encoding would cost at most 1 % of the
 * time since — so a join storm into a large room encodes it rarely, and a joiner after
 * a quiet spell gets the room in one step 2. Every message is one the joiner would have
 * got anyway, so its document ends exactly where the server's is.
 *
 * The tail goes first because a client takes sync step 2 as "you now hold the server's
 * state" (y-websocket's `synced`, and the offline settlement judges against it): sent
 * after, the tail would arrive once the client had already acted on an old state. Sent
 * before, Yjs holds the tail's updates as pending (their dependencies are in the state)
 * and integrates them while applying the step 2, so at `synced` the client is complete.
 */
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { MESSAGE_SYNC } from '../../shared/document/protocol.ts'

/** A cached state with updates behind it is re-encoded for a joiner after this long… */
const freshForMs = 1000
/** …and only if encoding costs at most this share of the time since it was last encoded. */
const encodeShare = 0.01

/** Per-room cache of the messages that bring an empty client to the room's state. */
export class StepCache {
  private step2: Uint8Array | undefined
  private stateBytes = 0
  /** Updates accepted since the state was encoded, oldest first. */
  private tail: Uint8Array[] = []
  /** The tail merged as one update message, made when a joiner asks for it. */
  private tailMessage: Uint8Array | undefined
  private tailBytes = 0
  private encodedAt = 0
  private encodeMs = 0

  constructor(
    private readonly doc: Y.Doc,
    /** Milliseconds on a monotonic clock (tests pass their own). */
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** An accepted, committed update (called as it is relayed). */
  extend(update: Uint8Array): void {
    if (!this.step2) return
    this.tail.push(update)
    this.tailMessage = undefined
    this.tailBytes += update.length
  }

  /** The messages (tail updates, then the sync step 2) for a client with an empty state vector. */
  messagesForEmptyClient(): Uint8Array[] {
    const sinceEncoded = this.now() - this.encodedAt
    const stale = this.tail.length > 0 && sinceEncoded >= Math.max(freshForMs, this.encodeMs / encodeShare)
    if (!this.step2 || stale || this.tailBytes * 4 > this.stateBytes) this.encodeState()
    else if (this.tail.length > 0 && !this.tailMessage) {
      const merged = this.tail.length > 1 ? Y.mergeUpdates(this.tail) : this.tail[0]!
      this.tail = [merged]
      this.tailMessage = updateMessage(merged)
      this.tailBytes = merged.length
    }
    return this.tailMessage ? [this.tailMessage, this.step2!] : [this.step2!]
  }

  /** Forgets the cached state (memory): the next joiner encodes it again. */
  clear(): void {
    this.step2 = undefined
    this.encodeMs = 0
    this.stateBytes = 0
    this.tail = []
    this.tailMessage = undefined
    this.tailBytes = 0
  }

  /** Updates held behind the state. */
  get tailLength(): number {
    return this.tail.length
  }

  /** Bytes held. */
  get bytes(): number {
    return (this.step2?.length ?? 0) + this.tailBytes
  }

  private encodeState(): void {
    const started = this.now()
    const state = Y.encodeStateAsUpdate(this.doc)
    this.encodedAt = this.now()
    this.encodeMs = this.encodedAt - started
    this.step2 = step2Message(state)
    this.stateBytes = state.length
    this.tail = []
    this.tailMessage = undefined
    this.tailBytes = 0
  }
}

/** Whether an encoded state vector names no client (a client with an empty document). */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 0 || (stateVector.length === 1 && stateVector[0] === 0)
}

function step2Message(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}
