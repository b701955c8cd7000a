/**
 * Exports of a negotiation text for the secretariat, as the CLI and the API
 * call them: the text as negotiated or consolidated under a scenario, in
 * plain text, HTML, Word, PDF, Akoma Ntoso, or the assigned amounts as CSV.
 * A consolidated text is the one the secretariat issues
 * (`shared/consolidate/issued-consolidation.ts`): linked brackets follow their
 * decision, options whose applicability fails are dropped, accepted numbers
 * stand in the tables, and the HTML, PDF, Word and Akoma Ntoso files close with
 * the annexes saying what stays open and what the consolidation did; the plain
 * text is the text alone, as the importer reads it back. Every file but the
 * plain text and the CSV carries the UN document header.
 */
import type { Node } from 'prosemirror-model'
import type { ConsolidationNote } from '../../shared/consolidate/closing-annex.ts'
import { issueConsolidation } from '../../shared/consolidate/issued-consolidation.ts'
import { refuseUnrejectedRemovals } from '../../shared/consolidate/removal-check.ts'
import type { UnresolvedItem } from '../../shared/consolidate/unresolved.ts'
import { EMPTY_HEADER, headerForExport, type DocumentHeader } from '../../shared/export/document-header.ts'
import { renderAkn } from '../../shared/export/akn.ts'
import { assignedAmountsCsv } from '../../shared/export/csv.ts'
import { documentTitle } from '../../shared/export/document-title.ts'
import { renderHtml } from '../../shared/export/html.ts'
import type { PageOptions } from '../../shared/export/page-options.ts'
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
  /** The UN document header stored with the document; by default an empty one. */
  header?: DocumentHeader
  /** Document symbol (FCCC/KP/AWG/2009/…), over the header's. */
  symbol?: string
  /** Title when the header has none; by default the text's title heading. */
  title?: string
  /** The day of the export (YYYY-MM-DD), the document's date when its header has none; by default today. */
  date?: string
  /** Comments and pending changes over `doc`, carried by a Word export of the text as negotiated. */
  annotations?: DocxAnnotations
  /** The revision exported (`Rev.1`); absent for the working draft. */
  revision?: string
  /** Number the lines (PDF and HTML: Accord's lines, as the editor numbers them; DOCX: Word's own). */
  lineNumbers?: boolean
}

/** An exported file. `unresolved` lists what a consolidated text leaves open, `notes` what the consolidation did. */
export interface ExportedFile {
  bytes: Uint8Array
  contentType: string
  fileName: string
  unresolved: UnresolvedItem[]
  notes: ConsolidationNote[]
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
  const result = consolidated ? issueConsolidation(doc, scenario, bindings, parties) : null
  const computation = result?.computation ?? computeScenario(index, bindings, scenario, parties)
  // Never issued when it would lose a word no decision rejects, whatever the format; the
  // decisions are those the model's rules completed (a followed bracket, a dropped option).
  if (result) refuseUnrejectedRemovals(doc, result.scenario, result.doc, { bindings, computation: result.computation })
  // The plain text is the text alone; the issued formats close with the annexes.
  const text = format === 'txt' ? (result?.doc ?? doc) : (result?.issued ?? doc)
  const today = request.date ?? new Date().toISOString().slice(0, 10)
  const stored = request.header ?? EMPTY_HEADER
  const heading = headerForExport(
    { ...stored, symbol: request.symbol ?? stored.symbol },
    today,
    documentTitle(doc, '', request.title).title,
  )
  const status =
    (consolidated ? 'Consolidated text' : 'Text as negotiated (brackets and options as they stand)') +
    (request.revision ? ` — ${request.revision}` : '')
  const page: PageOptions = { heading, status, lineNumbers: request.lineNumbers }
  const encode = (s: string) => new TextEncoder().encode(s)
  let bytes: Uint8Array
  switch (format) {
    case 'txt':
      bytes = encode(serializeText(text))
      break
    case 'html':
      bytes = encode(renderHtml(text, page))
      break
    case 'pdf':
      bytes = await printPdf(renderHtml(text, page), heading)
      break
    case 'docx':
      bytes = await renderDocx(text, page, consolidated ? undefined : request.annotations)
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
          date: today,
        }),
      )
      break
    }
    case 'csv':
      bytes = encode(assignedAmountsCsv(computation))
      break
  }
  const base =
    [heading.symbol || heading.title, request.revision ?? '']
      .join(' ')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 50) || 'text'
  const fileName =
    format === 'csv'
      ? `${base}-assigned-amounts.csv`
      : `${base}-${consolidated ? 'consolidated' : 'as-is'}.${EXTENSIONS[format]}`
  return {
    bytes,
    contentType: CONTENT_TYPES[format],
    fileName,
    unresolved: result?.unresolved ?? [],
    notes: result?.notes ?? [],
  }
}
