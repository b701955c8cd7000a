/**
 * Changes the server makes to a room on a user's request — restoring a
 * revision, signing the log, recording a suggestion — go the way a client's
 * edit goes: applied, appended, committed and relayed through the durable relay,
 * so the room only ever changes inside a store transaction — computed on a copy
 * of the room (`writeRoom`), or made on the room inside that transaction
 * (`changeRoom`). In a cluster only the room's owner process may make them: elsewhere
 * the change is refused before the room is touched (`notOwnedHere`).
 */
import * as Y from 'yjs'
import type { Services } from '../services.ts'
import { parseRoomName, roomName, type RoomKind } from '../../shared/document/rooms.ts'
import type { Room } from './room.ts'

/**
 * Applies the update `compute` derives from a room's current state (null: nothing to do)
 * through the durable relay. Returns why it failed, or undefined.
 */
export function writeRoom(
  services: Services,
  documentId: string,
  kind: RoomKind,
  compute: (doc: Y.Doc) => Uint8Array | null,
): string | undefined {
  const address = parseRoomName(roomName(documentId, kind))!
  const room = services.rooms.open(address)
  let failure: string | undefined
  try {
    const elsewhere = notOwnedHere(services, room)
    if (elsewhere) return elsewhere
    services.rooms.relay.flush()
    const update = compute(room.doc)
    if (update) {
      if (room.storedBytes + update.length > services.options.limits.maxDocumentBytes)
        return `the document has reached its size limit (${services.options.limits.maxDocumentBytes} bytes)`
      services.rooms.relay.submit(room, { closeMalformed: (reason) => (failure = reason) }, update)
      services.rooms.relay.flush()
      if (services.rooms.get(address.name) !== room) failure = 'the store refused the change'
    }
  } catch (error) {
    failure = (error as Error).message
  } finally {
    services.rooms.release(room)
  }
  return failure
}

/**
 * Makes `change` on a room's document itself, in the store transaction that appends it, then
 * relays it: for changes that must not pay for a copy of a long text (a suggestion). `change`
 * checks before it writes: what it writes is kept. Returns what `change` returned, or why it failed.
 */
export function changeRoom<T>(
  services: Services,
  documentId: string,
  kind: RoomKind,
  change: (doc: Y.Doc) => T,
): { result: T } | { failure: string } {
  const address = parseRoomName(roomName(documentId, kind))!
  const room = services.rooms.open(address)
  let failure: string | undefined
  let result: { value: T } | undefined
  try {
    const elsewhere = notOwnedHere(services, room)
    if (elsewhere) return { failure: elsewhere }
    // Room for the change itself: it is bounded by its request's size.
    if (room.storedBytes + CHANGE_BUDGET_BYTES > services.options.limits.maxDocumentBytes)
      return { failure: `the document has reached its size limit (${services.options.limits.maxDocumentBytes} bytes)` }
    services.rooms.relay.submit(room, { closeMalformed: (reason) => (failure = reason) }, (doc) => {
      result = { value: change(doc) }
    })
    services.rooms.relay.flush()
    if (services.rooms.get(address.name) !== room) failure ??= 'the store refused the change'
  } catch (error) {
    failure = (error as Error).message
  } finally {
    services.rooms.release(room)
  }
  return failure !== undefined || !result ? { failure: failure ?? 'the change was not made' } : { result: result.value }
}

/**
 * Why this process may not change `room` itself: another process of the cluster owns it
 * (the store's fence would refuse the commit and drop the room here). Undefined when it may.
 */
function notOwnedHere(services: Services, room: Room): string | undefined {
  const cluster = services.cluster
  if (!cluster || cluster.owns(room)) return undefined
  return 'another process of the cluster holds this document at the moment; nothing was changed — send the request again'
}

/** What a change of the server's own may add to a room at most. */
const CHANGE_BUDGET_BYTES = 256 * 1024

/** Runs `change` on a copy of `doc` (left untouched): what it returned and the update it made. */
export function changeOnCopy<T>(doc: Y.Doc, change: (copy: Y.Doc) => T): { result: T; update: Uint8Array } {
  const copy = new Y.Doc()
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    const before = Y.encodeStateVector(copy)
    const result = change(copy)
    return { result, update: Y.encodeStateAsUpdate(copy, before) }
  } finally {
    copy.destroy()
  }
}
