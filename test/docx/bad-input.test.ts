// Files that are not a readable text or Word document: each gets a message saying what it is and what to do.
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { SourceFileError } from '../../shared/source-file/error.ts'
import { readSourceFile } from '../../shared/source-file/read.ts'
import { docx, p, r } from './docx-builder.ts'

/** An OLE2 compound file (Word 97 and encrypted Office files) whose directory holds `streams`. */
function compoundFile(...streams: string[]): Uint8Array {
  const bytes = new Uint8Array(512 * 3)
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
  streams.forEach((name, i) => {
    const entry = 512 + i * 128
    for (let k = 0; k < name.length; k++) bytes[entry + 2 * k] = name.charCodeAt(k)
    bytes[entry + 64] = (name.length + 1) * 2
    bytes[entry + 66] = 2 // stream
  })
  return bytes
}

async function refusalOf(bytes: Uint8Array, name = 'upload.docx'): Promise<SourceFileError> {
  try {
    await readSourceFile(bytes, name)
  } catch (e) {
    if (e instanceof SourceFileError) return e
    throw e
  }
  throw new Error('the file was read')
}

const utf8 = (s: string) => new TextEncoder().encode(s)

describe('files that are not read', () => {
  it('a Word 97–2003 .doc: save it as .docx', async () => {
    const e = await refusalOf(compoundFile('Root Entry', 'WordDocument', '1Table'), 'draft.doc')
    expect([e.problem, e.message]).toEqual([
      'unsupported',
      'draft.doc is a Word 97–2003 document (.doc), which Accord does not read; open it in Word and save it as .docx (File › Save As › Word Document), then try again',
    ])
  })

  it('an encrypted .docx: remove the password', async () => {
    const e = await refusalOf(compoundFile('Root Entry', 'EncryptionInfo', 'EncryptedPackage'))
    expect(e.problem).toBe('unsupported')
    expect(e.message).toMatch(/^upload\.docx is protected by a password .*remove the password/)
  })

  it('a ZIP that is not a Word document, and an Excel workbook', async () => {
    const zip = new JSZip()
    zip.file('notes.txt', 'hello')
    const e = await refusalOf(await zip.generateAsync({ type: 'uint8array' }), 'archive.zip')
    expect([e.problem, e.message]).toEqual([
      'unreadable',
      'archive.zip is a ZIP archive, not a Word document: it has no word/document.xml; give a Word (.docx) document or a plain-text file',
    ])
    const xlsx = new JSZip()
    xlsx.file('[Content_Types].xml', '<Types/>')
    xlsx.file('xl/workbook.xml', '<workbook/>')
    expect((await refusalOf(await xlsx.generateAsync({ type: 'uint8array' }), 'table.xlsx')).message).toMatch(
      /^table\.xlsx is an Excel workbook \(\.xlsx\), not a Word document/,
    )
  })

  it('a .docx without word/document.xml, and one whose XML is broken', async () => {
    const zip = await JSZip.loadAsync(await docx(p(r('text'))))
    zip.remove('word/document.xml')
    const missing = await refusalOf(await zip.generateAsync({ type: 'uint8array' }))
    expect(missing.message).toBe(
      'upload.docx is an Office package without its main document (word/document.xml is missing); the file is damaged or not a Word document; save it again from Word as .docx',
    )
    zip.file(
      'word/document.xml',
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p></w:body></w:document>',
    )
    const broken = await refusalOf(await zip.generateAsync({ type: 'uint8array' }))
    expect(broken.message).toMatch(
      /the part word\/document\.xml is not well-formed XML: <\/w:body> closes <w:p> at character \d+/,
    )
    zip.file('word/document.xml', '<!DOCTYPE x [<!ENTITY a "aaaa">]><w:document/>')
    expect((await refusalOf(await zip.generateAsync({ type: 'uint8array' }))).message).toMatch(
      /DOCTYPE and other declarations are not allowed/,
    )
  })

  it('an image, a PDF, an RTF file', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    expect((await refusalOf(png, 'scan.png')).message).toBe(
      'scan.png is a PNG image, not a text; Accord imports plain text and Word (.docx) documents; give the text itself',
    )
    const pdf = await refusalOf(utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'draft.pdf')
    expect([pdf.problem, pdf.message]).toEqual([
      'unsupported',
      'draft.pdf: PDF import is not supported; export the text (pdftotext, or open the original in Word and save it as .docx or plain text) and give that',
    ])
    expect((await refusalOf(utf8('{\\rtf1\\ansi hello}'), 'draft.rtf')).message).toMatch(
      /is an RTF document; open it in Word and save it as \.docx/,
    )
  })

  it('binary content, invalid UTF-8 with its byte offset, empty and white-space-only texts', async () => {
    expect((await refusalOf(new Uint8Array([0x41, 0x00, 0x42]), 'a.txt')).message).toMatch(
      /^a\.txt is not a text file \(NUL byte at offset 1\)/,
    )
    const latin1 = await refusalOf(new Uint8Array([...utf8('Option 1: caf'), 0xe9, 0x20, 0x41]), 'latin1.txt')
    expect([latin1.problem, latin1.offset]).toEqual(['unreadable', 13])
    expect(latin1.message).toBe(
      'latin1.txt is not UTF-8 text: byte 0xe9 is not valid UTF-8 (byte offset 13); save it as UTF-8 plain text (or as .docx) and try again',
    )
    // An overlong encoding and a lone continuation byte are refused too.
    expect((await refusalOf(new Uint8Array([0x61, 0xc0, 0xaf]), 'x.txt')).offset).toBe(1)
    expect((await refusalOf(new Uint8Array([0x61, 0x62, 0x80]), 'x.txt')).offset).toBe(2)
    expect((await refusalOf(new Uint8Array([]), 'e.txt')).problem).toBe('empty')
    expect((await refusalOf(utf8(' \n\t\n  '), 'blank.txt')).message).toBe(
      'blank.txt holds no text (only white space); give the negotiation text itself',
    )
    expect((await refusalOf(await docx(p(r('   '))), 'blank.docx')).problem).toBe('empty')
  })
})

describe('texts in other encodings', () => {
  it('decodes UTF-16 with a byte-order mark (Word\'s "Unicode text"), little- and big-endian', async () => {
    const text = 'Option 1: the Parties [shall][should] — Türkiye, Côte d’Ivoire 😀'
    const units = (s: string) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i))
    const le16 = new Uint8Array([0xff, 0xfe, ...units(text).flatMap((u) => [u & 0xff, u >> 8])])
    const be16 = new Uint8Array([0xfe, 0xff, ...units(text).flatMap((u) => [u >> 8, u & 0xff])])
    for (const bytes of [le16, be16]) expect(await readSourceFile(bytes, 'u.txt')).toEqual({ kind: 'text', text })
    const lone = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42, 0x00])
    expect((await refusalOf(lone, 'u.txt')).message).toMatch(
      /not valid UTF-16: an unpaired surrogate \(byte offset 4\)/,
    )
  })

  it('reads a Word document however it is named', async () => {
    const file = await readSourceFile(await docx(p(r('The Parties [shall][should] act.'))), 'upload.txt')
    expect(file.kind).toBe('docx')
    expect(file.text).toBe('The Parties [shall][should] act.')
  })
})
