/**
 * Reads a negotiation text for the CLI: a plain-text file (UTF-8, or UTF-16
 * with a BOM), a Word document (.docx, read by `shared/docx`), or a template
 * folder (`text.txt` with its `annotations.json`). A file that cannot be read
 * or is of another kind is a usage error with a one-line message saying what
 * it is and what to give instead, never a crash.
 */
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { DocxReading } from '../../shared/docx/index.ts'
import { readAnnotations, type Annotation } from '../../shared/import/index.ts'
import { SourceFileError } from '../../shared/source-file/error.ts'
import { readSourceFile } from '../../shared/source-file/read.ts'

/** A text and the annotations that go with it; for a Word document, everything Word knows about it. */
export interface TextSource {
  text: string
  annotations: Annotation[]
  docx?: DocxReading
}

/** Why a text could not be read: one line, for stderr. */
export class TextSourceError extends Error {}

/** Read `path` (file or template folder), with `annotationsPath` if given. */
export async function readTextSource(path: string, annotationsPath?: string): Promise<TextSource> {
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
  let source
  try {
    source = await readSourceFile(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), file)
  } catch (e) {
    if (e instanceof SourceFileError) throw new TextSourceError(e.message)
    throw e
  }
  let annotations: Annotation[] = []
  if (annotationsPath) {
    try {
      annotations = readAnnotations(JSON.parse(readFileSync(annotationsPath, 'utf8')))
    } catch (e) {
      throw new TextSourceError(`${annotationsPath}: ${(e as Error).message}`)
    }
  }
  return { text: source.text, annotations, ...(source.kind === 'docx' ? { docx: source.reading } : {}) }
}

function existing(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? path : undefined
  } catch {
    return undefined
  }
}
