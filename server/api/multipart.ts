/**
 * `multipart/form-data` (RFC 7578) for the document upload: a browser form
 * with a file and a few text fields. The body is already in memory (under the
 * API's body limit), so the parts are found by searching for the boundary —
 * no streaming parser is needed for one file. Anything that does not follow
 * the format is a `BadRequest` saying what is wrong.
 */
import { BadRequest } from '../bad-request.ts'

/** One part of the form: its field name, the file name for a file, its type and bytes. */
export interface FormPart {
  name: string
  filename?: string
  contentType?: string
  data: Buffer
}

const MAX_PARTS = 20
const MAX_HEADER_BYTES = 8 * 1024

/** The parts of `body` sent with content type `contentType`. */
export function parseMultipart(body: Buffer, contentType: string): FormPart[] {
  const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  const b = boundary?.[1] ?? boundary?.[2]
  if (!b || b.length > 70)
    throw new BadRequest(
      'multipart body without a valid boundary',
      'send multipart/form-data with a boundary parameter, as a browser form does',
    )
  const delimiter = Buffer.from(`--${b}`)
  const parts: FormPart[] = []
  let at = body.indexOf(delimiter)
  if (at < 0)
    throw new BadRequest(
      'multipart body without its boundary',
      'the body does not contain the boundary its content type names',
    )
  for (;;) {
    at += delimiter.length
    if (body[at] === 0x2d && body[at + 1] === 0x2d) return parts // the closing delimiter
    if (body[at] !== 0x0d || body[at + 1] !== 0x0a) throw malformed('a boundary line does not end with CRLF')
    const headersEnd = body.indexOf('\r\n\r\n', at + 2)
    if (headersEnd < 0 || headersEnd - at > MAX_HEADER_BYTES) throw malformed('a part has no end to its headers')
    const headers = parseHeaders(body.subarray(at + 2, headersEnd).toString('utf8'))
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headersEnd + 4)
    if (next < 0) throw malformed('the body ends inside a part (no closing boundary)')
    const disposition = headers.get('content-disposition') ?? ''
    if (!/^form-data\b/i.test(disposition)) throw malformed('a part is not form-data')
    const name = parameter(disposition, 'name')
    if (name === undefined) throw malformed('a part has no field name')
    const filename = parameter(disposition, 'filename')
    parts.push({
      name,
      ...(filename !== undefined ? { filename } : {}),
      ...(headers.has('content-type') ? { contentType: headers.get('content-type') } : {}),
      data: body.subarray(headersEnd + 4, next),
    })
    if (parts.length > MAX_PARTS) throw malformed(`more than ${MAX_PARTS} parts`)
    at = next + 2
  }
}

function malformed(what: string): BadRequest {
  return new BadRequest(
    `malformed multipart body: ${what}`,
    'send the file as a browser form does (multipart/form-data, a "file" part)',
  )
}

function parseHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>()
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  return headers
}

// `name="value"` (quotes optional); `filename*=UTF-8''…` (RFC 5987) wins over `filename` when present.
function parameter(header: string, key: string): string | undefined {
  const extended = new RegExp(`;\\s*${key}\\*\\s*=\\s*UTF-8''([^;]+)`, 'i').exec(header)
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim())
    } catch {
      // fall back to the plain parameter
    }
  }
  const m = new RegExp(`;\\s*${key}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]+))`, 'i').exec(header)
  return m ? (m[1]?.replace(/\\(.)/g, '$1') ?? m[2]) : undefined
}
