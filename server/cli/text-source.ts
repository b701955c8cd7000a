/**
 * Reads a negotiation text for the CLI: a plain-text file, or a template folder
 * (`text.txt` with its `annotations.json`). A file that cannot be read or is not
 * text is a usage error with a one-line message, never a crash.
 */
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { readAnnotations, type Annotation } from '../../shared/import/index.ts'

/** A text and the annotations that go with it. */
export interface TextSource {
  text: string
  annotations: Annotation[]
}

/** Why a text could not be read: one line, for stderr. */
export class TextSourceError extends Error {}

/** Read `path` (file or template folder), with `annotationsPath` if given. */
export function readTextSource(path: string, annotationsPath?: string): TextSource {
  let file = path
  let stat
  try {
    stat = statSync(path)
  } catch {
    throw new TextSourceError(`cannot read ${path}: no such file or folder`)
  }
  if (stat.isDirectory()) {
    file = join(path, 'text.txt')
    annotationsPath ??= existing(join(path, 'annotations.json'))
  }
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch (e) {
    throw new TextSourceError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
  }
  const text = decodeText(bytes, file)
  let annotations: Annotation[] = []
  if (annotationsPath) {
    try {
      annotations = readAnnotations(JSON.parse(readFileSync(annotationsPath, 'utf8')))
    } catch (e) {
      throw new TextSourceError(`${annotationsPath}: ${(e as Error).message}`)
    }
  }
  return { text, annotations }
}

/** Decode UTF-8 text; binary content (NUL bytes, invalid UTF-8) is refused with its offset. */
export function decodeText(bytes: Uint8Array, name: string): string {
  const nul = bytes.indexOf(0)
  if (nul >= 0)
    throw new TextSourceError(`${name} is not a text file (NUL byte at offset ${nul}); give a UTF-8 plain-text file`)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new TextSourceError(`${name} is not UTF-8 text; save it as UTF-8 plain text and try again`)
  }
}

function existing(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? path : undefined
  } catch {
    return undefined
  }
}
