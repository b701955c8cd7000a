/**
 * The inputs Frankel's formula needs, built from Accord's Party data. The seed's
 * own BAU paths come from the WITCH model, which we do not have; here the past
 * is the inventories and the future is stated, editable assumptions: BAU
 * follows the Party's own recent log-linear emissions trend, income grows at a
 * common rate, population and world per-capita emissions stay at their last
 * observed level.
 */
import type { FrankelParty } from './frankel.ts'
import { fitLine } from './ols.ts'
import { emissionsKt, incomePerCapita, type Inscription, type Region, type YardstickData } from './yardstick-data.ts'

/** The assumptions behind the projected inputs. */
export interface ScenarioAssumptions {
  /** Midpoints of the five-year periods (the seed: 2010 for 2008–2012, … 2100). */
  periods: number[]
  /** Years whose emissions set each Party's BAU trend. */
  bauTrendYears: [from: number, to: number]
  /** Annual growth of per-capita income after the last year of data (0.015 = 1.5 %). */
  incomeGrowth: number
  /** Seed Table 1: first period below BAU, and first with equalization, by region. */
  belowBauFrom: Partial<Record<Region, number>>
  equalizationFrom: Partial<Record<Region, number>>
}

const century = Array.from({ length: 19 }, (_, i) => 2010 + 5 * i)

/** Defaults: the seed's Table 1 years; BAU trend 2005–2019; 1.5 % a year income growth. */
export const defaultAssumptions: ScenarioAssumptions = {
  periods: century,
  bauTrendYears: [2005, 2019],
  incomeGrowth: 0.015,
  belowBauFrom: { USA: 2010, EU: 2010, KOSAU: 2020, CAJAZ: 2015, TE: 2025, CHINA: 2025 },
  equalizationFrom: { USA: 2050, EU: 2050, KOSAU: 2050, CAJAZ: 2050, TE: 2055, CHINA: 2055 },
}

/** The last year at or before `year` for which `value` is defined, with its value. */
function lastKnown(
  year: number,
  value: (y: number) => number | undefined,
): { year: number; value: number } | undefined {
  for (let y = year; y >= 1990; y--) {
    const v = value(y)
    if (v !== undefined) return { year: y, value: v }
  }
  return undefined
}

/** World average per-capita emissions (t CO₂ eq) in the last year CAIT and population both cover. */
export function worldPerCapitaTonnes(data: YardstickData): number {
  const years = [...data.world.keys()].sort((a, b) => b - a)
  for (const y of years) {
    const w = data.world.get(y)!
    if (w.emissionsMt && w.population) return (w.emissionsMt * 1e6) / w.population
  }
  throw new Error('world.csv has no year with both population and emissions; rebuild templates/yardsticks')
}

/**
 * Frankel inputs for each Annex I Party in `inscriptions` (the EU as a whole is
 * left out: its member States are in). Latecomers are the Parties the seed
 * names so: no Kyoto target (no first-period inscription) or never ratified
 * (the United States). Emissions in kt CO₂ eq; per-capita figures in kt per person.
 */
export function frankelScenario(
  data: YardstickData,
  inscriptions: readonly Inscription[] = data.inscriptions,
  a: ScenarioAssumptions = defaultAssumptions,
): { parties: FrankelParty[]; omitted: { party: string; reason: string }[] } {
  const worldPerCapita = worldPerCapitaTonnes(data) / 1000
  const parties: FrankelParty[] = []
  const omitted: { party: string; reason: string }[] = []
  for (const ins of inscriptions) {
    if (ins.aggregate) continue
    const name = ins.party
    const e = (y: number) => emissionsKt(data, name, y)
    const e1990 = e(1990)
    const trendYears: { x: number; y: number }[] = []
    for (let y = a.bauTrendYears[0]; y <= a.bauTrendYears[1]; y++) {
      const v = e(y)
      if (v !== undefined && v > 0) trendYears.push({ x: y, y: Math.log(v) })
    }
    const lastEmissions = lastKnown(2100, e)
    const lastIncome = lastKnown(2100, (y) => incomePerCapita(data, name, y))
    const lastPopulation = lastKnown(2100, (y) => data.years.get(name)?.get(y)?.population)
    if (!e1990 || !lastEmissions || trendYears.length < 2 || !lastIncome || !lastPopulation) {
      omitted.push({ party: name, reason: 'missing 1990 emissions, an emissions trend, income or population' })
      continue
    }
    const trend = fitLine(trendYears).slope
    const bau = (y: number) =>
      (y <= lastEmissions.year ? e(y) : undefined) ?? lastEmissions.value * Math.exp(trend * (y - lastEmissions.year))
    const income = (y: number) =>
      (y <= lastIncome.year ? incomePerCapita(data, name, y) : undefined) ??
      lastIncome.value * Math.exp(a.incomeGrowth * (y - lastIncome.year))
    const population = (y: number) =>
      (y <= lastPopulation.year ? data.years.get(name)?.get(y)?.population : undefined) ?? lastPopulation.value
    const belowBauFrom = a.belowBauFrom[ins.region] ?? a.periods[0]
    parties.push({
      party: name,
      region: ins.region,
      latecomer: ins.qelrc.cp1 === undefined || name === 'United States of America',
      emissions1990: e1990,
      emissionsAtCommitment: bau(belowBauFrom),
      belowBauFrom,
      equalizationFrom: a.equalizationFrom[ins.region] ?? Infinity,
      periods: a.periods.map((year) => ({
        year,
        bau: bau(year),
        incomePerCapita: income(year),
        population: population(year),
        worldPerCapita,
      })),
    })
  }
  return { parties, omitted }
}
