/**
 * `accord compute FILE --resolutions R.json [--bindings B.json] [--json]
 * [--side-by-side PARTY [--pct P] [--base-year Y] [--target-year T]]`:
 * every Party's assigned amount, its commitments of other kinds, the totals
 * and the aggregate under a scenario, with the model's diagnostics; and, for
 * one Party, what a cut would mean under each kind side by side. FILE is a
 * text or a template folder (whose `bindings.json` is used unless
 * `--bindings` names another).
 */
import { importText } from '../../shared/import/index.ts'
import { computeScenario, type Computation } from '../../shared/model/compute.ts'
import { indexDocument } from '../../shared/model/document-index.ts'
import { formatValue } from '../../shared/model/variables.ts'
import { sideBySide, sideBySideDefaults, type SideBySide } from '../../shared/commitments/side-by-side.ts'
import { cellsByParty, NO_CELLS } from '../../shared/model/commitment-rows.ts'
import type { Party } from '../../shared/parties/party.ts'
import type { Scenario } from '../../shared/model/scenario.ts'
import { readPartyTable, readRoster } from '../templates/read-template.ts'
import { formatCommitments, formatSideBySide } from './commitments-report.ts'
import { parseArguments } from './arguments.ts'
import { readBindingsFor, readScenarioFile } from './scenario-source.ts'
import { readTextSource } from './text-source.ts'

/** Runs `accord compute`. */
export async function computeCommand(args: string[]): Promise<number> {
  try {
    const { positionals, options } = parseArguments(
      args,
      ['resolutions', 'bindings', 'annotations', 'side-by-side', 'pct', 'base-year', 'target-year'],
      ['json'],
    )
    const resolutionsFile = options.get('resolutions') as string | undefined
    if (positionals.length !== 1 || !resolutionsFile)
      throw new Error(
        'usage: accord compute FILE --resolutions R.json [--bindings B.json] [--json] [--side-by-side PARTY [--pct P] [--base-year Y] [--target-year T]]',
      )
    const source = await readTextSource(positionals[0], options.get('annotations') as string | undefined)
    const scenario = readScenarioFile(resolutionsFile)
    const bindings = readBindingsFor(positionals[0], options.get('bindings') as string | undefined)
    const { doc } = importText(source.text, { annotations: source.annotations })
    const parties = readPartyTable()
    const computation = computeScenario(indexDocument(doc), bindings, scenario, parties)
    const party = options.get('side-by-side') as string | undefined
    const comparison = party === undefined ? undefined : compare(party, options, scenario, computation)
    process.stdout.write(
      options.has('json')
        ? JSON.stringify(comparison ? { ...computation, sideBySide: comparison } : computation, null, 2) + '\n'
        : formatComputation(computation) + (comparison ? formatSideBySide(comparison) : ''),
    )
    return 0
  } catch (e) {
    process.stderr.write(`accord compute: ${(e as Error).message}\n`)
    return 2
  }
}

/** `--side-by-side PARTY`: the Party's own figures unless `--pct` and the years are given. */
function compare(
  name: string,
  options: Map<string, string | true>,
  scenario: Scenario,
  computation: Computation,
): SideBySide {
  const found = readRoster().parties.find(name)
  if ('error' in found) throw new Error(`--side-by-side: ${found.error}`)
  const party = found.party
  const years = computation.results.years
  if (years === null) throw new Error('--side-by-side needs the commitment period resolved')
  const start = computation.results.period?.start ?? 2013
  const defaults = sideBySideDefaults(cellsByParty(scenario.inscriptions).get(party.name) ?? NO_CELLS, {
    start,
    end: start + years - 1,
  })
  const number = (option: string, fallback: number) => {
    const v = options.get(option)
    if (v === undefined) return fallback
    const n = Number(v)
    if (typeof v !== 'string' || !Number.isFinite(n)) throw new Error(`--${option} must be a number, got ${String(v)}`)
    return n
  }
  return sideBySide(party, {
    ...defaults,
    pct: number('pct', defaults.pct),
    baseYear: number('base-year', defaults.baseYear),
    targetYear: number('target-year', defaults.targetYear),
  })
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
        ? `; X = ${a.targetPct} %: ${a.fallsShort ? `falls short by ${a.shortfallPct!.toFixed(2)} points` : 'met'}`
        : ''
    const range = a.conditional ? ` (conditional: ${a.reductionPctInterval.conditional.toFixed(2)} %)` : ''
    lines.push(
      `Aggregate reduction below base year: ${a.reductionPct.toFixed(2)} % over ${a.parties.length} Parties${target}${range}`,
    )
    if (a.scope === 'annex-i' && a.omitted.length)
      lines.push(`  left out: ${a.omitted.map((o) => `${o.party} (${o.reason})`).join('; ')}`)
  }
  const commitments = formatCommitments(results)
  if (commitments) lines.push(commitments.trimEnd())
  lines.push('', `Diagnostics (${results.diagnostics.length}):`)
  for (const d of results.diagnostics)
    lines.push(`  [${d.code}] ${d.message}${d.ids.length ? ` (${d.ids.join(', ')})` : ''}`)
  return lines.join('\n') + '\n'
}
