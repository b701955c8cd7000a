/**
 * Documents: list, create (from a template, or an uploaded plain text or Word document,
 * through the importer), summary and plain-text export.
 */
import express, { Router } from 'express'
import { z } from 'zod'
import { createDocument } from '../documents/creation.ts'
import { readUpload } from './upload.ts'
import {
  documentSummary,
  documentText,
  loadTemplate,
  templateExists,
  templateNames,
  type TemplateText,
} from '../documents/template.ts'
import type { DocxReading } from '../../shared/docx/index.ts'
import type { Services } from '../services.ts'
import type { DocumentRecord } from '../store/documents.ts'
import { documentIdPattern, parseRoomName, roomName } from '../../shared/document/rooms.ts'
import { accountOf, requireAccount, requireRight } from './authenticate.ts'
import { managesRecord } from '../../shared/document/roles.ts'
import { lookupDocument } from './document-lookup.ts'
import { sendError, validate } from './responses.ts'

const newDocument = z
  .object({
    id: z.string().regex(documentIdPattern, 'letters, digits, . _ ~ - (up to 80)').optional(),
    title: z.string().trim().min(1).max(200),
    template: z.enum(templateNames).optional(),
    text: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if ((value.template === undefined) === (value.text === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'give exactly one of "template" or "text"' })
    }
  })

const uploadQuery = z.object({
  title: z.string().trim().min(1).max(200),
  id: z.string().regex(documentIdPattern, 'letters, digits, . _ ~ - (up to 80)').optional(),
})

/** How a document is listed: its entry plus the sync rooms a client connects to. */
const listed = (document: DocumentRecord) => ({
  ...document,
  rooms: { text: roomName(document.id, 'text'), proposals: roomName(document.id, 'proposals') },
})

/** The document routes. */
export function documentRoutes(services: Services): Router {
  const router = Router()
  const auth = requireAccount(services)

  router.get('/documents', auth, (_req, res) => {
    res.json(services.documents.list().map(listed))
  })

  router.post(
    '/documents',
    auth,
    requireRight(managesRecord, 'the secretariat'),
    // JSON is parsed by the API router; every other body arrives as bytes and is judged by its content.
    express.raw({
      type: (req) => !/^application\/json\b/i.test(req.headers['content-type'] ?? ''),
      limit: services.options.limits.maxBodyBytes,
    }),
    async (req, res) => {
      let input: { id?: string; title: string; text: string } & Partial<
        Pick<TemplateText, 'annotations' | 'bindings'>
      > & {
          docx?: DocxReading
        }
      let where = 'body'
      if (Buffer.isBuffer(req.body)) {
        // An upload: plain text, a .docx, or a form with a file; title (and id) in the query or the form.
        const upload = await readUpload(req, res)
        if (!upload) return
        where = upload.fieldsFrom
        const fields = validate(uploadQuery, upload.fields, where, res)
        if (!fields) return
        input = {
          ...fields,
          text: upload.file.text,
          ...(upload.file.kind === 'docx' ? { docx: upload.file.reading } : {}),
        }
      } else {
        const body = validate(newDocument, req.body ?? {}, 'body', res)
        if (!body) return
        if (body.template !== undefined) {
          if (!templateExists(services.options.templatesDir, body.template)) {
            return sendError(res, 422, 'template not installed', [
              { field: 'body.template', message: `no text for "${body.template}"` },
            ])
          }
          input = { id: body.id, title: body.title, ...loadTemplate(services.options.templatesDir, body.template) }
        } else {
          input = { id: body.id, title: body.title, text: body.text! }
        }
      }
      const created = createDocument(services, { ...input, createdBy: accountOf(res).username })
      if (!created.ok)
        return sendError(res, 409, created.message, [{ field: `${where}.${created.field}`, message: created.message }])
      res.status(201).json({
        document: listed(created.document),
        diagnostics: created.diagnostics,
        import: created.counts ? { kind: 'docx', ...created.counts } : { kind: 'text' },
      })
    },
  )

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
    res.json({ document: listed(document), summary, ...(summaryError ? { summaryError } : {}), storage, connected })
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
