/**
 * What a file is, judged from its bytes rather than its name or declared type:
 * users send Word 97 files named .docx, PDFs labelled text/plain, and Word
 * documents pasted as a text body. Only two kinds are read — plain text and
 * Word (.docx) — and every other kind gets a message that says what it is and
 * what to send instead.
 */

/** The kinds of file Accord recognises. */
export type FileKind =
  'text' | 'docx' | 'zip' | 'word-97' | 'encrypted-office' | 'ole2' | 'pdf' | 'image' | 'rtf' | 'binary' | 'empty'

/** The kind of `bytes`, with a short name of the format for messages (`PNG image`). */
export interface FileKindGuess {
  kind: FileKind
  format: string
  /** For binary content: the first byte that no text has (a NUL or another control byte). */
  offset?: number
}

const IMAGES: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG image'],
  [[0xff, 0xd8, 0xff], 'JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF image'],
  [[0x49, 0x49, 0x2a, 0x00], 'TIFF image'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'TIFF image'],
  [[0x42, 0x4d], 'BMP image'],
]
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const ZIP = [0x50, 0x4b, 0x03, 0x04]
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06]

/** Judge `bytes`. A ZIP is `docx` only when it names a Word main part; the package reader checks the rest. */
export function sniffFileKind(bytes: Uint8Array): FileKindGuess {
  if (bytes.length === 0) return { kind: 'empty', format: 'empty file' }
  if (startsWith(bytes, OLE2)) return sniffOle2(bytes)
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return sniffZip(bytes)
  if (startsWith(bytes, ascii('%PDF-'))) return { kind: 'pdf', format: 'PDF document' }
  if (startsWith(bytes, ascii('{\\rtf'))) return { kind: 'rtf', format: 'RTF document' }
  for (const [magic, format] of IMAGES) if (startsWith(bytes, magic)) return { kind: 'image', format }
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes.subarray(8), ascii('WEBP')))
    return { kind: 'image', format: 'WebP image' }
  const binary = binaryOffset(bytes)
  if (binary >= 0) return { kind: 'binary', format: bytes[binary] === 0 ? 'NUL byte' : 'control byte', offset: binary }
  return { kind: 'text', format: 'text' }
}

// An OLE2 compound file is a Word 97–2003 document, an encrypted OOXML package
// (Office wraps encrypted .docx files in OLE2) or some other Office file. The
// stream names sit in the directory as UTF-16LE strings.
function sniffOle2(bytes: Uint8Array): FileKindGuess {
  if (indexOfUtf16(bytes, 'EncryptedPackage') >= 0) return { kind: 'encrypted-office', format: 'encrypted Office file' }
  if (indexOfUtf16(bytes, 'WordDocument') >= 0) return { kind: 'word-97', format: 'Word 97–2003 document (.doc)' }
  if (indexOfUtf16(bytes, 'Workbook') >= 0) return { kind: 'ole2', format: 'Excel 97–2003 workbook (.xls)' }
  if (indexOfUtf16(bytes, 'PowerPoint Document') >= 0) return { kind: 'ole2', format: 'PowerPoint 97–2003 file (.ppt)' }
  return { kind: 'ole2', format: 'OLE2 compound file' }
}

// Local file headers carry the entry names in clear: a Word package has
// word/document.xml (or another main part its content types name).
function sniffZip(bytes: Uint8Array): FileKindGuess {
  const names = zipEntryNames(bytes)
  if (names.some((n) => /^word\/[^/]+\.xml$/.test(n) && /document/i.test(n)))
    return { kind: 'docx', format: 'Word document (.docx)' }
  if (names.includes('[Content_Types].xml') && names.some((n) => n.startsWith('word/')))
    return { kind: 'docx', format: 'Word document (.docx)' }
  if (names.some((n) => n.startsWith('xl/'))) return { kind: 'zip', format: 'Excel workbook (.xlsx)' }
  if (names.some((n) => n.startsWith('ppt/'))) return { kind: 'zip', format: 'PowerPoint presentation (.pptx)' }
  if (names.includes('mimetype') && indexOfAscii(bytes, 'application/vnd.oasis.opendocument.text') >= 0)
    return { kind: 'zip', format: 'OpenDocument text (.odt)' }
  return { kind: 'zip', format: 'ZIP archive' }
}

/**
 * Names of the entries of a ZIP, from its central directory (no decompression);
 * empty when the archive has none that can be read.
 */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const names: string[] = []
  const decoder = new TextDecoder()
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes (its comment is at most 64 KiB).
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 65_557); at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue
    const count = view.getUint16(at + 10, true)
    let entry = view.getUint32(at + 16, true)
    for (let i = 0; i < count && entry + 46 <= bytes.length; i++) {
      if (view.getUint32(entry, true) !== 0x02014b50) break
      const nameLength = view.getUint16(entry + 28, true)
      const extraLength = view.getUint16(entry + 30, true)
      const commentLength = view.getUint16(entry + 32, true)
      if (entry + 46 + nameLength > bytes.length) break
      names.push(decoder.decode(bytes.subarray(entry + 46, entry + 46 + nameLength)))
      entry += 46 + nameLength + extraLength + commentLength
    }
    break
  }
  return names
}

// Text may hold tabs, line and page breaks; a NUL, or many other control bytes
// in the first 64 KiB, mean binary (UTF-16 text is recognised by its BOM first).
// The offset is the first such byte, or -1 for text.
function binaryOffset(bytes: Uint8Array): number {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return -1
  const sample = bytes.subarray(0, 65536)
  let controls = 0
  let first = -1
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]
    if (b === 0) return i
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) {
      controls++
      if (first < 0) first = i
    }
  }
  return controls > sample.length / 100 ? first : -1
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false
  return true
}

function ascii(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0))
}

function indexOfAscii(bytes: Uint8Array, s: string): number {
  return indexOfBytes(bytes, ascii(s))
}

function indexOfUtf16(bytes: Uint8Array, s: string): number {
  return indexOfBytes(
    bytes,
    [...s].flatMap((c) => [c.charCodeAt(0), 0]),
  )
}

function indexOfBytes(bytes: Uint8Array, needle: number[]): number {
  const first = needle[0]
  for (let i = bytes.indexOf(first); i >= 0 && i + needle.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    let j = 1
    while (j < needle.length && bytes[i + j] === needle[j]) j++
    if (j === needle.length) return i
  }
  return -1
}
