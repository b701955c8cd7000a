/**
 * Documents: list, preview and create (from a template, or an uploaded plain text or Word
 * document, through the importer), summary and plain-text export. A preview imports
 * exactly what creating would store and stores nothing; creating may name the preview's
 * digest, and is refused if the file is not the one previewed. Renaming, archiving and
 * deleting are `document-management.ts`.
 */
import { Router } from 'express'
import { z } from 'zod'
import { createDocument, prepareDocument } from '../documents/creation.ts'
import { ImportRefused } from '../documents/import-thread.ts'
import { documentSummary, documentText } from '../documents/template.ts'
import type { Services } from '../services.ts'
import type { DocumentRecord } from '../store/documents.ts'
import { documentRooms, parseRoomName } from '../../shared/document/rooms.ts'
import { accountOf, requireAccount, requireRight } from './authenticate.ts'
import { managesRecord } from '../../shared/document/roles.ts'
import { lookupDocument } from './document-lookup.ts'
import { rawBodies, readDocumentRequest, type DocumentRequest } from './new-document.ts'
import { sendError, validate } from './responses.ts'

const listQuery = z.object({ archived: z.enum(['true', 'false']).default('false') }).strict()
const digestQuery = z.object({ digest: z.string().max(100).optional() }).passthrough()

/** How a document is listed: its entry plus the sync rooms a client connects to. */
export const listed = (document: DocumentRecord) => ({ ...document, rooms: documentRooms(document.id) })

/** The document routes. */
export function documentRoutes(services: Services): Router {
  const router = Router()
  const auth = requireAccount(services)
  const secretariat = requireRight(managesRecord, 'the secretariat')

  router.get('/documents', auth, (req, res) => {
    const query = validate(listQuery, req.query, 'query', res)
    if (!query) return
    if (query.archived === 'true') {
      if (!managesRecord(accountOf(res).role))
        return sendError(res, 403, `forbidden for role ${accountOf(res).role}`, [
          { field: 'query.archived', message: 'only the secretariat lists archived documents' },
        ])
      return res.json(services.documents.listArchived().map(listed))
    }
    res.json(services.documents.list().map(listed))
  })

  // The request, its digest checked against the one the preview gave when it names one.
  const request = async (
    req: Parameters<typeof readDocumentRequest>[1],
    res: Parameters<typeof readDocumentRequest>[2],
  ) => {
    const query = validate(digestQuery, req.query, 'query', res)
    if (!query) return undefined
    const asked = await readDocumentRequest(services, req, res)
    if (asked && query.digest !== undefined && query.digest !== asked.digest) {
      sendError(res, 409, 'not the file previewed', [
        { field: 'query.digest', message: 'the file sent differs from the one previewed; preview it again' },
      ])
      return undefined
    }
    return asked
  }
  // Runs `work` (an import); an import the importer could not finish is answered, never a 500.
  const importing = async <T>(
    asked: DocumentRequest,
    res: Parameters<typeof readDocumentRequest>[2],
    work: () => Promise<T>,
  ): Promise<T | undefined> => {
    try {
      return await work()
    } catch (error) {
      if (!(error instanceof ImportRefused)) throw error
      if (error.reason === 'busy') {
        res.setHeader('Retry-After', '5')
        sendError(res, 503, 'the importer is busy', [{ field: asked.source, message: error.message }])
      } else sendError(res, 422, 'the text could not be imported', [{ field: asked.source, message: error.message }])
      return undefined
    }
  }

  router.post('/documents/preview', auth, secretariat, rawBodies(services), async (req, res) => {
    const asked = await request(req, res)
    if (!asked) return
    const result = await importing(asked, res, () =>
      prepareDocument(services, { ...asked.input, createdBy: accountOf(res).username }),
    )
    if (!result) return
    if (!result.ok)
      return sendError(res, 409, result.message, [{ field: `${asked.where}.${result.field}`, message: result.message }])
    const { prepared } = result
    res.json({
      id: prepared.id,
      title: asked.input.title,
      digest: asked.digest,
      summary: prepared.summary,
      diagnostics: prepared.diagnostics,
      guesses: prepared.guesses,
      import: prepared.counts ? { kind: 'docx', ...prepared.counts } : { kind: 'text' },
      characters: asked.input.text.length,
      lines: lineCount(asked.input.text),
    })
  })

  router.post('/documents', auth, secretariat, rawBodies(services), async (req, res) => {
    const asked = await request(req, res)
    if (!asked) return
    const created = await importing(asked, res, () =>
      createDocument(services, { ...asked.input, createdBy: accountOf(res).username }),
    )
    if (!created) return
    if (!created.ok)
      return sendError(res, 409, created.message, [
        { field: `${asked.where}.${created.field}`, message: created.message },
      ])
    res.status(201).json({
      document: listed(created.document),
      diagnostics: created.diagnostics,
      import: created.counts ? { kind: 'docx', ...created.counts } : { kind: 'text' },
    })
  })

  router.get('/documents/:id', auth, (req, res) => {
    const document = lookupDocument(services, req, res)
    if (!document) return
    const address = parseRoomName(document.id)!
    let summary: object | null = null
    let summaryError: string | undefined
    services.rooms.read(address, (doc) => {
      try {
        summary = documentSummary(doc)
      } catch (error) {
        summaryError = (error as Error).message
      }
    })
    const storage = services.updates.size(address.name)
    const connected = services.rooms.get(address.name)?.members.size ?? 0
    res.json({
      document: listed(document),
      header: services.documents.header(document.id),
      summary,
      ...(summaryError ? { summaryError } : {}),
      storage,
      connected,
    })
  })

  router.get('/documents/:id/text', auth, (req, res) => {
    const document = lookupDocument(services, req, res)
    if (!document) return
    try {
      const text = services.rooms.read(parseRoomName(document.id)!, (doc) => documentText(doc))
      res.type('text/plain; charset=utf-8').send(text)
    } catch (error) {
      sendError(res, 422, 'document cannot be serialized', [{ field: 'params.id', message: (error as Error).message }])
    }
  })

  return router
}

// Lines of a text, counted without making an array of them.
function lineCount(text: string): number {
  let n = 1
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n++
  return n
}
