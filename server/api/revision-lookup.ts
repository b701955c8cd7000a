/**
 * Finding a revision for a route: its name validated, its record and states looked up
 * (a bad name is a 400, an unknown one a 404 naming the field), and the working draft's
 * states read the same way, so routes can treat "a revision or the draft" alike.
 */
import type { Response } from 'express'
import * as Y from 'yjs'
import { z } from 'zod'
import type { Services } from '../services.ts'
import type { DocumentRecord } from '../store/documents.ts'
import type { RevisionRecord, RevisionStates } from '../store/revisions.ts'
import { parseRoomName, roomName } from '../../shared/document/rooms.ts'
import { sendError, validate } from './responses.ts'

/** The name that stands for the working draft in a comparison; no revision may take it. */
export const DRAFT = 'draft'

/** A revision's name: `Rev.1` and the like. */
export const revisionName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}$/, 'like "Rev.1": letters, digits, space . _ - (up to 40)')
/** A name for a new revision: any revision name but the draft's. */
export const newRevisionName = revisionName.refine(
  (name) => name.toLowerCase() !== DRAFT,
  `"${DRAFT}" names the working draft`,
)

/** The current states of a document's text and proposals rooms. */
export function draftStates(services: Services, documentId: string): { text: Uint8Array; proposals: Uint8Array } {
  const encode = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc)
  return {
    text: services.rooms.read(parseRoomName(roomName(documentId, 'text'))!, encode),
    proposals: services.rooms.read(parseRoomName(roomName(documentId, 'proposals'))!, encode),
  }
}

/** The revision `name` (validated as `field`), or undefined after answering 400/404. */
export function lookupRevision(
  services: Services,
  document: DocumentRecord,
  name: unknown,
  field: string,
  res: Response,
): { record: RevisionRecord; states: RevisionStates } | undefined {
  const valid = validate(revisionName, name, field, res)
  if (valid === undefined) return undefined
  const record = services.revisions.get(document.id, valid)
  const states = services.revisions.states(document.id, valid)
  if (!record || !states) {
    sendError(res, 404, 'no such revision', [{ field, message: `no revision "${valid}"` }])
    return undefined
  }
  return { record, states }
}
