/**
 * Presence (y-protocols awareness) that cannot be forged or turned into a flood.
 *
 * - A socket speaks for one awareness client id: the first one it announces, unless
 *   another account's socket in the room holds it (a socket of the same account — a
 *   reconnect — takes it over). Entries for any other id are ignored: y-websocket clients
 *   echo the presences they receive, and a socket must never add, change or remove anyone
 *   else's. At most `maxEntriesRead` entries of a message are read.
 * - A state is at most `maxStateBytes` of JSON, and its `user` is set by the server from
 *   the account — name, role and Party — keeping only the client's cursor colour.
 * - Per socket, awareness messages and their bytes are budgeted: a socket over budget is
 *   not read until the budget allows (its flood backs up into its own TCP buffers); its
 *   own state changes are rate-limited: a change over the rate is held and the latest one applied
 *   when the budget allows, so the last cursor position is never lost.
 * - Queries (message type 3) are answered at most once per `queryIntervalMs` per socket.
 * - Changes are relayed in one message per room every `relayIntervalMs`, after anything
 *   already queued: a document update is never held behind presence.
 * - In a cluster, the changes this process vouched for are also handed to `share` (Redis
 *   pub/sub, `cluster/cluster.ts`), and other processes' come in through `applyShared`: an
 *   id another process holds for another account cannot be claimed here.
 */
import * as awarenessProtocol from 'y-protocols/awareness'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { guarded, type GuardLog } from '../listener-guard.ts'
import { MESSAGE_AWARENESS } from '../../shared/document/protocol.ts'
import type { Actor } from '../../shared/document/roles.ts'
import { refusePresence } from '../../shared/projection/presenting.ts'
import type { RoomMember } from './room.ts'

/** Largest JSON state one presence may have (a cursor with its relative positions is ~300 bytes). */
export const maxStateBytes = 4096
/** Entries of one awareness message read at most (an honest echo lists the room's presences). */
export const maxEntriesRead = 1024
/** Awareness messages per socket per second, on average (bursts of `messageBurst`); the rest are dropped. */
export const messagesPerSecond = 50
const messageBurst = 100
/** Awareness bytes per socket per second, on average (bursts of `byteBurst`): a 60,000-presence message is ~2.6 MB. */
export const bytesPerSecond = 256 * 1024
const byteBurst = 1024 * 1024
/** Changes of a socket's own state applied per second, on average (bursts of `stateBurst`). */
export const statesPerSecond = 10
/** Changes of a socket's own state applied at once before `statesPerSecond` holds. */
export const stateBurst = 20
/** A socket's awareness queries are answered at most this often. */
export const queryIntervalMs = 3000
/**
 * A socket over its budget is not read for at least this long: each resume hands ws a
 * whole TCP chunk of frames (thousands of tiny messages), so short pauses would cost as
 * much as reading the flood.
 */
export const minimumPauseMs = 1000
/** Presence changes are gathered and relayed this often. */
export const relayIntervalMs = 50

/** A token bucket: `take` is true while the average rate and the burst allow. */
class Budget {
  private tokens: number
  private at = Date.now()
  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst
  }
  take(cost = 1, now = Date.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) * this.perSecond) / 1000)
    this.at = now
    if (this.tokens < Math.min(cost, this.burst)) return false
    this.tokens -= cost
    return true
  }
  /** Milliseconds until `take(cost)` can succeed. */
  wait(cost = 1): number {
    return Math.max(0, Math.ceil(((Math.min(cost, this.burst) - this.tokens) * 1000) / this.perSecond))
  }
}

interface Speaker {
  identity: Actor
  clientId: number | undefined
  messages: Budget
  bytes: Budget
  states: Budget
  /** A state change over the rate, applied when the budget allows (the latest one wins). */
  held: { clock: number; state: string } | undefined
  heldTimer: NodeJS.Timeout | undefined
  lastQuery: number
  queryTimer: NodeJS.Timeout | undefined
}

/** The origin of presences another process of the cluster vouched for. */
const fromCluster = Symbol('cluster')

/** The presence of one room. */
export class RoomPresence {
  /** Set by the cluster: carries this process's presence changes to the other processes. */
  share: ((update: Uint8Array) => void) | undefined
  private readonly speakers = new Map<RoomMember, Speaker>()
  /** Ids of presences another process vouched for, with the account each is. */
  private readonly remote = new Map<number, string>()
  /** Ids changed here since the last share. */
  private readonly unshared = new Set<number>()
  /** Which member holds each client id. */
  private readonly holders = new Map<number, RoomMember>()
  private readonly dirty = new Set<number>()
  private relayTimer: NodeJS.Timeout | undefined

  constructor(
    readonly awareness: awarenessProtocol.Awareness,
    private readonly members: Set<RoomMember>,
    private readonly log: GuardLog,
  ) {
    awareness.on('update', this.gather)
  }

  /**
   * Handles an awareness update from `member`, who is `identity`. Returns how many
   * milliseconds the socket should stop being read (0: go on): a socket over its budget
   * is not read until the budget allows, so its flood waits in its own TCP buffers
   * instead of costing the server's event loop.
   */
  receive(member: RoomMember, identity: Actor, update: Uint8Array): number {
    const speaker = this.speaker(member, identity)
    if (!speaker.messages.take()) return Math.max(minimumPauseMs, speaker.messages.wait())
    if (!speaker.bytes.take(update.length)) return Math.max(minimumPauseMs, speaker.bytes.wait(update.length))
    const own = this.ownEntry(member, speaker, update)
    if (!own) return 0
    if (own.state !== 'null' && !speaker.states.take()) {
      speaker.held = own
      speaker.heldTimer ??= setTimeout(
        guarded('held presence', this.log, () => this.releaseHeld(member, speaker)),
        speaker.states.wait(),
      )
      return 0
    }
    this.apply(member, speaker, own)
    return 0
  }

  /**
   * Answers `member`'s query for every presence, at most once per `queryIntervalMs`
   * (later queries within the interval share one deferred answer). Returns how long the
   * socket should stop being read, as `receive` does.
   */
  query(member: RoomMember, identity: Actor): number {
    const speaker = this.speaker(member, identity)
    if (!speaker.messages.take()) return Math.max(minimumPauseMs, speaker.messages.wait())
    const wait = speaker.lastQuery + queryIntervalMs - Date.now()
    if (wait <= 0) this.answerQuery(member, speaker)
    else
      speaker.queryTimer ??= setTimeout(
        guarded('presence query', this.log, () => this.answerQuery(member, speaker)),
        wait,
      )
    return 0
  }

  /** The message carrying every current presence, for a newcomer (undefined when there is none). */
  everyone(): Uint8Array | undefined {
    const ids = [...this.awareness.getStates().keys()]
    return ids.length > 0 ? this.message(ids) : undefined
  }

  /**
   * Applies presence changes another process of the cluster relayed (already judged
   * there, with its server-set `user`); they reach this process's members with the next relay.
   */
  applyShared(update: Uint8Array): void {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      decoding.readVarUint(decoder)
      const state = JSON.parse(decoding.readVarString(decoder)) as { user?: { name?: string } } | null
      if (state === null) this.remote.delete(clientId)
      else this.remote.set(clientId, String(state.user?.name))
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, fromCluster)
  }

  /** Removes what `member` announced. */
  leave(member: RoomMember): void {
    const speaker = this.speakers.get(member)
    if (!speaker) return
    this.speakers.delete(member)
    clearTimeout(speaker.heldTimer)
    clearTimeout(speaker.queryTimer)
    const id = speaker.clientId
    if (id !== undefined && this.holders.get(id) === member) {
      this.holders.delete(id)
      awarenessProtocol.removeAwarenessStates(this.awareness, [id], null)
      // A presence already removed (its own null state) left only its clock: forget it now;
      // one just removed is forgotten once its removal is relayed.
      if (!this.awareness.states.has(id) && !this.dirty.has(id)) this.awareness.meta.delete(id)
    }
  }

  /** Entries kept per socket and per client id, for the connection-storm test. */
  counts(): { speakers: number; holders: number; states: number; meta: number } {
    return {
      speakers: this.speakers.size,
      holders: this.holders.size,
      states: this.awareness.getStates().size,
      meta: this.awareness.meta.size,
    }
  }

  /** Stops the timers (the room is unloading). */
  destroy(): void {
    for (const member of [...this.speakers.keys()]) this.leave(member)
    clearTimeout(this.relayTimer)
    this.awareness.off('update', this.gather)
  }

  private speaker(member: RoomMember, identity: Actor): Speaker {
    let speaker = this.speakers.get(member)
    if (!speaker) {
      speaker = {
        identity,
        clientId: undefined,
        messages: new Budget(messagesPerSecond, messageBurst),
        bytes: new Budget(bytesPerSecond, byteBurst),
        states: new Budget(statesPerSecond, stateBurst),
        held: undefined,
        heldTimer: undefined,
        lastQuery: 0,
        queryTimer: undefined,
      }
      this.speakers.set(member, speaker)
    }
    return speaker
  }

  /**
   * The entry of `update` for the id `member` speaks for, binding the id on the member's
   * first message; undefined when there is none, or the id is another account's.
   */
  private ownEntry(
    member: RoomMember,
    speaker: Speaker,
    update: Uint8Array,
  ): { clock: number; state: string } | undefined {
    const decoder = decoding.createDecoder(update)
    const count = Math.min(decoding.readVarUint(decoder), maxEntriesRead)
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const length = decoding.readVarUint(decoder)
      if (decoder.pos + length > decoder.arr.length) throw new Error('awareness entry runs past the message')
      if (length > maxStateBytes) {
        // Over the cap: skipped unread (and an over-size state of one's own is simply not applied).
        decoder.pos += length
        continue
      }
      const state = utf8.decode(decoding.readUint8Array(decoder, length))
      if (speaker.clientId === undefined) {
        if (!this.claim(member, speaker, clientId)) return undefined
      }
      if (clientId === speaker.clientId) return { clock, state }
    }
    return undefined
  }

  private claim(member: RoomMember, speaker: Speaker, clientId: number): boolean {
    const elsewhere = this.remote.get(clientId)
    if (elsewhere !== undefined && elsewhere !== speaker.identity.username) return false
    const holder = this.holders.get(clientId)
    if (holder && holder !== member) {
      const other = this.speakers.get(holder)
      if (other && other.identity.username !== speaker.identity.username) return false
      // The same account reconnecting: the new socket takes its id over.
      if (other) other.clientId = undefined
    }
    this.holders.set(clientId, member)
    speaker.clientId = clientId
    return true
  }

  private releaseHeld(member: RoomMember, speaker: Speaker): void {
    speaker.heldTimer = undefined
    const held = speaker.held
    if (!held || this.speakers.get(member) !== speaker) return
    if (!speaker.states.take()) {
      speaker.heldTimer = setTimeout(
        guarded('held presence', this.log, () => this.releaseHeld(member, speaker)),
        speaker.states.wait(),
      )
      return
    }
    speaker.held = undefined
    this.apply(member, speaker, held)
  }

  /** Applies the member's own entry with the server's word on who it is. */
  private apply(member: RoomMember, speaker: Speaker, entry: { clock: number; state: string }): void {
    const state = presenceState(entry.state, speaker.identity)
    if (state === undefined) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint(encoder, speaker.clientId!)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, state)
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encoding.toUint8Array(encoder), member)
  }

  private answerQuery(member: RoomMember, speaker: Speaker): void {
    speaker.queryTimer = undefined
    if (this.speakers.get(member) !== speaker) return
    speaker.lastQuery = Date.now()
    const everyone = this.everyone()
    if (everyone) member.send(everyone)
  }

  private readonly gather = (
    {
      added,
      updated,
      removed,
    }: {
      added: number[]
      updated: number[]
      removed: number[]
    },
    origin: unknown,
  ) => {
    // Each process times stale presences out itself: sharing a timeout's removal (same
    // clock) would remove the live presence on the process that holds it.
    const ours = origin !== fromCluster && origin !== 'timeout'
    for (const ids of [added, updated, removed])
      for (const id of ids) {
        this.dirty.add(id)
        if (ours) this.unshared.add(id)
      }
    for (const id of removed) this.remote.delete(id)
    this.relayTimer ??= setTimeout(
      guarded('presence relay', this.log, () => this.relay()),
      relayIntervalMs,
    )
  }

  private relay(): void {
    this.relayTimer = undefined
    if (this.dirty.size === 0) return
    const ids = [...this.dirty]
    const message = this.message(ids)
    this.dirty.clear()
    if (this.share && this.unshared.size > 0) {
      const known = [...this.unshared].filter((id) => this.awareness.meta.has(id))
      if (known.length > 0) this.share(awarenessProtocol.encodeAwarenessUpdate(this.awareness, known))
    }
    this.unshared.clear()
    // A removed presence's clock is kept by Awareness forever (`meta`): one entry per client id
    // that ever came, while the room stays open. Once its removal is relayed it is forgotten.
    for (const id of ids) if (!this.awareness.states.has(id)) this.awareness.meta.delete(id)
    for (const member of this.members) member.send(message)
  }

  private message(ids: number[]): Uint8Array {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids))
    return encoding.toUint8Array(encoder)
  }
}

const utf8 = new TextDecoder()

const colour = /^#[0-9a-fA-F]{3,8}$/

/**
 * The state a presence is relayed with: the client's JSON with `user` replaced by the
 * account's name, role and Party (and the client's colour if it is one); `null` stays a
 * removal. Undefined for a state that is not a JSON object, or too big once rewritten.
 */
export function presenceState(json: string, identity: Actor): string | undefined {
  let state: unknown
  try {
    state = JSON.parse(json)
  } catch {
    return undefined
  }
  if (state === null) return 'null'
  if (typeof state !== 'object' || Array.isArray(state)) return undefined
  const given = (state as { user?: { color?: unknown } }).user
  const color = typeof given?.color === 'string' && colour.test(given.color) ? given.color : undefined
  const user = {
    name: identity.username,
    role: identity.role,
    party: identity.party ?? null,
    ...(color ? { color } : {}),
  }
  const stated = { ...(state as object), user }
  // The projection follows whoever presents: nobody presents who may not.
  if (refusePresence(identity, stated)) return undefined
  const out = JSON.stringify(stated)
  return out.length <= maxStateBytes ? out : undefined
}
