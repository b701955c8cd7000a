/**
 * One client socket in a room, speaking the y-websocket protocol (y-protocols sync and
 * awareness). Every sync message that carries an update is judged before anything else
 * happens to it (`shared/document/judge.ts`: the sender's right to the room, the roots
 * and values it writes, each entry against the sender):
 *
 * - a refused update is dropped, never applied, stored or relayed; the client is told
 *   why with a y-protocols auth "permission denied" message (type 2) carrying the
 *   refusal's code and message, and after `refusalsBeforeClose` refusals the socket is
 *   closed with 4403 and the code as reason. y-websocket 3 treats 4400–4499 as
 *   permanent, so the provider stops reconnecting and resending the edit.
 * - updates that change nothing (sync step 2 replies, echoes) pass silently.
 *
 * Malformed messages close this socket with 1007; unknown message types with 1003; a
 * client that stops reading its socket is closed with 1013 before it can exhaust memory.
 */
import type { RawData, WebSocket } from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as authProtocol from 'y-protocols/auth'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import type { Account } from '../auth/accounts.ts'
import type { Limits } from '../limits.ts'
import { guarded, type GuardLog } from '../listener-guard.ts'
import type { DurableRelay } from './durable-relay.ts'
import type { Room, RoomMember } from './room.ts'
import { isEmptyStateVector } from './step-cache.ts'
import { judgeUpdate } from '../../shared/document/judge.ts'
import {
  CLOSE,
  encodeRefusal,
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  type Refusal,
} from '../../shared/document/protocol.ts'
import type { Actor } from '../../shared/document/roles.ts'

/** Outgoing bytes a socket may have queued before it counts as stalled and is closed (1013). */
export const maxQueuedBytes = 32 * 1024 * 1024

/** A connected client. */
export class SyncConnection implements RoomMember {
  private refusals = 0
  private closed = false
  private expiry: NodeJS.Timeout | undefined
  readonly actor: Actor

  constructor(
    private readonly ws: WebSocket,
    readonly room: Room,
    readonly account: Account,
    private readonly relay: DurableRelay,
    private readonly limits: Limits,
    private readonly onClose: (connection: SyncConnection) => void,
    private readonly log: GuardLog,
    /** Told of every update refused to this socket (the audit trail records it). */
    private readonly onRefusal: (refusal: Refusal) => void = () => {},
  ) {
    this.actor = { username: account.username, role: account.role, party: account.party ?? undefined }
    room.members.add(this)
    ws.binaryType = 'nodebuffer'
    const fail = () => this.close(CLOSE.internal, 'internal error')
    ws.on(
      'message',
      guarded('sync message', log, (data: RawData, isBinary: boolean) => this.receive(data as Buffer, isBinary), fail),
    )
    ws.on(
      'close',
      guarded(
        'sync close',
        log,
        () => this.closed || this.finish(),
        () => ws.terminate(),
      ),
    )
    ws.on(
      'error',
      guarded(
        'sync socket error',
        log,
        () => this.close(CLOSE.internal, 'socket error'),
        () => ws.terminate(),
      ),
    )
    for (const message of room.greeting()) this.send(message)
  }

  /** Sends one protocol message; silently skipped once the socket is closing. */
  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return
    // A client that stopped reading would otherwise grow the server's memory without bound.
    if (this.ws.bufferedAmount > maxQueuedBytes) return this.close(CLOSE.notReading, 'client not reading; reconnect')
    this.ws.send(message, (error) => error && this.close(CLOSE.internal, 'send failed'))
  }

  /** Closes the socket with a reason and leaves the room. */
  close(code: number, reason: string): void {
    if (this.closed) return
    this.finish()
    try {
      this.ws.close(code, reason.slice(0, 120))
    } catch {
      this.ws.terminate()
    }
  }

  /** Closes the socket with 4401 when its session expires at `time` (ms since epoch). */
  expireAt(time: number): void {
    clearTimeout(this.expiry)
    // setTimeout overflows past ~24.8 days; re-arm in steps for long sessions.
    const delay = Math.min(Math.max(0, time - Date.now()), 2 ** 31 - 1)
    const expire = () => (Date.now() >= time ? this.close(CLOSE.sessionEnded, 'session expired') : this.expireAt(time))
    // Not unref'd: Node keeps an unref'd timer's list (one per distinct delay, and every
    // socket's delay is its own) until the delay has passed even when the timer is cleared,
    // so each short-lived socket left ~100 bytes behind for the session's 12 hours. The open
    // socket keeps the process alive anyway, and closing it clears the timer.
    this.expiry = setTimeout(
      guarded('session expiry', this.log, expire, () => this.ws.terminate()),
      delay,
    )
  }

  /** Stops reading the socket for `ms` (0: keep reading): presence over its budget (`presence.ts`). */
  private stopReading(ms: number): void {
    if (ms <= 0 || this.ws.isPaused) return
    this.ws.pause()
    const resume = setTimeout(
      guarded('sync resume', this.log, () => this.closed || this.ws.resume()),
      ms,
    )
    resume.unref()
  }

  /** Closes the socket because an update could not be decoded. */
  closeMalformed(reason: string): void {
    this.close(CLOSE.malformed, reason)
  }

  private finish(): void {
    this.closed = true
    clearTimeout(this.expiry)
    this.room.leave(this)
    this.onClose(this)
  }

  /** Handles one message from the client (the endpoint hands over a first message it read itself). */
  receive(data: Buffer, isBinary: boolean): void {
    if (this.closed) return
    if (!isBinary) return this.close(CLOSE.unsupported, 'text frames are not part of the protocol')
    try {
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
      const type = decoding.readVarUint(decoder)
      switch (type) {
        case MESSAGE_SYNC:
          return this.receiveSync(decoder)
        case MESSAGE_AWARENESS:
          return this.stopReading(this.room.presence.receive(this, this.actor, decoding.readVarUint8Array(decoder)))
        case MESSAGE_QUERY_AWARENESS:
          return this.stopReading(this.room.presence.query(this, this.actor))
        case MESSAGE_AUTH:
          return // clients have nothing to say in the auth protocol; ignore it
        default:
          return this.close(CLOSE.unsupported, `unsupported message type ${type}`)
      }
    } catch {
      this.close(CLOSE.malformed, 'malformed message')
    }
  }

  private receiveSync(decoder: decoding.Decoder): void {
    const step = decoding.readVarUint(decoder)
    if (step === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder)
      // A newcomer's answer is encoded once per room, not once per joiner (`step-cache.ts`).
      if (isEmptyStateVector(stateVector)) {
        for (const message of this.room.stepCache.messagesForEmptyClient()) this.send(message)
        return
      }
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MESSAGE_SYNC)
      syncProtocol.writeSyncStep2(encoder, this.room.doc, stateVector)
      return this.send(encoding.toUint8Array(encoder))
    }
    if (step !== syncProtocol.messageYjsSyncStep2 && step !== syncProtocol.messageYjsUpdate) {
      return this.close(CLOSE.malformed, `unknown sync step ${step}`)
    }
    const update = decoding.readVarUint8Array(decoder)
    // In a cluster, the room's owner process judges and commits (`cluster/`).
    if (this.relay.forward(this.room, update, this)) return
    // The judgement reads the room as it stands: what this room still has queued for the
    // next batch (a client's withdrawal right after its proposal builds on it) is committed first.
    this.relay.flushIfPending(this.room)
    const verdict = judgeUpdate(this.room.address.kind, this.room.doc, update, this.actor, this.room.judging)
    if (verdict.refusal) return this.refuse(verdict.refusal)
    if (!verdict.changes) return
    if (this.room.storedBytes + update.length > this.limits.maxDocumentBytes) {
      return this.refuse({
        code: 'size-limit',
        message: `document size limit (${this.limits.maxDocumentBytes} bytes) reached`,
      })
    }
    this.relay.submit(this.room, this, update)
  }

  /** Tells the client its update was refused; the third refusal closes the socket. */
  refuse(refusal: Refusal): void {
    this.refusals += 1
    this.onRefusal(refusal)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_AUTH)
    authProtocol.writePermissionDenied(encoder, encodeRefusal(refusal))
    this.send(encoding.toUint8Array(encoder))
    // A close reason has room for the code only; the message went with the denial.
    if (this.refusals >= this.limits.refusalsBeforeClose) this.close(CLOSE.writeForbidden, refusal.code)
  }
}
