/**
 * The yardsticks' data as the product ships it (`templates/yardsticks/*.csv`,
 * built by `templates/yardsticks/build.ts`): parsed from text so this module
 * stays free of I/O and runs in the browser as well.
 */

/** The regions of the WITCH model the seed's formula is calibrated on ('' for the EU as a Party). */
export type Region = 'USA' | 'EU' | 'KOSAU' | 'CAJAZ' | 'TE' | 'CHINA' | ''

/** The two commitment periods a yardstick can read inscriptions for. */
export type CommitmentPeriod = 'cp1' | 'cp2'

/** A Party's inscription in Annex B and what it is a percentage of. */
export interface Inscription {
  party: string
  region: Region
  /** Economy in transition (the `*` Parties). */
  eit: boolean
  /** True for the European Union itself, whose member States also appear: never count both. */
  aggregate: boolean
  /** QELRC per period, per cent of base year; absent where the Party inscribed none. */
  qelrc: Partial<Record<CommitmentPeriod, number>>
  /** Base-year emissions, kt CO₂ eq excluding LULUCF (UNFCCC, AR4 GWPs). */
  baseYearKt?: number
}

/** What the data says about one Party in one year; any figure may be missing. */
export interface PartyYear {
  /** Population (OWID / UN WPP). */
  population?: number
  /** Population (World Bank), the denominator matching `gdpUsd`. */
  populationWb?: number
  /** GDP at current US$ (World Bank). */
  gdpUsd?: number
  /** Emissions excluding LULUCF, kt CO₂ eq (UNFCCC inventories). */
  emissionsKt?: number
}

/** World totals (OWID population, CAIT emissions excluding land-use change). */
export interface WorldYear {
  population?: number
  emissionsMt?: number
}

/** The parsed data set. */
export interface YardstickData {
  inscriptions: Inscription[]
  years: Map<string, Map<number, PartyYear>>
  world: Map<number, WorldYear>
}

/** The three CSV texts of `templates/yardsticks/`. */
export interface YardstickFiles {
  inscriptions: string
  partyYears: string
  world: string
}

const regions: readonly Region[] = ['USA', 'EU', 'KOSAU', 'CAJAZ', 'TE', 'CHINA', '']

function rows(text: string, file: string, header: string[]): { cells: Record<string, string>; line: number }[] {
  const lines = text.split(/\r?\n/)
  const found = (lines[0] ?? '').split(',')
  for (const h of header) {
    if (!found.includes(h))
      throw new Error(`${file}: line 1 lacks column "${h}"; rebuild with templates/yardsticks/build.ts`)
  }
  const out: { cells: Record<string, string>; line: number }[] = []
  lines.slice(1).forEach((l, i) => {
    if (l.trim() === '') return
    const values = l.split(',')
    out.push({ cells: Object.fromEntries(found.map((h, j) => [h, values[j] ?? ''])), line: i + 2 })
  })
  return out
}

function number(value: string, file: string, line: number, column: string): number | undefined {
  if (value === '') return undefined
  const n = Number(value)
  if (!Number.isFinite(n)) throw new Error(`${file}: line ${line}, column ${column}: "${value}" is not a number`)
  return n
}

/** Parses the three files; throws naming file, line and column on a malformed cell. */
export function parseYardstickData(files: YardstickFiles): YardstickData {
  const f1 = 'inscriptions.csv'
  const inscriptions = rows(files.inscriptions, f1, [
    'party',
    'region',
    'eit',
    'qelrc_cp1_pct',
    'qelrc_cp2_pct',
    'base_year_kt',
  ]).map(({ cells, line }): Inscription => {
    const region = cells.region as Region
    if (!regions.includes(region))
      throw new Error(`${f1}: line ${line}: unknown region "${cells.region}" (one of ${regions.join(', ')})`)
    const qelrc: Partial<Record<CommitmentPeriod, number>> = {}
    const cp1 = number(cells.qelrc_cp1_pct, f1, line, 'qelrc_cp1_pct')
    const cp2 = number(cells.qelrc_cp2_pct, f1, line, 'qelrc_cp2_pct')
    if (cp1 !== undefined) qelrc.cp1 = cp1
    if (cp2 !== undefined) qelrc.cp2 = cp2
    return {
      party: cells.party,
      region,
      eit: cells.eit === 'yes',
      aggregate: cells.aggregate === 'yes',
      qelrc,
      baseYearKt: number(cells.base_year_kt, f1, line, 'base_year_kt'),
    }
  })
  const f2 = 'party-years.csv'
  const years = new Map<string, Map<number, PartyYear>>()
  for (const { cells, line } of rows(files.partyYears, f2, [
    'party',
    'year',
    'population',
    'population_wb',
    'gdp_current_usd_wb',
    'ghg_excl_lulucf_kt',
  ])) {
    const year = number(cells.year, f2, line, 'year')
    if (year === undefined) throw new Error(`${f2}: line ${line}: the year is missing`)
    let party = years.get(cells.party)
    if (!party) years.set(cells.party, (party = new Map()))
    party.set(year, {
      population: number(cells.population, f2, line, 'population'),
      populationWb: number(cells.population_wb, f2, line, 'population_wb'),
      gdpUsd: number(cells.gdp_current_usd_wb, f2, line, 'gdp_current_usd_wb'),
      emissionsKt: number(cells.ghg_excl_lulucf_kt, f2, line, 'ghg_excl_lulucf_kt'),
    })
  }
  const f3 = 'world.csv'
  const world = new Map<number, WorldYear>()
  for (const { cells, line } of rows(files.world, f3, ['year', 'population', 'ghg_excl_lucf_mt_cait'])) {
    world.set(number(cells.year, f3, line, 'year')!, {
      population: number(cells.population, f3, line, 'population'),
      emissionsMt: number(cells.ghg_excl_lucf_mt_cait, f3, line, 'ghg_excl_lucf_mt_cait'),
    })
  }
  return { inscriptions, years, world }
}

/** GDP per capita at current US$ (World Bank GDP over World Bank population), or undefined. */
export function incomePerCapita(data: YardstickData, party: string, year: number): number | undefined {
  const y = data.years.get(party)?.get(year)
  return y?.gdpUsd !== undefined && y.populationWb ? y.gdpUsd / y.populationWb : undefined
}

/** Emissions excluding LULUCF in kt CO₂ eq, or undefined. */
export function emissionsKt(data: YardstickData, party: string, year: number): number | undefined {
  return data.years.get(party)?.get(year)?.emissionsKt
}
