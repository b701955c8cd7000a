/**
 * The y-protocols sync messages the hand-rolled Node clients of tests and benchmarks
 * (`RawClient`, `BenchClient`) send and answer, so each client keeps only what it is for.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import type * as Y from 'yjs'

/** A sync message (type 0) carrying sync step 1 for `doc`. */
export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

/** A sync message (type 0) carrying one Yjs update. */
export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

/**
 * Reads the rest of a sync message (its type already read from `decoder`) into `doc` as
 * `origin`, sends the reply it calls for (step 2 for a step 1), and returns its step.
 */
export function answerSyncMessage(
  decoder: decoding.Decoder,
  doc: Y.Doc,
  origin: unknown,
  send: (bytes: Uint8Array) => void,
): number {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  const step = syncProtocol.readSyncMessage(decoder, encoder, doc, origin)
  if (encoding.length(encoder) > 1) send(encoding.toUint8Array(encoder))
  return step
}
