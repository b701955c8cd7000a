/**
 * Resolving the `:id` of a document route: validated, then looked up; a bad id is a 400
 * naming `params.id`, an unknown one a 404.
 */
import type { Request, Response } from 'express'
import { z } from 'zod'
import type { Services } from '../services.ts'
import type { DocumentRecord } from '../store/documents.ts'
import { documentIdPattern } from '../../shared/document/rooms.ts'
import { sendError, validate } from './responses.ts'

const idParams = z.object({ id: z.string().regex(documentIdPattern, 'not a document id') })

/**
 * The document named by `req.params.id`, or undefined after answering 400/404. Archived
 * documents are not found, except with `archived` (the secretariat restores them by id).
 */
export function lookupDocument(
  services: Services,
  req: Request,
  res: Response,
  { archived = false } = {},
): DocumentRecord | undefined {
  const params = validate(idParams, { id: req.params.id }, 'params', res)
  if (!params) return undefined
  const document = archived ? services.documents.find(params.id) : services.documents.get(params.id)
  if (!document)
    sendError(res, 404, 'no such document', [{ field: 'params.id', message: `no document "${params.id}"` }])
  return document
}
