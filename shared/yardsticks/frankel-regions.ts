/**
 * Frankel's paths summed over the seed's regions, so they can be set beside its
 * Table 2 (per-capita emissions of 11 WITCH regions, 2005–2100).
 */
import type { FrankelParty, FrankelTarget } from './frankel.ts'
import type { Region } from './yardstick-data.ts'

/** Regional per-capita targets by period: Σ targets / Σ population of the region's Parties. */
export function regionalTargetsPerCapita(
  parties: readonly FrankelParty[],
  paths: ReadonlyMap<string, readonly FrankelTarget[]>,
): Map<Region, { year: number; perCapita: number }[]> {
  const sums = new Map<Region, Map<number, { target: number; population: number }>>()
  for (const party of parties) {
    const path = paths.get(party.party)
    if (!path) throw new Error(`no path computed for ${party.party}`)
    let region = sums.get(party.region)
    if (!region) sums.set(party.region, (region = new Map()))
    party.periods.forEach((period, i) => {
      const s = region!.get(period.year) ?? { target: 0, population: 0 }
      s.target += path[i].target
      s.population += period.population
      region!.set(period.year, s)
    })
  }
  const out = new Map<Region, { year: number; perCapita: number }[]>()
  for (const [region, byYear] of sums) {
    out.set(
      region,
      [...byYear].sort(([a], [b]) => a - b).map(([year, s]) => ({ year, perCapita: s.target / s.population })),
    )
  }
  return out
}
