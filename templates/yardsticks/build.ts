/**
 * Rebuilds the yardstick data in this folder from the reference data set
 * (`../shared/data` beside the checkout; override with `--data DIR` or
 * ACCORD_SHARED_DATA). Run: `npx tsx templates/yardsticks/build.ts`.
 *
 * Writes:
 * - `inscriptions.csv` — one row per Party: region, EIT flag, first- and
 *   second-period QELRCs, UNFCCC base-year emissions;
 * - `party-years.csv` — one row per Party and year 1990–2019: population,
 *   GDP at current US$, emissions excluding LULUCF;
 * - `world.csv` — world population and CAIT emissions, for the world average
 *   per-capita emissions Frankel's equalization factor aims at.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const flag = process.argv.indexOf('--data')
const dataDir = resolve(
  flag >= 0 ? process.argv[flag + 1] ?? '' : process.env.ACCORD_SHARED_DATA ?? join(here, '../../../shared/data'),
)

/** Source spellings → the Party's name as the Kyoto Protocol's Annex B writes it. */
const partyName: Record<string, string> = {
  Czechia: 'Czech Republic',
  'European Community': 'European Union',
  'European Union (KP)': 'European Union',
  'United Kingdom': 'United Kingdom of Great Britain and Northern Ireland',
  'United States': 'United States of America',
  'Slovak Republic': 'Slovakia',
  Turkiye: 'Turkey',
}
const canonical = (name: string): string => partyName[name] ?? name

/**
 * Regions of the WITCH model the seed (001, Table 1) works in; Annex I Parties only.
 * Western and Eastern Europe form the seed's "EU" region; Russia and the other
 * former Soviet economies its "TE" region.
 */
const region: Record<string, string> = {
  'United States of America': 'USA',
  Australia: 'KOSAU',
  Canada: 'CAJAZ',
  Japan: 'CAJAZ',
  'New Zealand': 'CAJAZ',
  'Russian Federation': 'TE',
  Ukraine: 'TE',
  Belarus: 'TE',
  Kazakhstan: 'TE',
}

function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = []
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue
    const cells: string[] = []
    let cell = ''
    let quoted = false
    for (let i = 0; i < line.length; i++) {
      const c = line[i]
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') (cell += '"'), i++
        else if (c === '"') quoted = false
        else cell += c
      } else if (c === '"') quoted = true
      else if (c === ',') cells.push(cell), (cell = '')
      else cell += c
    }
    cells.push(cell)
    rows.push(cells)
  }
  const [header, ...body] = rows
  return body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])))
}

const read = (file: string) => parseCsv(readFileSync(join(dataDir, file), 'utf8'))
const num = (s: string | undefined): number | undefined =>
  s === undefined || s === '' || s === 'NA' ? undefined : Number(s)
const cell = (v: number | string | undefined): string => (v === undefined ? '' : String(v))

const cp1 = read('kp_annexB_cp1_qelrc.csv')
const cp2 = read('doha_amendment_annexB_cp2.csv')
const inventory = read('unfccc_annexI_total_ghg_excl_lulucf_ktCO2e_1990_2019.csv')
const worldBank = read('worldbank_population_gdp_current_usd_1990_2012.csv')
const owid = read('owid_population_gdp_cait_annexI_1990_2018.csv')

const years = Array.from({ length: 30 }, (_, i) => 1990 + i)
const parties = new Map<string, { eit: boolean; cp1?: number; cp2?: number; baseYear?: number }>()
for (const row of inventory) {
  if (row.party === 'European Union (Convention)') continue // the KP row is the Party
  parties.set(canonical(row.party), { eit: false, baseYear: num(row['Base year (UNFCCC)']) })
}
for (const row of cp1) {
  const p = parties.get(canonical(row.party))
  if (!p) throw new Error(`kp_annexB_cp1_qelrc.csv: "${row.party}" has no inventory row; add it to partyName`)
  p.cp1 = num(row.qelrc_cp1_pct_of_base_year)
  p.eit = row.eit_party === 'yes'
}
for (const row of cp2) {
  const p = parties.get(canonical(row.party))
  if (!p) throw new Error(`doha_amendment_annexB_cp2.csv: "${row.party}" has no inventory row; add it to partyName`)
  p.cp2 = num(row.qelrc_cp2_2013_2020_pct_base_year)
  p.eit ||= row.eit_party === 'yes'
}

const inscriptionLines = ['party,region,eit,aggregate,qelrc_cp1_pct,qelrc_cp2_pct,base_year_kt']
for (const [name, p] of [...parties].sort(([a], [b]) => a.localeCompare(b))) {
  const aggregate = name === 'European Union' ? 'yes' : ''
  const reg = region[name] ?? (aggregate ? '' : 'EU')
  inscriptionLines.push(
    [name, reg, p.eit ? 'yes' : '', aggregate, cell(p.cp1), cell(p.cp2), cell(p.baseYear)].join(','),
  )
}

type Year = { population?: number; populationWb?: number; gdpUsd?: number; ghgKt?: number }
const byPartyYear = new Map<string, Year>()
const slot = (party: string, year: number): Year => {
  const key = `${party}|${year}`
  let y = byPartyYear.get(key)
  if (!y) byPartyYear.set(key, (y = {}))
  return y
}
for (const row of inventory) {
  const name = canonical(row.party)
  if (!parties.has(name) || row.party === 'European Union (Convention)') continue
  for (const year of years) slot(name, year).ghgKt = num(row[String(year)])
}
for (const row of worldBank) {
  const name = canonical(row.country)
  if (!parties.has(name)) continue
  const y = slot(name, Number(row.year))
  y.populationWb = num(row['population_SP.POP.TOTL'])
  y.gdpUsd = num(row['gdp_current_usd_NY.GDP.MKTP.CD'])
}
const world: Record<number, { population?: number; ghgMt?: number }> = {}
for (const row of owid) {
  const year = Number(row.year)
  if (row.owid_entity === 'World') {
    world[year] = { population: num(row.population), ghgMt: num(row.cait_total_ghg_excl_lucf_MtCO2e) }
    continue
  }
  const name = canonical(row.unfccc_party)
  if (parties.has(name)) slot(name, year).population = num(row.population)
}

const yearLines = ['party,year,population,population_wb,gdp_current_usd_wb,ghg_excl_lulucf_kt']
for (const name of [...parties.keys()].sort()) {
  for (const year of years) {
    const y = slot(name, year)
    yearLines.push([name, year, cell(y.population), cell(y.populationWb), cell(y.gdpUsd), cell(y.ghgKt)].join(','))
  }
}
const worldLines = ['year,population,ghg_excl_lucf_mt_cait']
for (const year of years) {
  const w = world[year]
  if (w) worldLines.push([year, cell(w.population), cell(w.ghgMt)].join(','))
}

writeFileSync(join(here, 'inscriptions.csv'), inscriptionLines.join('\n') + '\n')
writeFileSync(join(here, 'party-years.csv'), yearLines.join('\n') + '\n')
writeFileSync(join(here, 'world.csv'), worldLines.join('\n') + '\n')
process.stdout.write(
  `yardsticks: ${parties.size} Parties, ${yearLines.length - 1} Party-years, ${worldLines.length - 1} world years from ${dataDir}\n`,
)
