/**
 * Benchmark of the secretariat outputs: consolidation, the audit and each
 * export, on the non-paper template and on a text 100 times its size (the
 * template repeated, ids renumbered by the importer). Run: npx tsx bench/export.ts
 */
import { readFileSync } from 'node:fs'
import { auditTexts } from '../shared/consolidate/audit.ts'
import { consolidate } from '../shared/consolidate/consolidate.ts'
import { importText } from '../shared/import/index.ts'
import { computeScenario } from '../shared/model/compute.ts'
import { indexDocument } from '../shared/model/document-index.ts'
import { readScenario } from '../shared/model/scenario.ts'
import { exportDocument, type ExportFormat } from '../server/export/index.ts'
import { readDocumentTemplate, readPartyTable } from '../server/templates/read-template.ts'

const template = readDocumentTemplate()
const parties = readPartyTable()
const scenario = readScenario(
  JSON.parse(readFileSync(new URL('../test/consolidate/full-scenario.json', import.meta.url), 'utf8')),
)

async function time<T>(label: string, f: () => T | Promise<T>, runs = 3): Promise<T> {
  let best = Infinity
  let result!: T
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    result = await f()
    best = Math.min(best, performance.now() - t0)
  }
  console.log(`  ${label.padEnd(34)} ${best.toFixed(1).padStart(9)} ms`)
  return result
}

async function bench(name: string, text: string, formats: ExportFormat[], audit: boolean, runs: number): Promise<void> {
  const { doc } = importText(text, { annotations: name === 'template' ? template.annotations : [] })
  console.log(
    `${name}: ${text.length.toLocaleString('en')} characters, ${doc.nodeSize.toLocaleString('en')} node positions`,
  )
  const computation = computeScenario(indexDocument(doc), template.bindings, scenario, parties)
  const c = await time(
    'consolidate',
    () => consolidate(doc, scenario, { bindings: template.bindings, computation }),
    runs,
  )
  if (audit)
    await time(
      'audit (text vs consolidation)',
      () => auditTexts(doc, c.doc, { scenario, bindings: template.bindings, computation }),
      runs,
    )
  for (const format of formats) {
    for (const consolidated of [false, true]) {
      await time(
        `export ${format}${consolidated ? ' consolidated' : ' as is'}`,
        () =>
          exportDocument({
            doc,
            scenario,
            parties,
            bindings: template.bindings,
            format,
            consolidated,
            symbol: 'FCCC/KP/AWG/2009/L.99',
          }),
        format === 'pdf' ? 1 : runs,
      )
    }
  }
}

await bench('template', template.text, ['txt', 'html', 'docx', 'pdf', 'akn', 'csv'], true, 3)
// The 100× text's ids differ from the template's, so the scenario resolves its first copy only; the rest stays bracketed.
await bench(
  '100× template',
  Array.from({ length: 100 }, () => template.text).join('\n'),
  ['txt', 'html', 'docx', 'pdf', 'akn', 'csv'],
  false,
  1,
)
