/**
 * Bytes → text for a plain-text negotiation text: UTF-8 (with or without a
 * byte-order mark) and UTF-16 with its BOM, which is what Word's "Unicode
 * text" and Windows Notepad's "Unicode" write. Anything else is refused with
 * the byte offset where decoding failed, never decoded into replacement
 * characters: a text must not be silently altered.
 */
import { SourceFileError } from './error.ts'

/** Decode `bytes` (named `name` in messages). */
export function decodeTextBytes(bytes: Uint8Array, name: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, name, 'utf-16le')
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, name, 'utf-16be')
  const nul = bytes.indexOf(0)
  if (nul >= 0)
    throw new SourceFileError(
      'unsupported',
      `${name} is not a text file (NUL byte at offset ${nul})`,
      'give a UTF-8 plain-text file or a Word (.docx) document',
    )
  // The native strict decoder reads valid UTF-8 in milliseconds; the byte-by-byte search
  // (hundreds of ms for 10 MB) only runs to say where a refused text goes wrong.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {}
  const bad = invalidUtf8Offset(bytes)
  if (bad >= 0)
    throw new SourceFileError(
      'unreadable',
      `${name} is not UTF-8 text: byte 0x${bytes[bad].toString(16).padStart(2, '0')} is not valid UTF-8`,
      'save it as UTF-8 plain text (or as .docx) and try again',
      bad,
    )
  return new TextDecoder('utf-8').decode(bytes)
}

function decodeUtf16(bytes: Uint8Array, name: string, encoding: 'utf-16le' | 'utf-16be'): string {
  if (bytes.length % 2)
    throw new SourceFileError(
      'unreadable',
      `${name} starts with a UTF-16 byte-order mark but has an odd number of bytes`,
      'the file is cut short; save it again',
      bytes.length - 1,
    )
  const big = encoding === 'utf-16be'
  for (let i = 2; i < bytes.length; i += 2) {
    const unit = big ? (bytes[i] << 8) | bytes[i + 1] : bytes[i] | (bytes[i + 1] << 8)
    if (unit === 0)
      throw new SourceFileError(
        'unsupported',
        `${name} is not a text file (NUL character at byte offset ${i})`,
        'give a plain-text file or a Word (.docx) document',
      )
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next =
        i + 2 < bytes.length ? (big ? (bytes[i + 2] << 8) | bytes[i + 3] : bytes[i + 2] | (bytes[i + 3] << 8)) : 0
      if (next < 0xdc00 || next > 0xdfff) throw unpaired(name, i)
      i += 2
    } else if (unit >= 0xdc00 && unit <= 0xdfff) throw unpaired(name, i)
  }
  return new TextDecoder(encoding).decode(bytes)
}

function unpaired(name: string, offset: number): SourceFileError {
  return new SourceFileError(
    'unreadable',
    `${name} is not valid UTF-16: an unpaired surrogate`,
    'save it again as Unicode text or UTF-8',
    offset,
  )
}

/** Offset of the first byte that breaks UTF-8 (overlong forms and surrogates included), or -1. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  const n = bytes.length
  let i = 0
  while (i < n) {
    const b = bytes[i]
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    if (b >= 0xc2 && b <= 0xdf) ((need = 1), (min = 0x80))
    else if (b >= 0xe0 && b <= 0xef) ((need = 2), (min = 0x800))
    else if (b >= 0xf0 && b <= 0xf4) ((need = 3), (min = 0x10000))
    else return i
    let cp = b & (0x3f >> need)
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (c & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += need + 1
  }
  return -1
}
