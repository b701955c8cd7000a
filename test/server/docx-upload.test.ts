// Uploading Word documents and refusing everything else, against the real server.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import JSZip from 'jszip'
import { readDocx } from '../../shared/docx/index.ts'
import { cma6Docx, cma6ImportCounts } from '../corpus.ts'
import { del, docx, ins, p, r } from '../docx/docx-builder.ts'
import { connectProvider, testServerSuite } from './server-fixture.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { proposalsRoom } from '../../shared/document/proposals-room.ts'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const t = testServerSuite()

async function post(route: string, type: string | undefined, body: Uint8Array | string) {
  const headers: Record<string, string> = { authorization: `Bearer ${t.secretariatToken}` }
  if (type) headers['content-type'] = type
  const res = await fetch(t.url + route, { method: 'POST', headers, body: body as BodyInit })
  return { status: res.status, body: await res.json() }
}

function form(
  fields: Record<string, string>,
  file: { name: string; type: string; bytes: Uint8Array },
): { type: string; body: Uint8Array } {
  const boundary = '----accord-test-boundary'
  const chunks: Buffer[] = []
  for (const [k, v] of Object.entries(fields))
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  chunks.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
  )
  chunks.push(Buffer.from(file.bytes), Buffer.from(`\r\n--${boundary}--\r\n`))
  return { type: `multipart/form-data; boundary=${boundary}`, body: new Uint8Array(Buffer.concat(chunks)) }
}

const documentCount = async () => (await t.api('GET', '/api/documents', t.secretariatToken)).body.length

describe('uploading a Word document', () => {
  it('imports the corpus working file as a form upload: text, pending changes and comments in their rooms', async () => {
    const bytes = new Uint8Array(readFileSync(cma6Docx))
    const upload = form({ title: 'CMA 6 Article 6.2 inputs', id: 'cma6-62' }, { name: 'cma6.docx', type: DOCX, bytes })
    const res = await post('/api/documents', upload.type, upload.body)
    expect(res.status).toBe(201)
    expect(res.body.document).toMatchObject({ id: 'cma6-62', title: 'CMA 6 Article 6.2 inputs' })
    expect(res.body.import).toEqual({ kind: 'docx', ...cma6ImportCounts })
    const text = await fetch(t.url + '/api/documents/cma6-62/text', {
      headers: { authorization: `Bearer ${t.secretariatToken}` },
    })
    expect(await text.text()).toBe((await readDocx(bytes)).text)
    const observer = await t.account('observer')
    const proposals = await connectProvider(t.syncUrl, 'cma6-62/proposals', observer)
    const textSide = await connectProvider(t.syncUrl, 'cma6-62', observer)
    expect(proposalsRoom(proposals.doc).comments.size).toBe(95)
    expect(proposalsRoom(proposals.doc).comments.get('word-3')).toMatchObject({
      for: { kind: 'party', name: 'Norway' },
      recordedBy: 'Barbara Ratusznik',
      by: 'secretariat',
    })
    expect(textRoom(textSide.doc).pendingChanges.size).toBe(91)
    proposals.provider.destroy()
    textSide.provider.destroy()
  })

  it('takes a .docx body with its MIME type, titled in the query', async () => {
    const bytes = await docx(p(r('The Parties '), del(1, 'Ana', 'shall'), ins(2, 'Ben', r('should')), r(' act.')))
    const res = await post('/api/documents?title=Small%20Word', DOCX, bytes)
    expect(res.status).toBe(201)
    expect(res.body.import).toMatchObject({ kind: 'docx', insertions: 1, deletions: 1, comments: 0 })
    const octet = await post('/api/documents?title=Octets', 'application/octet-stream', bytes)
    expect([octet.status, octet.body.document.id]).toEqual([201, 'octets'])
  })

  it('decodes a UTF-16 text with its byte-order mark', async () => {
    const text = 'Option 1: The Parties [shall][should] act.\n'
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...Array.from(text, (c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]).flat(),
    ])
    const res = await post('/api/documents?title=Unicode%20text', 'text/plain', utf16)
    expect(res.status).toBe(201)
    const back = await fetch(t.url + '/api/documents/unicode-text/text', {
      headers: { authorization: `Bearer ${t.secretariatToken}` },
    })
    expect(await back.text()).toBe(text)
  })
})

describe('refusing what is not a text or a Word document, before anything is stored', () => {
  it('a .docx body sent as text/plain, and other binary in a text body', async () => {
    const before = await documentCount()
    const asText = await post('/api/documents?title=Garbage', 'text/plain', await docx(p(r('text'))))
    expect(asText.status).toBe(415)
    expect(asText.body.details[0].message).toMatch(
      /^the body sent as text\/plain is a Word document \(\.docx\); send a Word document with Content-Type/,
    )
    const nul = await post('/api/documents?title=Garbage', 'text/plain', new Uint8Array([0x41, 0x00, 0x42]))
    expect([nul.status, nul.body.details[0].message]).toEqual([
      415,
      expect.stringMatching(/binary \(NUL byte at offset 1\)/),
    ])
    expect(await documentCount()).toBe(before)
  })

  it('images, PDFs and Word 97 files, whatever they are labelled', async () => {
    const before = await documentCount()
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    expect((await post('/api/documents?title=x', 'image/png', png)).status).toBe(415)
    const pdf = form(
      { title: 'x' },
      { name: 'draft.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.7\n1 0 obj') },
    )
    const refusedPdf = await post('/api/documents', pdf.type, pdf.body)
    expect([refusedPdf.status, refusedPdf.body.details]).toEqual([
      415,
      [
        {
          field: 'form.file',
          message: expect.stringMatching(/^draft\.pdf: PDF import is not supported; export the text/),
        },
      ],
    ])
    const word97 = new Uint8Array(1024)
    word97.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    word97.set(Array.from('WordDocument', (c) => [c.charCodeAt(0), 0]).flat(), 512)
    const doc = await post('/api/documents?title=x', DOCX, word97)
    expect([doc.status, doc.body.details[0].message]).toEqual([
      415,
      expect.stringMatching(/Word 97–2003 document \(\.doc\).*save it as \.docx/),
    ])
    expect(await documentCount()).toBe(before)
  })

  it('damaged packages, invalid UTF-8, empty bodies and malformed forms', async () => {
    const before = await documentCount()
    const zip = new JSZip()
    zip.file('notes.txt', 'hello')
    expect((await post('/api/documents?title=x', DOCX, await zip.generateAsync({ type: 'uint8array' }))).status).toBe(
      422,
    )
    const latin1 = await post('/api/documents?title=x', 'text/plain', new Uint8Array([0x63, 0x61, 0x66, 0xe9]))
    expect([latin1.status, latin1.body.details[0].message]).toEqual([
      422,
      expect.stringMatching(/not UTF-8 text: byte 0xe9 is not valid UTF-8 \(byte offset 3\)/),
    ])
    expect((await post('/api/documents?title=x', 'text/plain', '  \n\n ')).status).toBe(400)
    expect((await post('/api/documents?title=x', 'text/plain', '')).status).toBe(400)
    const broken = await post(
      '/api/documents',
      'multipart/form-data; boundary=xyz',
      '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.docx"\r\n\r\nabc',
    )
    expect([broken.status, broken.body.error]).toEqual([
      400,
      'malformed multipart body: the body ends inside a part (no closing boundary)',
    ])
    expect((await post('/api/documents', 'multipart/form-data', '--x')).status).toBe(400)
    expect(await documentCount()).toBe(before)
  })
})
