/**
 * Exports of a negotiation text for the secretariat, as the CLI and the API
 * call them: the text as negotiated or consolidated under a scenario, in
 * plain text, HTML, Word, PDF, Akoma Ntoso, or the assigned amounts as CSV.
 */
import type { Node } from 'prosemirror-model'
import { consolidate } from '../../shared/consolidate/consolidate.ts'
import { refuseUnrejectedRemovals } from '../../shared/consolidate/removal-check.ts'
import type { UnresolvedItem } from '../../shared/consolidate/unresolved.ts'
import { renderAkn } from '../../shared/export/akn.ts'
import { assignedAmountsCsv } from '../../shared/export/csv.ts'
import { documentTitle } from '../../shared/export/document-title.ts'
import { renderHtml } from '../../shared/export/html.ts'
import type { Bindings } from '../../shared/model/bindings.ts'
import { computeScenario } from '../../shared/model/compute.ts'
import { indexDocument } from '../../shared/model/document-index.ts'
import type { Scenario } from '../../shared/model/scenario.ts'
import { formatValue, VARIABLES } from '../../shared/model/variables.ts'
import type { Party } from '../../shared/parties/party.ts'
import { serializeText } from '../../shared/serialize/plain.ts'
import { renderDocx } from './docx.ts'
import type { DocxAnnotations } from './docx-annotations.ts'
import { printPdf } from './pdf.ts'

/** The export formats. */
export const EXPORT_FORMATS = ['txt', 'html', 'docx', 'pdf', 'akn', 'csv'] as const
/** An export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

const CONTENT_TYPES: Record<ExportFormat, string> = {
  txt: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  akn: 'application/akn+xml',
  csv: 'text/csv; charset=utf-8',
}

const EXTENSIONS: Record<ExportFormat, string> = {
  txt: 'txt',
  html: 'html',
  docx: 'docx',
  pdf: 'pdf',
  akn: 'akn.xml',
  csv: 'csv',
}

/** What an export needs. */
export interface ExportRequest {
  doc: Node
  scenario: Scenario
  parties: readonly Party[]
  bindings: Bindings
  format: ExportFormat
  /** True: the consolidated text; false: the text as negotiated, brackets and options marked. */
  consolidated: boolean
  /** Document symbol for headers (FCCC/KP/AWG/2009/…). */
  symbol?: string
  /** Title; by default the text's title heading. */
  title?: string
  /** Date of the expression (YYYY-MM-DD) for Akoma Ntoso; by default today. */
  date?: string
  /** Comments and pending changes over `doc`, carried by a Word export of the text as negotiated. */
  annotations?: DocxAnnotations
  /** Number the lines (PDF and HTML: Accord's lines, as the editor numbers them; DOCX: Word's own). */
  lineNumbers?: boolean
}

/** An exported file. `unresolved` lists what a consolidated text leaves open. */
export interface ExportedFile {
  bytes: Uint8Array
  contentType: string
  fileName: string
  unresolved: UnresolvedItem[]
}

/**
 * Export `request.doc`; rejects with a clear error for an unknown format or a
 * missing Chromium (PDF), and with `ConsolidationRefused` for a consolidated
 * text that would lose words no decision rejects.
 */
export async function exportDocument(request: ExportRequest): Promise<ExportedFile> {
  const { doc, scenario, parties, bindings, format, consolidated } = request
  if (!EXPORT_FORMATS.includes(format))
    throw new Error(`unknown export format "${format}"; use one of ${EXPORT_FORMATS.join(', ')}`)
  const index = indexDocument(doc)
  const computation = computeScenario(index, bindings, scenario, parties)
  const result = consolidated ? consolidate(doc, scenario, { bindings, computation }) : null
  // Never issued when it would lose a word no decision rejects, whatever the format.
  if (result) refuseUnrejectedRemovals(doc, scenario, result.doc, { bindings, computation })
  const text = result?.doc ?? doc
  const heading = documentTitle(doc, request.symbol ?? '', request.title)
  const status = consolidated ? 'Consolidated text' : 'Text as negotiated (brackets and options as they stand)'
  const encode = (s: string) => new TextEncoder().encode(s)
  let bytes: Uint8Array
  switch (format) {
    case 'txt':
      bytes = encode(serializeText(text))
      break
    case 'html':
      bytes = encode(renderHtml(text, { heading, status, lineNumbers: request.lineNumbers }))
      break
    case 'pdf':
      bytes = await printPdf(renderHtml(text, { heading, status, lineNumbers: request.lineNumbers }), heading)
      break
    case 'docx':
      bytes = await renderDocx(text, heading, status, {
        lineNumbers: request.lineNumbers,
        annotations: consolidated ? undefined : request.annotations,
      })
      break
    case 'akn': {
      const values = new Map<string, { variable: string; value: string }>()
      const bound = new Map<string, string>()
      for (const b of Object.values(bindings)) if ('placeholder' in b) bound.set(b.placeholder, b.variable)
      for (const [id, { name }] of index.placeholders) {
        const variable = bound.get(id) ?? (name in VARIABLES ? name : undefined)
        const v = variable === undefined ? undefined : computation.evaluation.values[variable]
        if (v !== undefined) values.set(id, { variable: variable!, value: formatValue(v) })
      }
      bytes = encode(
        renderAkn(text, {
          heading,
          version: consolidated ? 'consolidated' : 'asIs',
          values,
          parties,
          date: request.date ?? new Date().toISOString().slice(0, 10),
        }),
      )
      break
    }
    case 'csv':
      bytes = encode(assignedAmountsCsv(computation))
      break
  }
  const base =
    (heading.symbol || heading.title)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 50) || 'text'
  const fileName =
    format === 'csv'
      ? `${base}-assigned-amounts.csv`
      : `${base}-${consolidated ? 'consolidated' : 'as-is'}.${EXTENSIONS[format]}`
  return { bytes, contentType: CONTENT_TYPES[format], fileName, unresolved: result?.unresolved ?? [] }
}
