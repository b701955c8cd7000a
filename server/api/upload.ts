/**
 * A document upload: a plain-text body (`text/plain`), a Word document (its MIME
 * type, or `application/octet-stream`), or a browser form (`multipart/form-data`
 * with a file and optional `title` and `id` fields). The bytes decide what a file
 * is, not its label: a Word document or any other binary sent as `text/plain` is
 * refused, as is every kind other than text and .docx (415), a damaged file (422)
 * and an empty one (400) — all before anything is stored.
 */
import { createHash } from 'node:crypto'
import type { Request, Response } from 'express'
import { SourceFileError } from '../../shared/source-file/error.ts'
import { sniffFileKind } from '../../shared/source-file/kind.ts'
import { readSourceFile, type SourceFile } from '../../shared/source-file/read.ts'
import { parseMultipart } from './multipart.ts'
import { sendError } from './responses.ts'

/** The MIME type of a Word document. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const RAW_TYPES = new Set(['text/plain', DOCX_MIME, 'application/octet-stream'])
const STATUS = { unsupported: 415, unreadable: 422, empty: 400 } as const

/** The file read from an upload, and its title and id fields with where they came from. */
export interface Upload {
  file: SourceFile
  /** The SHA-256 of the file's bytes (base64url): a preview and the creation that follows name the same file. */
  digest: string
  fields: { title?: unknown; id?: unknown }
  fieldsFrom: 'query' | 'form'
}

/** The digest an upload is known by. */
export function uploadDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url')
}

/** Read the upload in `req.body` (bytes); on refusal answers and returns undefined. */
export async function readUpload(req: Request, res: Response): Promise<Upload | undefined> {
  const header = req.headers['content-type'] ?? ''
  const type = header.split(';')[0].trim().toLowerCase()
  const body = req.body as Buffer
  let bytes: Buffer
  let name: string
  let field: string
  let fields: Upload['fields'] = { title: req.query.title, id: req.query.id }
  let fieldsFrom: Upload['fieldsFrom'] = 'query'
  if (type === 'multipart/form-data') {
    const parts = parseMultipart(body, header)
    const file = parts.find((p) => p.filename !== undefined) ?? parts.find((p) => p.name === 'file')
    if (!file) {
      sendError(res, 400, 'no file in the form', [
        { field: 'form.file', message: 'add the text or .docx as a file field' },
      ])
      return undefined
    }
    const text = (n: string) => parts.find((p) => p.name === n && p.filename === undefined)?.data.toString('utf8')
    name = file.filename || 'the uploaded file'
    field = 'form.file'
    fields = {
      title: text('title') ?? fields.title ?? (file.filename ? file.filename.replace(/\.[^.]*$/, '') : undefined),
      id: text('id') ?? fields.id,
    }
    fieldsFrom = 'form'
    bytes = file.data
  } else if (RAW_TYPES.has(type)) {
    bytes = body
    name = 'the uploaded body'
    field = 'body'
  } else {
    sendError(res, 415, 'unsupported media type', [
      {
        field: 'headers.content-type',
        message: `${type || 'no content type'}: send text/plain, a Word document (${DOCX_MIME}) or multipart/form-data with the file`,
      },
    ])
    return undefined
  }
  if (bytes.length === 0) {
    sendError(res, 400, 'empty upload', [{ field, message: 'the non-paper text is empty' }])
    return undefined
  }
  const guess = sniffFileKind(bytes)
  if (type === 'text/plain' && guess.kind !== 'text') {
    sendError(res, 415, 'the body is not text', [
      {
        field,
        message: `the body sent as text/plain is ${guess.kind === 'docx' ? 'a Word document (.docx)' : `binary (${guess.format}${guess.offset === undefined ? '' : ` at offset ${guess.offset}`})`}; send a Word document with Content-Type ${DOCX_MIME} or as a file in multipart/form-data, and text as UTF-8`,
      },
    ])
    return undefined
  }
  try {
    return {
      file: await readSourceFile(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), name),
      digest: uploadDigest(bytes),
      fields,
      fieldsFrom,
    }
  } catch (e) {
    if (!(e instanceof SourceFileError)) throw e
    sendError(
      res,
      STATUS[e.problem],
      e.problem === 'unsupported' ? 'unsupported file' : e.problem === 'empty' ? 'empty upload' : 'unreadable file',
      [{ field, message: e.message }],
    )
    return undefined
  }
}
