/**
 * The server's one door to the document layer: templates on disk, and the shared
 * functions that seed a Y.Doc from a plain-text non-paper and read it back. Everything
 * else in `server/` treats a document's content as opaque Yjs state.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import type * as Y from 'yjs'
import {
  negotiationDocText,
  readNegotiationDoc,
  seedNegotiationDoc,
  summarizeNegotiationDoc,
} from '../../shared/document/negotiation-doc.ts'
import { seedNegotiationDocFromDocx, type DocxImportCounts } from '../../shared/document/docx-document.ts'
import type { DocxReading } from '../../shared/docx/index.ts'
import { computeScenario } from '../../shared/model/compute.ts'
import { indexDocument } from '../../shared/model/document-index.ts'
import { remaining } from '../../shared/model/resolution.ts'
import { readSharedBindings, readSharedScenario } from '../../shared/document/model-state.ts'
import type { Party } from '../../shared/parties/party.ts'
import type { Annotation, Diagnostic, Guess } from '../../shared/import/index.ts'
import type { Bindings } from '../../shared/model/bindings.ts'
import { readDocumentTemplate, readPartyTable, readRoster } from '../templates/read-template.ts'

/** Templates a document can be created from; each is a folder under the templates dir. */
export const templateNames = ['non-paper'] as const

/** A template's name. */
export type TemplateName = (typeof templateNames)[number]

/** A template's text with the importer corrections and model bindings that go with it. */
export interface TemplateText {
  text: string
  annotations: Annotation[]
  bindings: Bindings
}

/** Reads `NAME/text.txt` (with `annotations.json` and `bindings.json` if present) from the templates dir. */
export function loadTemplate(templatesDir: string, name: TemplateName): TemplateText {
  return readDocumentTemplate(path.join(templatesDir, name))
}

/** True when the template's text file exists. */
export function templateExists(templatesDir: string, name: TemplateName): boolean {
  return existsSync(path.join(templatesDir, name, 'text.txt'))
}

/** Imports a plain-text non-paper into an empty Y.Doc; returns the importer's diagnostics and guesses. */
export function seedDocument(
  ydoc: Y.Doc,
  text: string,
  annotations: Annotation[] = [],
  bindings: Bindings = {},
): { diagnostics: Diagnostic[]; guesses: Guess[] } {
  return seedNegotiationDoc(ydoc, text, annotations, bindings)
}

/**
 * Imports a Word document into an empty text room and an empty proposals room: its text,
 * its tracked changes as pending changes, its comments as threads signed by `by`.
 */
export function seedDocumentFromDocx(
  rooms: { text: Y.Doc; proposals: Y.Doc },
  reading: DocxReading,
  by: string,
): { diagnostics: Diagnostic[]; guesses: Guess[]; counts: DocxImportCounts } {
  return seedNegotiationDocFromDocx(rooms, reading, { by, at: new Date().toISOString(), roster: readRoster() })
}

/** The document's plain text, as the importer would read it back. */
export function documentText(ydoc: Y.Doc): string {
  return negotiationDocText(ydoc)
}

let parties: readonly Party[] | undefined

/**
 * Structure counts and import diagnostics of the document, what remains open
 * (brackets and options, per section) and the model's computation under the
 * document's present resolutions: every Party's assigned amount, the aggregate
 * beside X, and the model's diagnostics.
 */
export function documentSummary(ydoc: Y.Doc): object {
  parties ??= readPartyTable()
  const index = indexDocument(readNegotiationDoc(ydoc))
  const scenario = readSharedScenario(ydoc)
  const open = remaining(index, scenario.resolutions)
  return {
    ...summarizeNegotiationDoc(ydoc),
    remaining: { brackets: open.brackets, options: open.options, bySection: Object.fromEntries(open.bySection) },
    computation: computeScenario(index, readSharedBindings(ydoc).bindings, scenario, parties),
  }
}
