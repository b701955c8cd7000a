/**
 * `accord export FILE --resolutions R.json --format txt|html|docx|pdf|akn|csv
 * [--as-is] [--line-numbers] [--header H.json] [--symbol S] [--title T] [--bindings B.json] [--annotations A.json] -o OUT`:
 * the consolidated text (or, with `--as-is`, the text as negotiated) in a
 * secretariat format, under the UN document header in H.json (the fields of
 * `shared/export/document-header.ts`). FILE is a text or a template folder (whose
 * `bindings.json` is used unless `--bindings` names another). What the
 * consolidated text leaves open, and what the consolidation did, is listed on stderr.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { ConsolidationRefused } from '../../shared/consolidate/removal-check.ts'
import { DocumentHeaderSchema, EMPTY_HEADER, type DocumentHeader } from '../../shared/export/document-header.ts'
import { importText } from '../../shared/import/index.ts'
import { EXPORT_FORMATS, exportDocument, type ExportFormat } from '../export/index.ts'
import { readPartyTable } from '../templates/read-template.ts'
import { parseArguments } from './arguments.ts'
import { readBindingsFor, readScenarioFile } from './scenario-source.ts'
import { readTextSource } from './text-source.ts'

const USAGE = `usage: accord export FILE --resolutions R.json --format ${EXPORT_FORMATS.join('|')} [--as-is] [--line-numbers] [--header H.json] [--symbol S] [--title T] -o OUT`

/** Runs `accord export`. */
export async function exportCommand(args: string[]): Promise<number> {
  try {
    const normalized = args.map((a) => (a === '-o' ? '--output' : a))
    const { positionals, options } = parseArguments(
      normalized,
      ['resolutions', 'format', 'output', 'header', 'symbol', 'title', 'bindings', 'annotations'],
      ['as-is', 'line-numbers'],
    )
    const resolutions = options.get('resolutions') as string | undefined
    const format = options.get('format') as string | undefined
    const output = options.get('output') as string | undefined
    if (positionals.length !== 1 || !resolutions || !format || !output) throw new Error(USAGE)
    if (!EXPORT_FORMATS.includes(format as ExportFormat))
      throw new Error(`--format ${format} is not known; use one of ${EXPORT_FORMATS.join(', ')}`)
    const source = await readTextSource(positionals[0], options.get('annotations') as string | undefined)
    const scenario = readScenarioFile(resolutions)
    const bindings = readBindingsFor(positionals[0], options.get('bindings') as string | undefined)
    const { doc } = importText(source.text, { annotations: source.annotations })
    const file = await exportDocument({
      doc,
      scenario,
      bindings,
      parties: readPartyTable(),
      format: format as ExportFormat,
      consolidated: !options.has('as-is'),
      header: readHeader(options.get('header') as string | undefined),
      symbol: options.get('symbol') as string | undefined,
      title: options.get('title') as string | undefined,
      lineNumbers: options.has('line-numbers'),
    })
    writeFileSync(output, file.bytes)
    process.stderr.write(`accord export: wrote ${output} (${file.bytes.length} bytes, ${file.contentType})\n`)
    if (file.unresolved.length) {
      process.stderr.write(
        `${file.unresolved.length} left open:\n${file.unresolved.map((u) => `  ${u.id} (${u.kind}) ${u.text.slice(0, 60)} — ${u.location}`).join('\n')}\n`,
      )
    }
    if (file.notes.length)
      process.stderr.write(`the consolidation also:\n${file.notes.map((n) => `  ${n.text}`).join('\n')}\n`)
    return 0
  } catch (e) {
    if (e instanceof ConsolidationRefused) {
      // Nothing is written: each decision and the words it would remove, by line and column.
      const lines = e.findings.map(
        (f) =>
          `  ${f.message}${f.words.length > 8 ? `\n    ${f.words.map((w) => `${w.word} (${w.line}:${w.column})`).join(', ')}` : ''}`,
      )
      process.stderr.write(`accord export: consolidation refused, nothing written:\n${lines.join('\n')}\n`)
      return 2
    }
    process.stderr.write(`accord export: ${(e as Error).message}\n`)
    return 2
  }
}

// The header file, checked field by field like the API's; the error names the field.
function readHeader(file: string | undefined): DocumentHeader | undefined {
  if (file === undefined) return undefined
  const parsed = DocumentHeaderSchema.safeParse({ ...EMPTY_HEADER, ...JSON.parse(readFileSync(file, 'utf8')) })
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  throw new Error(`${file}: ${issue.path.join('.') || 'header'}: ${issue.message}`)
}
