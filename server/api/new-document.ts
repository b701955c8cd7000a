/**
 * What a request to create (or preview) a document gives: a template, a text in JSON, or
 * an upload (plain text, a Word document, or a browser form with the file). Every door
 * is validated the same way — a text with nothing but white space is refused, whichever
 * way it came — and every answer names the field at fault. The digest of what was given
 * lets a creation insist on the very file its preview showed (`?digest=`).
 */
import express, { type Request, type Response } from 'express'
import { z } from 'zod'
import type { DocxReading } from '../../shared/docx/index.ts'
import { documentIdPattern } from '../../shared/document/rooms.ts'
import { loadTemplate, templateExists, templateNames, type TemplateText } from '../documents/template.ts'
import type { NewDocument } from '../documents/creation.ts'
import type { Services } from '../services.ts'
import { sendError, validate } from './responses.ts'
import { readUpload, uploadDigest } from './upload.ts'

const documentId = z.string().regex(documentIdPattern, 'letters, digits, . _ ~ - (up to 80)')

/** A text that holds something besides white space. */
const nonEmptyText = z
  .string()
  .min(1, 'the text is empty: give the negotiation text itself')
  .refine((t) => /\S/.test(t), 'the text holds only white space: give the negotiation text itself')

const newDocument = z
  .object({
    id: documentId.optional(),
    title: z.string().trim().min(1).max(200),
    template: z.enum(templateNames).optional(),
    text: nonEmptyText.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if ((value.template === undefined) === (value.text === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'give exactly one of "template" or "text"' })
    }
  })

const uploadFields = z.object({
  title: z.string().trim().min(1).max(200),
  id: documentId.optional(),
})

/** A document to create, where its fields came from, and the digest of what was given. */
export interface DocumentRequest {
  input: Omit<NewDocument, 'createdBy'> &
    Partial<Pick<TemplateText, 'annotations' | 'bindings'>> & { docx?: DocxReading }
  /** `body`, `query` or `form`: where error fields point. */
  where: string
  /** The field the text came from (`body.text`, `body`, `form.file`, `body.template`): where an import's refusal points. */
  source: string
  digest: string
}

/** Middleware: every body that is not JSON arrives as bytes, judged by its content. */
export function rawBodies(services: Services) {
  return express.raw({
    type: (req) => !/^application\/json\b/i.test(req.headers['content-type'] ?? ''),
    limit: services.options.limits.maxBodyBytes,
  })
}

/** The document a request asks for; on refusal answers and returns undefined. */
export async function readDocumentRequest(
  services: Services,
  req: Request,
  res: Response,
): Promise<DocumentRequest | undefined> {
  if (Buffer.isBuffer(req.body)) {
    // An upload: plain text, a .docx, or a form with a file; title (and id) in the query or the form.
    const upload = await readUpload(req, res)
    if (!upload) return undefined
    const fields = validate(uploadFields, upload.fields, upload.fieldsFrom, res)
    if (!fields) return undefined
    return {
      input: {
        ...fields,
        text: upload.file.text,
        ...(upload.file.kind === 'docx' ? { docx: upload.file.reading } : {}),
      },
      where: upload.fieldsFrom,
      source: upload.fieldsFrom === 'form' ? 'form.file' : 'body',
      digest: upload.digest,
    }
  }
  const body = validate(newDocument, req.body ?? {}, 'body', res)
  if (!body) return undefined
  if (body.template !== undefined) {
    if (!templateExists(services.options.templatesDir, body.template)) {
      sendError(res, 422, 'template not installed', [
        { field: 'body.template', message: `no text for "${body.template}"` },
      ])
      return undefined
    }
    const template = loadTemplate(services.options.templatesDir, body.template)
    return {
      input: { id: body.id, title: body.title, ...template },
      where: 'body',
      source: 'body.template',
      digest: uploadDigest(new TextEncoder().encode(template.text)),
    }
  }
  return {
    input: { id: body.id, title: body.title, text: body.text! },
    where: 'body',
    source: 'body.text',
    digest: uploadDigest(Buffer.from(body.text!)),
  }
}
