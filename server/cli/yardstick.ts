/**
 * `accord yardstick [--period cp1|cp2] [--baseline base-year|YEAR|FROM-TO] [--income-year YEAR] [--json]`:
 * each Party's cut beside its income, the fitted line, and who is above or below it.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defaultYardstickOptions, incomeCutYardstick, type Baseline } from '../../shared/yardsticks/income-cut.ts'
import { parseYardstickData, type YardstickData } from '../../shared/yardsticks/yardstick-data.ts'
import { parseArguments } from './arguments.ts'

const templates = join(dirname(fileURLToPath(import.meta.url)), '../../templates/yardsticks')

/** Reads the yardstick data the product ships in `templates/yardsticks/`. */
export function loadYardstickData(dir: string = templates): YardstickData {
  const read = (file: string) => readFileSync(join(dir, file), 'utf8')
  return parseYardstickData({
    inscriptions: read('inscriptions.csv'),
    partyYears: read('party-years.csv'),
    world: read('world.csv'),
  })
}

function parseBaseline(text: string): Baseline {
  if (text === 'base-year') return { kind: 'base-year' }
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(text)
  if (!m) throw new Error(`--baseline must be base-year, YEAR or FROM-TO (e.g. 2008-2012), got "${text}"`)
  const from = Number(m[1])
  const to = Number(m[2] ?? m[1])
  if (to < from) throw new Error(`--baseline ${text}: the range ends before it starts`)
  return { kind: 'emissions', years: Array.from({ length: to - from + 1 }, (_, i) => from + i) }
}

const pct = (n: number) => (n >= 0 ? ' ' : '') + n.toFixed(1)

/** Runs `accord yardstick`. */
export async function yardstickCommand(args: string[]): Promise<number> {
  try {
    const { positionals, options } = parseArguments(args, ['period', 'baseline', 'income-year'], ['json'])
    if (positionals.length) throw new Error(`unexpected argument "${positionals[0]}"`)
    const period = (options.get('period') as string | undefined) ?? 'cp1'
    if (period !== 'cp1' && period !== 'cp2') throw new Error(`--period must be cp1 or cp2, got "${period}"`)
    const chosen = { ...defaultYardstickOptions[period] }
    if (options.has('baseline')) chosen.baseline = parseBaseline(options.get('baseline') as string)
    if (options.has('income-year')) {
      chosen.incomeYear = Number(options.get('income-year'))
      if (!Number.isInteger(chosen.incomeYear)) throw new Error('--income-year must be a year, e.g. 1997')
    }
    const data = loadYardstickData()
    const y = incomeCutYardstick(data, data.inscriptions, chosen)
    if (options.has('json')) {
      process.stdout.write(JSON.stringify(y, null, 2) + '\n')
      return 0
    }
    const against =
      chosen.baseline.kind === 'base-year'
        ? 'base year'
        : `actual emissions ${chosen.baseline.years[0]}–${chosen.baseline.years.at(-1)}`
    const out = [
      `Income/cut yardstick, ${period}: cut against ${against}, GDP per capita ${chosen.incomeYear} (current US$)`,
      `slope ${y.cutPer10PercentIncome.toFixed(2)} % cut per 10 % income (± ${(y.line.slopeStandardError * Math.log(1.1)).toFixed(2)} s.e.), R² ${y.line.rSquared.toFixed(2)}, n ${y.line.n}`,
      '',
      `${'Party'.padEnd(30)} ${'QELRC'.padStart(6)} ${'income $'.padStart(9)} ${'cut %'.padStart(7)} ${'fair %'.padStart(7)} ${'distance'.padStart(8)}`,
    ]
    for (const r of [...y.rows].sort((a, b) => b.distancePercent - a.distancePercent)) {
      out.push(
        `${r.party.slice(0, 30).padEnd(30)} ${r.qelrc.toFixed(1).padStart(6)} ${r.incomePerCapitaUsd.toFixed(0).padStart(9)} ${pct(r.cutPercent).padStart(7)} ${pct(r.fairCutPercent).padStart(7)} ${pct(r.distancePercent).padStart(8)} ${r.distancePercent >= 0 ? 'above' : 'below'}`,
      )
    }
    for (const o of y.omitted) out.push(`(left off: ${o.party} — ${o.reason})`)
    process.stdout.write(out.join('\n') + '\n')
    return 0
  } catch (e) {
    process.stderr.write(`accord yardstick: ${(e as Error).message}\n`)
    return 2
  }
}
