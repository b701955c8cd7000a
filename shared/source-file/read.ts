/**
 * A file given as a negotiation text, whatever door it came through (the CLI,
 * an upload): its kind judged from its bytes, then read as plain text (UTF-8
 * or UTF-16 with a BOM) or as a Word document. Everything else, and a text
 * with nothing in it, is refused with a `SourceFileError`.
 */
import type { DocxReading } from '../docx/index.ts'
import { SourceFileError } from './error.ts'
import { sniffFileKind } from './kind.ts'
import { refusal } from './refusal.ts'
import { decodeTextBytes } from './text-decoding.ts'

/** A file read as a text, or as a Word document with everything Word knows about its text. */
export type SourceFile = { kind: 'text'; text: string } | { kind: 'docx'; text: string; reading: DocxReading }

/** Read `bytes` (named `name` in messages). */
export async function readSourceFile(bytes: Uint8Array, name: string): Promise<SourceFile> {
  const guess = sniffFileKind(bytes)
  const refused = refusal(guess, name)
  if (refused) throw refused
  if (guess.kind === 'docx' || guess.kind === 'zip') {
    // Loaded on first use: a plain text needs none of the Word reader.
    const { readDocx } = await import('../docx/index.ts')
    const reading = await readDocx(bytes, name)
    if (!/\S/.test(reading.text)) throw emptyText(name)
    return { kind: 'docx', text: reading.text, reading }
  }
  const text = decodeTextBytes(bytes, name)
  if (!/\S/.test(text)) throw emptyText(name)
  return { kind: 'text', text }
}

function emptyText(name: string): SourceFileError {
  return new SourceFileError('empty', `${name} holds no text (only white space)`, 'give the negotiation text itself')
}
