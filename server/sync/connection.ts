/**
 * One client socket in a room, speaking the y-websocket protocol (y-protocols sync and
 * awareness). Write rights are checked on every sync message that carries an update:
 *
 * - a read-only client's update that would change the document is dropped, never applied
 *   or relayed; the client is told why with a y-protocols auth "permission denied"
 *   message (type 2, which y-websocket's provider logs), and after
 *   `refusalsBeforeClose` refusals the socket is closed with 4403. y-websocket 3 treats
 *   4400–4499 as permanent, so the provider stops reconnecting and resending the edit.
 * - updates that change nothing (sync step 2 replies, echoes) pass silently.
 *
 * Malformed messages close this socket with 1007; unknown message types with 1003; a
 * client that stops reading its socket is closed with 1013 before it can exhaust memory.
 */
import type { RawData, WebSocket } from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as authProtocol from 'y-protocols/auth'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import type { Account } from '../auth/accounts.ts'
import type { Limits } from '../limits.ts'
import { guarded, type GuardLog } from '../listener-guard.ts'
import type { DurableRelay } from './durable-relay.ts'
import {
  messageAuth,
  messageAwareness,
  messageQueryAwareness,
  messageSync,
  type Room,
  type RoomMember,
} from './room.ts'
import { updateChangesDoc } from './update-effect.ts'
import { changesOfUpdate } from '../../shared/proposals/update-changes.ts'
import { refuseProposalChanges } from '../../shared/proposals/rights.ts'

/** Close code for a client that kept sending writes it may not make. */
export const closeWriteForbidden = 4403
/** Outgoing bytes a socket may have queued before it counts as stalled and is closed (1013). */
export const maxQueuedBytes = 32 * 1024 * 1024
/** Close code for a socket whose session token expired (log in again). */
export const closeSessionExpired = 4401

/** A connected client. */
export class SyncConnection implements RoomMember {
  readonly awarenessClients = new Set<number>()
  private refusals = 0
  private closed = false
  private expiry: NodeJS.Timeout | undefined

  constructor(
    private readonly ws: WebSocket,
    readonly room: Room,
    readonly account: Account,
    /** Whether this account may change this room. */
    readonly writable: boolean,
    private readonly relay: DurableRelay,
    private readonly limits: Limits,
    private readonly onClose: (connection: SyncConnection) => void,
    private readonly log: GuardLog,
  ) {
    room.members.add(this)
    ws.binaryType = 'nodebuffer'
    const fail = () => this.close(1011, 'internal error')
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
        () => this.close(1011, 'socket error'),
        () => ws.terminate(),
      ),
    )
    for (const message of room.greeting()) this.send(message)
  }

  /** Sends one protocol message; silently skipped once the socket is closing. */
  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return
    // A client that stopped reading would otherwise grow the server's memory without bound.
    if (this.ws.bufferedAmount > maxQueuedBytes) return this.close(1013, 'client not reading; reconnect')
    this.ws.send(message, (error) => error && this.close(1011, 'send failed'))
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
    const expire = () => (Date.now() >= time ? this.close(closeSessionExpired, 'session expired') : this.expireAt(time))
    this.expiry = setTimeout(
      guarded('session expiry', this.log, expire, () => this.ws.terminate()),
      delay,
    )
    this.expiry.unref()
  }

  /** Closes the socket because an update could not be decoded. */
  closeMalformed(reason: string): void {
    this.close(1007, reason)
  }

  private finish(): void {
    this.closed = true
    clearTimeout(this.expiry)
    this.room.leave(this)
    this.onClose(this)
  }

  private receive(data: Buffer, isBinary: boolean): void {
    if (this.closed) return
    if (!isBinary) return this.close(1003, 'text frames are not part of the protocol')
    try {
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
      const type = decoding.readVarUint(decoder)
      switch (type) {
        case messageSync:
          return this.receiveSync(decoder)
        case messageAwareness:
          return awarenessProtocol.applyAwarenessUpdate(this.room.awareness, decoding.readVarUint8Array(decoder), this)
        case messageQueryAwareness:
          return this.send(this.room.awarenessMessage([...this.room.awareness.getStates().keys()]))
        case messageAuth:
          return // clients have nothing to say in the auth protocol; ignore it
        default:
          return this.close(1003, `unsupported message type ${type}`)
      }
    } catch {
      this.close(1007, 'malformed message')
    }
  }

  private receiveSync(decoder: decoding.Decoder): void {
    const step = decoding.readVarUint(decoder)
    if (step === syncProtocol.messageYjsSyncStep1) {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, messageSync)
      syncProtocol.writeSyncStep2(encoder, this.room.doc, decoding.readVarUint8Array(decoder))
      return this.send(encoding.toUint8Array(encoder))
    }
    if (step !== syncProtocol.messageYjsSyncStep2 && step !== syncProtocol.messageYjsUpdate) {
      return this.close(1007, `unknown sync step ${step}`)
    }
    const update = decoding.readVarUint8Array(decoder)
    if (!this.writable) {
      if (updateChangesDoc(this.room.snapshot(), update))
        this.refuse(`${this.account.role} accounts may not change ${this.room.address.name}`)
      return
    }
    if (this.room.address.kind === 'proposals') {
      // Room rights are not enough here: each entry is checked against the sender's Party.
      // The judgement needs the room's updates still queued for the next batch (a
      // client's withdrawal right after its proposal builds on it): commit them first.
      this.relay.flush()
      const refusal = refuseProposalChanges(
        { username: this.account.username, role: this.account.role, party: this.account.party ?? undefined },
        changesOfUpdate(this.room.doc, update),
      )
      if (refusal) return this.refuse(refusal)
    }
    if (this.room.storedBytes + update.length > this.limits.maxDocumentBytes) {
      return this.refuse(`document size limit (${this.limits.maxDocumentBytes} bytes) reached`)
    }
    this.relay.submit(this.room, this, update)
  }

  private refuse(reason: string): void {
    this.refusals += 1
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, messageAuth)
    authProtocol.writePermissionDenied(encoder, reason)
    this.send(encoding.toUint8Array(encoder))
    if (this.refusals >= this.limits.refusalsBeforeClose)
      this.close(closeWriteForbidden, `write not permitted: ${reason}`)
  }
}
