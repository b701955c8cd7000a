/**
 * A document's rooms. A document is split into rooms by protection level, so a write
 * right is first a property of the whole room; within a room the server then judges
 * every entry (`judge.ts`):
 *
 * | room               | holds                                                     | writable by                       |
 * | ------------------ | --------------------------------------------------------- | --------------------------------- |
 * | `DOC_ID`           | the text, its framing, resolutions, bindings, values,     | co-chair, secretariat             |
 * |                    | inscriptions, provenance, acceptances                     |                                   |
 * | `DOC_ID/proposals` | proposals, stances, the signed log of co-chairs' steps    | delegation, co-chair, secretariat |
 *
 * Clients learn a document's room names from the API (`GET /api/documents` lists them),
 * never by building them.
 */
import { mayStreamline, writesAnything, type Role } from './roles.ts'

/** The kinds of room a document has. */
export const ROOM_KINDS = ['text', 'proposals'] as const

/** A kind of room. */
export type RoomKind = (typeof ROOM_KINDS)[number]

/** A parsed room name. */
export interface RoomAddress {
  /** The room name as used in the sync URL and the update log. */
  name: string
  documentId: string
  kind: RoomKind
}

/** Document ids: slugs that are safe in URLs and file names. */
export const documentIdPattern = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,79}$/

/** The name of a document's room of the given kind. */
export function roomName(documentId: string, kind: RoomKind): string {
  return kind === 'text' ? documentId : `${documentId}/${kind}`
}

/** Every room of a document, by kind: what the API hands a client. */
export function documentRooms(documentId: string): Record<RoomKind, string> {
  return { text: roomName(documentId, 'text'), proposals: roomName(documentId, 'proposals') }
}

/** Parses `DOC_ID` or `DOC_ID/proposals`; undefined for anything else. */
export function parseRoomName(name: string): RoomAddress | undefined {
  const [documentId, suffix, ...rest] = name.split('/')
  if (!documentId || !documentIdPattern.test(documentId) || rest.length > 0) return undefined
  if (suffix === undefined) return { name, documentId, kind: 'text' }
  if (suffix === 'proposals') return { name, documentId, kind: 'proposals' }
  return undefined
}

/** True when `role` may change the content of a room of this kind at all. */
export function mayWriteRoom(role: Role, kind: RoomKind): boolean {
  return kind === 'text' ? mayStreamline(role) : writesAnything(role)
}
