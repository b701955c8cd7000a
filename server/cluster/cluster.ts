/**
 * Several Accord processes on one Redis and one PostgreSQL (`ACCORD_REDIS_URL`). Each
 * room has one owner process at a time, the holder of the Redis lease
 * `accord:owner:ROOM` (`SET NX PX`, renewed every third of its life). Only the owner
 * judges and commits the room's updates, so rights are checked in one place; its commits
 * are fenced in the store (`fenced-log.ts`), so a stale owner's late writes are refused.
 *
 * - A process that does not own a room forwards its clients' updates to the owner
 *   (pub/sub channel `accord:inbox:OWNER`) and relays the owner's verdict (`accord:reply:PROCESS`):
 *   a refusal reaches the client as if judged here. A room's updates reach its owner in
 *   the order they came (a client's update builds on its earlier ones): one publisher
 *   connection keeps pub/sub order, and a resend sends again from the oldest unanswered
 *   one. Unanswered updates are resent (Yjs updates are idempotent), so a dead owner's
 *   successor gets them; one the owner finds incomplete while an older one still waits is
 *   sent again after it, not refused.
 * - After its commit the owner appends each update to the room's stream
 *   (`accord:stream:ROOM`, id = the update's row `seq`, capped); every other process with
 *   the room open reads the stream from the last row it holds (`XREAD BLOCK`) and relays
 *   to its own clients. Each entry names the row before it: a reader that missed one (a
 *   trimmed stream, a Redis restart) reads the gap from the store, which has every row
 *   before any entry is written.
 * - Failover: a lease not renewed (owner killed) expires; any process with the room open
 *   takes it, raises the fence, reads the rows it lacks from the store and serves.
 * - Session ends (logout, disable, role change) are published on `accord:session-ends`,
 *   so every process closes that account's sockets; so are revoked projection links
 *   (`accord:projection-revoked`), so every process darkens that link's screens.
 * - Presence (awareness) changes each process vouched for go over pub/sub
 *   (`accord:presence:ROOM`): ephemeral, so a lost message costs a cursor until its next renewal.
 */
import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { Redis } from 'ioredis'
import { judgeUpdate } from '../../shared/document/judge.ts'
import { CLOSE, type Refusal } from '../../shared/document/protocol.ts'
import type { Actor } from '../../shared/document/roles.ts'
import type { SessionEnd } from '../auth/session-ends.ts'
import type { ProjectionLink, ProjectionLinks } from '../auth/projection-links.ts'
import type { SessionTokens } from '../auth/tokens.ts'
import type { Limits } from '../limits.ts'
import type { Store } from '../store/database.ts'
import type { ForwardSender } from '../sync/durable-relay.ts'
import type { PendingRelay, Room } from '../sync/room.ts'
import type { RoomCluster, RoomRegistry } from '../sync/rooms.ts'
import { FencedUpdateLog } from './fenced-log.ts'

/** How long a lease lasts unless renewed (`ACCORD_LEASE_MS`): the longest a dead owner's rooms wait. */
export const defaultLeaseMs = 3000
/** Stream entries kept per room (approximately: `MAXLEN ~`). */
export const streamLength = 10_000
/** An update forwarded and not answered within this is sent again (to whoever owns the room then). */
const resendAfterMs = 1500

const ownerKey = (room: string) => `accord:owner:${room}`
const streamKey = (room: string) => `accord:stream:${room}`
const inbox = (process: string) => `accord:inbox:${process}`
const replies = (process: string) => `accord:reply:${process}`
const sessionEnds = 'accord:session-ends'
const presencePrefix = 'accord:presence:'
const projectionRevocations = 'accord:projection-revoked'

/** Renews a lease only while this process holds it. */
const renewScript = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`
/** Gives a lease up only while this process holds it. */
const releaseScript = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`

type Verdict =
  | { ok: true }
  | { refusal: Refusal }
  | { incomplete: Refusal }
  | { malformed: string }
  | { failed: string }
  | { notOwner: true }

interface Forwarded {
  id: string
  from: string
  room: string
  actor: Actor
  update: string
}

/** A client's update forwarded to the owner and not yet answered; `pending` keeps them in the order they came. */
interface Pending {
  room: string
  update: Uint8Array
  sender: ForwardSender
  /** The owner it was last sent to (undefined: not sent, or the send failed). */
  sentTo?: string
  sentAt: number
}

/** This process's part in the cluster. */
export class Cluster implements RoomCluster {
  /** This process, as leases and channels name it. */
  readonly id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`
  readonly log: FencedUpdateLog
  private readonly redis: Redis
  private readonly subscriber: Redis
  private readonly reader: Redis
  private rooms!: RoomRegistry
  private limits!: Limits
  private tokens!: SessionTokens
  private projections!: ProjectionLinks
  /** Rooms this process owns, with when its lease lapses unless renewed. */
  private readonly owned = new Map<string, number>()
  /** Who owns each open room, as last seen. */
  private readonly owners = new Map<string, string>()
  /** The row each owned room's next stream entry follows. */
  private readonly streamed = new Map<string, number>()
  private readonly pending = new Map<string, Pending>()
  private readonly remoteEnds = new WeakSet<SessionEnd>()
  private readonly remoteRevocations = new WeakSet<ProjectionLink>()
  private replyQueue: { id: string; from: string; room: Room; verdict?: Verdict }[] = []
  private nextId = 0
  private closed = false
  private readonly timers: NodeJS.Timeout[] = []
  private readonly reading: Promise<void>

  constructor(
    url: string,
    store: Store,
    private readonly log_: (line: string) => void,
    readonly leaseMs = defaultLeaseMs,
  ) {
    if (store.engine !== 'postgres')
      throw new Error('ACCORD_REDIS_URL needs ACCORD_DATABASE_URL: processes of a cluster share one PostgreSQL store')
    this.log = new FencedUpdateLog(store, (room) => this.demote(room, 'fenced out'))
    const options = { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false }
    this.redis = new Redis(url, options)
    this.subscriber = new Redis(url, options)
    this.reader = new Redis(url, { ...options, maxRetriesPerRequest: null })
    for (const client of [this.redis, this.subscriber, this.reader]) client.on('error', () => {})
    // Entries written while Redis was away are in the store: read them on return.
    this.redis.on('ready', () => this.catchUpAll())
    void this.subscriber.subscribe(inbox(this.id), replies(this.id), sessionEnds, projectionRevocations)
    this.subscriber.on('message', (channel: string, message: string) => this.guard(() => this.hear(channel, message)))
    void this.subscriber.psubscribe(`${presencePrefix}*`)
    this.subscriber.on('pmessageBuffer', (_pattern: Buffer, channel: Buffer, message: Buffer) =>
      this.guard(() => this.hearPresence(channel.toString().slice(presencePrefix.length), message)),
    )
    this.timers.push(setInterval(() => this.guard(() => void this.tend()), Math.max(50, leaseMs / 3)))
    this.timers.push(setInterval(() => this.guard(() => this.resend()), 200))
    for (const timer of this.timers) timer.unref()
    this.reading = this.readStreams()
  }

  /** Joins the cluster with the process's rooms, limits, session tokens and projection links. */
  attach(rooms: RoomRegistry, limits: Limits, tokens: SessionTokens, projections: ProjectionLinks): void {
    this.projections = projections
    this.rooms = rooms
    this.limits = limits
    this.tokens = tokens
    rooms.relay.forward = (room, update, sender) => this.forward(room, update, sender)
    tokens.ends.listen((end) => {
      if (!this.remoteEnds.has(end)) this.publishUntilSent(sessionEnds, JSON.stringify({ from: this.id, end }))
    })
    projections.onRevoke((link) => {
      if (!this.remoteRevocations.has(link))
        this.publishUntilSent(projectionRevocations, JSON.stringify({ from: this.id, link }))
    })
  }

  /** Whether this process owns `room` now (its lease has not lapsed). */
  owns(room: Room): boolean {
    return (this.owned.get(room.address.name) ?? 0) > Date.now()
  }

  /** The owner of an open room, as last seen. */
  ownerOf(room: string): string | undefined {
    return this.owners.get(room)
  }

  opened(room: Room): void {
    const name = room.address.name
    const from = Buffer.from(this.id)
    // A message is this process's id, a NUL, then the awareness update.
    room.presence.share = (update) =>
      void this.redis.publish(presencePrefix + name, Buffer.concat([from, Buffer.of(0), update])).catch(() => {})
    void this.acquire(name)
  }

  unloaded(room: Room): void {
    const name = room.address.name
    for (const [id, p] of this.pending) if (p.room === name) this.pending.delete(id)
    this.owners.delete(name)
    if (this.owned.has(name)) {
      this.demote(name, 'room unloaded')
      void this.redis.eval(releaseScript, 1, ownerKey(name), this.id).catch(() => {})
    }
  }

  committed(relays: PendingRelay[]): void {
    const pipeline = this.redis.pipeline()
    let any = false
    for (const { room, update, seq } of relays) {
      const name = room.address.name
      if (!this.owned.has(name)) continue
      const prev = this.streamed.get(name) ?? 0
      this.streamed.set(name, seq)
      pipeline.xadd(streamKey(name), 'MAXLEN', '~', streamLength, `${seq}-0`, 'u', Buffer.from(update), 'p', prev)
      any = true
    }
    if (any) pipeline.exec().catch(() => {})
  }

  /** Leaves the cluster: gives up leases, stops reading. */
  async close(): Promise<void> {
    this.closed = true
    for (const timer of this.timers) clearInterval(timer)
    for (const name of [...this.owned.keys()]) {
      this.demote(name, 'shutting down')
      await this.redis.eval(releaseScript, 1, ownerKey(name), this.id).catch(() => {})
    }
    this.reader.disconnect()
    await this.reading.catch(() => {})
    this.subscriber.disconnect()
    this.redis.disconnect()
  }

  /** Publishes an end that every process must hear, again every 200 ms while Redis is away. */
  private publishUntilSent(channel: string, message: string): void {
    this.redis.publish(channel, message).catch(() => {
      if (!this.closed) setTimeout(() => this.publishUntilSent(channel, message), 200).unref()
    })
  }

  private guard(fn: () => void): void {
    try {
      fn()
    } catch (error) {
      this.log_(`accord cluster: ${(error as Error).message}`)
    }
  }

  private forward(room: Room, update: Uint8Array, sender: ForwardSender): boolean {
    if (this.owns(room)) return false
    const id = `${this.id}#${this.nextId++}`
    const name = room.address.name
    this.pending.set(id, { room: name, update: new Uint8Array(update), sender, sentAt: 0 })
    this.sendRoom(name)
    return true
  }

  /**
   * Sends a room's unanswered updates to its owner, in order, from the oldest one the owner
   * has not been sent (or that has waited too long): every later one goes again behind it,
   * so the owner never judges an update before one it builds on.
   */
  private sendRoom(name: string): void {
    const owner = this.owners.get(name)
    if (!owner) return void this.acquire(name)
    const now = Date.now()
    let resending = false
    for (const [id, p] of this.pending) {
      if (p.room !== name) continue
      resending ||= p.sentTo !== owner || now - p.sentAt > resendAfterMs
      if (resending) this.send(owner, id, p)
    }
  }

  private send(owner: string, id: string, p: Pending): void {
    p.sentTo = owner
    p.sentAt = Date.now()
    if (owner === this.id) {
      const room = this.rooms.get(p.room)
      if (!room || !this.owns(room)) {
        p.sentTo = undefined
        return void this.acquire(p.room)
      }
      return this.judge(room, id, this.id, p.sender.actor, p.update)
    }
    const message: Forwarded = {
      id,
      from: this.id,
      room: p.room,
      actor: p.sender.actor,
      update: Buffer.from(p.update).toString('base64'),
    }
    this.redis.publish(inbox(owner), JSON.stringify(message)).catch(() => (p.sentTo = undefined))
  }

  private resend(): void {
    const now = Date.now()
    const due = new Set<string>()
    for (const p of this.pending.values()) if (p.sentTo === undefined || now - p.sentAt > resendAfterMs) due.add(p.room)
    for (const name of due) this.sendRoom(name)
  }

  private hear(channel: string, message: string): void {
    if (channel === sessionEnds) {
      const { from, end } = JSON.parse(message) as { from: string; end: SessionEnd }
      if (from === this.id) return
      this.remoteEnds.add(end)
      return this.tokens.ends.announce(end)
    }
    if (channel === projectionRevocations) {
      const { from, link } = JSON.parse(message) as { from: string; link: ProjectionLink }
      if (from === this.id) return
      this.remoteRevocations.add(link)
      return this.projections.announceRevoked(link)
    }
    if (channel === inbox(this.id)) {
      const f = JSON.parse(message) as Forwarded
      const room = this.rooms.get(f.room)
      if (!room || !this.owns(room)) return this.reply(f.from, f.id, { notOwner: true })
      return this.judge(room, f.id, f.from, f.actor, new Uint8Array(Buffer.from(f.update, 'base64')))
    }
    if (channel === replies(this.id)) {
      const { id, verdict } = JSON.parse(message) as { id: string; verdict: Verdict }
      this.settle(id, verdict)
    }
  }

  private hearPresence(name: string, message: Buffer): void {
    const cut = message.indexOf(0)
    if (cut < 0 || message.subarray(0, cut).toString() === this.id) return
    this.rooms?.get(name)?.presence.applyShared(new Uint8Array(message.subarray(cut + 1)))
  }

  /** The owner's judgement of a client's update, made as the client's own process would make it. */
  private judge(room: Room, id: string, from: string, actor: Actor, update: Uint8Array): void {
    const relay = this.rooms.relay
    relay.flushIfPending(room)
    const verdict = judgeUpdate(room.address.kind, room.doc, update, actor, room.judging)
    if (verdict.refusal?.code === 'incomplete') return this.reply(from, id, { incomplete: verdict.refusal })
    if (verdict.refusal) return this.reply(from, id, { refusal: verdict.refusal })
    if (!verdict.changes) return this.reply(from, id, { ok: true })
    if (room.storedBytes + update.length > this.limits.maxDocumentBytes)
      return this.reply(from, id, {
        refusal: { code: 'size-limit', message: `document size limit (${this.limits.maxDocumentBytes} bytes) reached` },
      })
    const entry: (typeof this.replyQueue)[number] = { id, from, room }
    relay.submit(room, { closeMalformed: (reason) => (entry.verdict = { malformed: reason }) }, update)
    this.replyQueue.push(entry)
    if (this.replyQueue.length === 1)
      setImmediate(() =>
        this.guard(() => {
          // Verdicts go back after the commit: "ok" means stored and on its way to every process.
          relay.flush()
          const queue = this.replyQueue
          this.replyQueue = []
          for (const e of queue)
            this.reply(
              e.from,
              e.id,
              e.verdict ??
                (this.rooms.get(e.room.address.name) === e.room ? { ok: true } : { failed: 'storage failure' }),
            )
        }),
      )
  }

  private reply(to: string, id: string, verdict: Verdict): void {
    if (to === this.id) return this.settle(id, verdict)
    void this.redis.publish(replies(to), JSON.stringify({ id, verdict })).catch(() => {})
  }

  private settle(id: string, verdict: Verdict): void {
    const p = this.pending.get(id)
    if (!p) return
    if ('notOwner' in verdict) {
      this.owners.delete(p.room)
      p.sentTo = undefined
      return
    }
    if ('incomplete' in verdict && this.waitsBehind(id, p.room)) {
      // It overtook an update it builds on (sent to a dead owner, say): all go again, in order.
      for (const other of this.pending.values()) if (other.room === p.room) other.sentTo = undefined
      return this.sendRoom(p.room)
    }
    this.pending.delete(id)
    if ('incomplete' in verdict) p.sender.refuse(verdict.incomplete)
    if ('refusal' in verdict) p.sender.refuse(verdict.refusal)
    else if ('malformed' in verdict) p.sender.closeMalformed(verdict.malformed)
    else if ('failed' in verdict) p.sender.close(CLOSE.internal, verdict.failed)
  }

  /** Whether an update of `room` older than `id` is still unanswered. */
  private waitsBehind(id: string, room: string): boolean {
    for (const [other, p] of this.pending) {
      if (other === id) return false
      if (p.room === room) return true
    }
    return false
  }

  /** Renews the leases held, and tries to take those of open rooms nobody holds. */
  private async tend(): Promise<void> {
    if (this.closed || !this.rooms) return
    for (const room of this.rooms.all()) {
      const name = room.address.name
      if (!this.owned.has(name)) {
        void this.acquire(name)
        continue
      }
      const started = Date.now()
      this.redis
        .eval(renewScript, 1, ownerKey(name), this.id, this.leaseMs)
        .then((renewed) => {
          if (!this.owned.has(name)) return
          if (renewed === 1) this.owned.set(name, started + this.leaseMs)
          else this.demote(name, 'lease lost')
        })
        .catch(() => {})
    }
  }

  private async acquire(name: string): Promise<void> {
    if (this.closed) return
    const started = Date.now()
    let holder: string | null
    try {
      holder = (await this.redis.set(ownerKey(name), this.id, 'PX', this.leaseMs, 'NX', 'GET')) as string | null
    } catch {
      return
    }
    if (holder !== null && holder !== this.id) {
      if (this.owners.get(name) === holder) return
      this.owners.set(name, holder)
      return this.sendRoom(name)
    }
    if (this.owned.has(name)) return
    this.guard(() => this.promote(name, started))
  }

  /** Takes a room over: raises its fence, reads the rows it lacks, serves what was waiting. */
  private promote(name: string, leaseStarted: number): void {
    const room = this.rooms.get(name)
    if (!room) {
      void this.redis.eval(releaseScript, 1, ownerKey(name), this.id).catch(() => {})
      return
    }
    this.log.claim(name)
    this.catchUp(room)
    const size = this.log.size(name)
    room.storedBytes = size.bytes
    room.rowsSinceCompaction = size.rows > 1 ? size.rows : 0
    this.streamed.set(name, room.lastSeq)
    this.owned.set(name, leaseStarted + this.leaseMs)
    this.owners.set(name, this.id)
    this.log_(`accord cluster: ${this.id} owns ${name}`)
    this.sendRoom(name)
  }

  private demote(name: string, why: string): void {
    if (!this.owned.delete(name)) return
    this.log.release(name)
    this.owners.delete(name)
    this.streamed.delete(name)
    this.log_(`accord cluster: ${this.id} no longer owns ${name} (${why})`)
  }

  /** Applies the stored rows after the room's last one (a gap in its stream, a takeover). */
  private catchUp(room: Room): void {
    const rows = this.log.db.all<{ seq: number; data: Buffer }>(
      'SELECT seq, data FROM updates WHERE room = ? AND seq > ? ORDER BY seq',
      room.address.name,
      room.lastSeq,
    )
    for (const row of rows) room.applyCommitted(row.data, row.seq)
  }

  private catchUpAll(): void {
    if (!this.rooms) return
    for (const room of this.rooms.all()) if (!this.owns(room)) this.guard(() => this.catchUp(room))
  }

  private async readStreams(): Promise<void> {
    while (!this.closed) {
      const followed = this.rooms ? this.rooms.all().filter((room) => !this.owns(room)) : []
      if (followed.length === 0) {
        await new Promise((r) => setTimeout(r, 50))
        continue
      }
      try {
        const result = (await this.reader.xreadBuffer(
          'COUNT',
          1000,
          'BLOCK',
          200,
          'STREAMS',
          ...followed.map((room) => streamKey(room.address.name)),
          ...followed.map((room) => `${room.lastSeq}-0`),
        )) as [Buffer, [Buffer, Buffer[]][]][] | null
        for (const [key, entries] of result ?? []) {
          const room = this.rooms.get(key.toString().slice(streamKey('').length))
          if (!room) continue
          this.guard(() => {
            for (const [id, fields] of entries) {
              const seq = Number(id.toString().split('-')[0])
              const prev = Number(fields[3]!.toString())
              if (prev > room.lastSeq) this.catchUp(room)
              room.applyCommitted(fields[1]!, seq)
            }
          })
        }
      } catch {
        if (!this.closed) await new Promise((r) => setTimeout(r, 200))
      }
    }
  }
}
