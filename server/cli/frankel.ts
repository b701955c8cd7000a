/** `accord frankel [--party NAME] [--json]`: Frankel's suggested target path per Party per five-year period. */
import { frankelPath, seedParameters } from '../../shared/yardsticks/frankel.ts'
import { frankelScenario, defaultAssumptions } from '../../shared/yardsticks/frankel-scenario.ts'
import { parseArguments } from './arguments.ts'
import { loadYardstickData } from './yardstick.ts'

/** Runs `accord frankel`. */
export async function frankelCommand(args: string[]): Promise<number> {
  try {
    const { positionals, options } = parseArguments(args, ['party'], ['json'])
    if (positionals.length) throw new Error(`unexpected argument "${positionals[0]}"`)
    const { parties, omitted } = frankelScenario(loadYardstickData())
    const wanted = options.get('party') as string | undefined
    const chosen = wanted ? parties.filter((p) => p.party === wanted) : parties
    if (wanted && chosen.length === 0) throw new Error(`no Party named "${wanted}"; names as in Annex B, e.g. "Japan"`)
    const paths = chosen.map((p) => ({
      party: p.party,
      region: p.region,
      latecomer: p.latecomer,
      path: frankelPath(p, seedParameters),
    }))
    if (options.has('json')) {
      process.stdout.write(
        JSON.stringify({ parameters: seedParameters, assumptions: defaultAssumptions, paths, omitted }, null, 2) + '\n',
      )
      return 0
    }
    const years = defaultAssumptions.periods.filter((y) => y % 10 === 0)
    const out = [
      'Frankel formula: suggested target per capita, t CO₂ eq (total GHG excl. LULUCF), by period midpoint',
      `γ ${seedParameters.gamma}, α ${seedParameters.alpha}, λ ${seedParameters.lambda}, equalization ${seedParameters.equalizationSpeed}/period; BAU = own ${defaultAssumptions.bauTrendYears.join('–')} trend`,
      '',
      `${'Party'.padEnd(26)} ${years.map((y) => String(y).padStart(6)).join('')}`,
    ]
    for (const p of paths) {
      const row = years
        .map((y) => (p.path.find((t) => t.year === y)!.targetPerCapita * 1000).toFixed(1).padStart(6))
        .join('')
      out.push(`${(p.party.slice(0, 24) + (p.latecomer ? ' L' : '')).padEnd(26)} ${row}`)
    }
    out.push('', 'L = latecomer (carries the Latecomer Catch-up Factor)')
    for (const o of omitted) out.push(`(left off: ${o.party} — ${o.reason})`)
    process.stdout.write(out.join('\n') + '\n')
    return 0
  } catch (e) {
    process.stderr.write(`accord frankel: ${(e as Error).message}\n`)
    return 2
  }
}
