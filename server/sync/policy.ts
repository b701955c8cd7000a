/**
 * Which role may write which room. A document is split into rooms by protection level, so
 * a write right is a property of the whole room and can be checked per message:
 *
 * | room               | holds                                              | writable by               |
 * | ------------------ | -------------------------------------------------- | ------------------------- |
 * | `DOC_ID`           | the text, resolutions, bindings, variables          | co-chair, secretariat     |
 * | `DOC_ID/proposals` | proposals, stances, the signed log of co-chairs' steps | delegation, co-chair, secretariat |
 *
 * Observers read every room and write none. In the proposals room every entry is
 * also judged against the sender (`shared/proposals/rights.ts`).
 */
import type { Role } from '../auth/roles.ts'

/** The kinds of room a document has. */
export type RoomKind = 'text' | 'proposals'

/** A parsed room name. */
export interface RoomAddress {
  /** The room name as used in the sync URL and the update log. */
  name: string
  documentId: string
  kind: RoomKind
}

/** Document ids: lowercase-friendly slugs that are safe in URLs and file names. */
export const documentIdPattern = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,79}$/

const writers: Record<RoomKind, readonly Role[]> = {
  text: ['secretariat', 'co-chair'],
  proposals: ['secretariat', 'co-chair', 'delegation'],
}

/** Parses `DOC_ID` or `DOC_ID/proposals`; undefined for anything else. */
export function parseRoomName(name: string): RoomAddress | undefined {
  const [documentId, suffix, ...rest] = name.split('/')
  if (!documentId || !documentIdPattern.test(documentId) || rest.length > 0) return undefined
  if (suffix === undefined) return { name, documentId, kind: 'text' }
  if (suffix === 'proposals') return { name, documentId, kind: 'proposals' }
  return undefined
}

/** The name of a document's room of the given kind. */
export function roomName(documentId: string, kind: RoomKind): string {
  return kind === 'text' ? documentId : `${documentId}/${kind}`
}

/** True when `role` may change the content of a room of this kind. */
export function mayWrite(role: Role, kind: RoomKind): boolean {
  return writers[kind].includes(role)
}
