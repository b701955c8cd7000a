/**
 * The secretariat's care of the catalogue: rename a document, archive it (hidden from
 * lists, closed to sync and exports, kept whole in the store with its revisions) and
 * restore it, delete a document nobody has edited since it was tabled, and keep its UN
 * document header. Archiving and deleting close the document's open sockets with 4404,
 * so editors show "No such document" instead of reconnecting.
 *
 * "Nobody has edited" is decided by the store, not by the client: both rooms hold
 * exactly what Rev.0 holds (the same Yjs state vectors) and no revision was made after
 * it. Anything else — a resolution, a proposal, a comment, a revision — makes the
 * document part of the record, and it can only be archived.
 */
import { Router, type Request, type Response } from 'express'
import * as Y from 'yjs'
import { z } from 'zod'
import { CLOSE } from '../../shared/document/protocol.ts'
import { documentRooms, parseRoomName } from '../../shared/document/rooms.ts'
import { managesRecord } from '../../shared/document/roles.ts'
import { DocumentHeaderSchema } from '../../shared/export/document-header.ts'
import { TABLED_REVISION } from '../documents/creation.ts'
import type { Services } from '../services.ts'
import { requireAccount, requireRight } from './authenticate.ts'
import { listed } from './documents.ts'
import { lookupDocument } from './document-lookup.ts'
import { sendError, validate } from './responses.ts'

const renameBody = z.object({ title: z.string().trim().min(1, 'a title is needed').max(200) }).strict()

/** The document management routes. */
export function documentManagementRoutes(services: Services): Router {
  const router = Router()
  const guard = [requireAccount(services), requireRight(managesRecord, 'the secretariat')]

  const anyDocument = (req: Request, res: Response) => lookupDocument(services, req, res, { archived: true })

  router.patch('/documents/:id', ...guard, (req, res) => {
    const document = anyDocument(req, res)
    if (!document) return
    const body = validate(renameBody, req.body ?? {}, 'body', res)
    if (!body) return
    services.documents.rename(document.id, body.title)
    res.json(listed(services.documents.find(document.id)!))
  })

  router.post('/documents/:id/archive', ...guard, (req, res) => {
    const document = anyDocument(req, res)
    if (!document) return
    if (document.archivedAt === null) {
      services.documents.setArchived(document.id, true)
      closeDocumentSockets(services, document.id, 'document archived')
    }
    res.json(listed(services.documents.find(document.id)!))
  })

  router.post('/documents/:id/unarchive', ...guard, (req, res) => {
    const document = anyDocument(req, res)
    if (!document) return
    services.documents.setArchived(document.id, false)
    res.json(listed(services.documents.find(document.id)!))
  })

  router.delete('/documents/:id', ...guard, (req, res) => {
    const document = anyDocument(req, res)
    if (!document) return
    const edited = editedSinceTabled(services, document.id)
    if (edited)
      return sendError(res, 409, 'document has a history', [
        {
          field: 'params.id',
          message: `${edited}; archive it instead (archived documents are kept and can be restored)`,
        },
      ])
    closeDocumentSockets(services, document.id, 'document deleted')
    const rooms = documentRooms(document.id)
    services.updates.batch(() => {
      services.updates.drop(rooms.text)
      services.updates.drop(rooms.proposals)
      services.revisions.removeAll(document.id)
      services.documents.remove(document.id)
    })
    res.status(204).end()
  })

  router.get('/documents/:id/header', requireAccount(services), (req, res) => {
    const document = lookupDocument(services, req, res)
    if (!document) return
    res.json(services.documents.header(document.id))
  })

  router.put('/documents/:id/header', ...guard, (req, res) => {
    const document = lookupDocument(services, req, res)
    if (!document) return
    const header = validate(DocumentHeaderSchema, req.body ?? {}, 'body', res)
    if (!header) return
    services.documents.setHeader(document.id, header)
    res.json(services.documents.header(document.id))
  })

  return router
}

/** Why the document is part of the record, or null when it is as tabled. */
function editedSinceTabled(services: Services, documentId: string): string | null {
  const revisions = services.revisions.list(documentId)
  if (!revisions.some((r) => r.name === TABLED_REVISION.name))
    return `it has no ${TABLED_REVISION.name} to compare with (it was created before documents were tabled as ${TABLED_REVISION.name})`
  const later = revisions.filter((r) => r.name !== TABLED_REVISION.name)
  if (later.length) return `revisions were made after ${TABLED_REVISION.name} (${later.map((r) => r.name).join(', ')})`
  const tabled = services.revisions.states(documentId, TABLED_REVISION.name)!
  const rooms = documentRooms(documentId)
  const vector = (name: string) => services.rooms.read(parseRoomName(name)!, (doc) => stateVector(doc))
  if (!sameVector(vector(rooms.text), vectorOf(tabled.text))) return 'its text has been edited or decided on'
  if (!sameVector(vector(rooms.proposals), tabled.proposals ? vectorOf(tabled.proposals) : new Map()))
    return 'proposals, stances or comments have been made on it'
  return null
}

function stateVector(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc))
}

function vectorOf(update: Uint8Array): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update))
}

function sameVector(a: Map<number, number>, b: Map<number, number>): boolean {
  return a.size === b.size && [...a].every(([client, clock]) => b.get(client) === clock)
}

/** Closes every open socket of the document's rooms with 4404: y-websocket stops reconnecting. */
function closeDocumentSockets(services: Services, documentId: string, reason: string): void {
  for (const name of Object.values(documentRooms(documentId)))
    for (const member of [...(services.rooms.get(name)?.members ?? [])]) member.close(CLOSE.noSuchDocument, reason)
}
