/**
 * A hand-rolled y-protocols client over a raw socket, for tests and benchmarks that must
 * see exactly what the server sends (refusals, close codes, presences) or send what a
 * provider never would. No test runner here: benchmarks import it too.
 */
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as syncProtocol from 'y-protocols/sync'
import * as decoding from 'lib0/decoding'
import { decodeRefusal, type RefusalCode } from '../shared/document/protocol.ts'
import { answerSyncMessage, syncStep1Message, syncUpdateMessage } from './sync-messages.ts'

/** Resolves once `predicate` holds (polled), or rejects after `ms`. */
export async function eventually(predicate: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

/**
 * A hand-rolled y-protocols client: a raw socket and a Y.Doc, for tests that need to see
 * exactly what the server sends (permission messages, close codes) or send what a
 * provider never would.
 */
export class RawClient {
  readonly doc = new Y.Doc()
  /** The messages of the refusals the server sent, in order. */
  readonly denials: string[] = []
  /** Their codes. */
  readonly refusalCodes: RefusalCode[] = []
  /** The awareness client ids it was told of. */
  readonly seenPresences = new Set<number>()
  /** The last state (parsed JSON, null for a removal) it was told of, per client id. */
  readonly presences = new Map<number, unknown>()
  /** Every presence entry it was told of, in order (`state` null for a removal). */
  readonly presenceHistory: { id: number; state: unknown }[] = []
  /** Awareness messages received. */
  awarenessMessages = 0
  synced = false
  /** The document's state vector at the moment the server's sync step 2 was applied. */
  stateAtSync: Uint8Array | undefined
  closed: { code: number; reason: string } | undefined
  private constructor(readonly ws: WebSocket) {
    ws.binaryType = 'nodebuffer'
    ws.on('message', (data: Buffer) => this.receive(new Uint8Array(data)))
    ws.on('close', (code, reason) => (this.closed = { code, reason: reason.toString() }))
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.sendUpdate(update)
    })
  }

  /** Opens a socket to `syncUrl/room` with the token as a Bearer header and waits for the server's sync step 2. */
  static async connect(
    syncUrl: string,
    room: string,
    token: string,
    options: WebSocket.ClientOptions = {},
  ): Promise<RawClient> {
    const ws = new WebSocket(`${syncUrl}/${room}`, {
      ...options,
      headers: { ...options.headers, authorization: `Bearer ${token}` },
    })
    const client = new RawClient(ws)
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => {
        ws.send(syncStep1Message(client.doc))
        resolve()
      })
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)))
      ws.once('error', reject)
    })
    await eventually(() => client.synced, 20_000, 'raw client sync')
    return client
  }

  /** Sends a Yjs update as a sync update message. */
  sendUpdate(update: Uint8Array): void {
    this.send(syncUpdateMessage(update))
  }

  /** Sends raw bytes. */
  send(bytes: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(bytes)
  }

  private receive(bytes: Uint8Array): void {
    const decoder = decoding.createDecoder(bytes)
    const type = decoding.readVarUint(decoder)
    if (type === 0) {
      const step = answerSyncMessage(decoder, this.doc, this, (reply) => this.send(reply))
      if (step === syncProtocol.messageYjsSyncStep2 && !this.synced) {
        this.synced = true
        this.stateAtSync = Y.encodeStateVector(this.doc)
      }
    } else if (type === 2) {
      decoding.readVarUint(decoder)
      const refusal = decodeRefusal(decoding.readVarString(decoder))
      this.denials.push(refusal.message)
      this.refusalCodes.push(refusal.code)
    } else if (type === 1) {
      this.awarenessMessages += 1
      const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
      const count = decoding.readVarUint(update)
      for (let i = 0; i < count; i++) {
        const id = decoding.readVarUint(update)
        decoding.readVarUint(update) // clock
        this.seenPresences.add(id)
        const state: unknown = JSON.parse(decoding.readVarString(update))
        this.presences.set(id, state)
        this.presenceHistory.push({ id, state })
      }
    }
  }

  /** Closes the socket. */
  close(): void {
    this.ws.close()
  }
}
