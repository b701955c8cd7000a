/**
 * `accord compute FILE --resolutions R.json [--bindings B.json] [--json]`:
 * every Party's assigned amount, the totals and the aggregate under a scenario,
 * with the model's diagnostics. FILE is a text or a template folder (whose
 * `bindings.json` is used unless `--bindings` names another).
 */
import { importText } from '../../shared/import/index.ts'
import { computeScenario, type Computation } from '../../shared/model/compute.ts'
import { indexDocument } from '../../shared/model/document-index.ts'
import { formatValue } from '../../shared/model/variables.ts'
import { readPartyTable } from '../templates/read-template.ts'
import { parseArguments } from './arguments.ts'
import { readBindingsFor, readScenarioFile } from './scenario-source.ts'
import { readTextSource } from './text-source.ts'

/** Runs `accord compute`. */
export async function computeCommand(args: string[]): Promise<number> {
  try {
    const { positionals, options } = parseArguments(args, ['resolutions', 'bindings', 'annotations'], ['json'])
    const resolutionsFile = options.get('resolutions') as string | undefined
    if (positionals.length !== 1 || !resolutionsFile)
      throw new Error('usage: accord compute FILE --resolutions R.json [--bindings B.json] [--json]')
    const source = await readTextSource(positionals[0], options.get('annotations') as string | undefined)
    const scenario = readScenarioFile(resolutionsFile)
    const bindings = readBindingsFor(positionals[0], options.get('bindings') as string | undefined)
    const { doc } = importText(source.text, { annotations: source.annotations })
    const computation = computeScenario(indexDocument(doc), bindings, scenario, readPartyTable())
    process.stdout.write(
      options.has('json') ? JSON.stringify(computation, null, 2) + '\n' : formatComputation(computation),
    )
    return 0
  } catch (e) {
    process.stderr.write(`accord compute: ${(e as Error).message}\n`)
    return 2
  }
}

const tonnes = (t: number | null) => (t === null ? '' : Math.round(t).toLocaleString('en-GB'))

/** The computation as a plain-text table with totals and diagnostics. */
export function formatComputation({ evaluation, results }: Computation): string {
  const lines: string[] = []
  const v = evaluation.values
  lines.push(
    `Second commitment period: ${results.period ? formatValue(results.period) : 'unresolved'}, ${results.years ?? '?'} years; Annex B layout: ${results.layout}${v.lulucf === undefined ? '' : `; 7 bis LULUCF sentence ${v.lulucf ? 'kept' : 'deleted'}`}`,
  )
  lines.push('')
  const header = ['Party', 'QELRC', 'base year (t)', 'years', 'assigned amount (t)', 'source']
  const rows = results.rows.map((r) => [
    r.party,
    r.inscribed === null ? '—' : `${r.inscribed}${r.unit === '%' ? ' %' : ' Gg'}`,
    tonnes(r.baseYearT) + (r.approximate ? ' ~' : ''),
    r.years === null ? '' : String(r.years),
    r.assignedAmountT === null ? `— (${r.missing})` : tonnes(r.assignedAmountT) + (r.approximate ? ' ~' : ''),
    r.source,
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd()
  lines.push(line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line))
  lines.push('', '~ rests on an approximate base year (inventory figure, not the reviewed one)', '')
  lines.push(`Total assigned amount: ${tonnes(results.totalT)} t`)
  lines.push(`EU member States (joint fulfilment): ${tonnes(results.memberStatesT)} t`)
  const a = results.aggregate
  if (a) {
    const target =
      'targetPct' in a
        ? `; X = ${a.targetPct} %: ${a.fallsShort ? `falls short by ${a.shortfallPct.toFixed(2)} points` : 'met'}`
        : ''
    lines.push(
      `Aggregate reduction below base year: ${a.reductionPct.toFixed(2)} % over ${a.parties.length} Parties${target}`,
    )
  }
  lines.push('', `Diagnostics (${results.diagnostics.length}):`)
  for (const d of results.diagnostics)
    lines.push(`  [${d.code}] ${d.message}${d.ids.length ? ` (${d.ids.join(', ')})` : ''}`)
  return lines.join('\n') + '\n'
}
