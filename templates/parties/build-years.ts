/**
 * Generates `templates/parties/party-years.csv`: every Party's emissions, GDP
 * and population by year, for the commitments that need more than the party
 * table's inventory years (intensity, business as usual). Run through
 * `build.ts`, which writes both files.
 *
 * Emissions are the UNFCCC inventory (kt CO₂ eq without LULUCF, 1990–2019)
 * for every Party that reports one, so a Party's series matches its base year;
 * for the others, CAIT's total GHG including land-use change (OWID, to 2016),
 * in kt. A Party's series never mixes the two. GDP and population come from
 * the OWID file for every Party it has.
 */
import { resolve } from 'node:path'
import { formatCsv } from '../../shared/parties/csv.ts'
import { PARTY_YEAR_COLUMNS } from '../../shared/parties/party-years.ts'
import { readPartyList } from './party-list.ts'
import { DEFAULT_DATA_DIR, indexBy, plain, readOwid, readTable, REPO_ROOT, UNFCCC_FILE, UNFCCC_SPELLINGS } from './reference-data.ts'

/** Where the generated file is written. */
export const PARTY_YEARS_PATH = resolve(REPO_ROOT, 'templates/parties/party-years.csv')

const FIRST_YEAR = 1990
const LAST_YEAR = 2019

/** Builds the CSV text of every Party's years from the reference data folder. */
export function buildPartyYearsCsv(dataDir: string = DEFAULT_DATA_DIR): string {
  const owid = readOwid(dataDir)
  const unfccc = indexBy(readTable(dataDir, UNFCCC_FILE), 'party')
  const rows: string[][] = [[...PARTY_YEAR_COLUMNS]]
  for (const party of readPartyList()) {
    const inventory = unfccc.get(UNFCCC_SPELLINGS[party.name] ?? party.name)
    const years = owid.get(party.iso3)
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      const o = years?.get(year)
      const cait = o?.total_ghg_mtco2e
      const ghg = inventory ? (inventory[String(year)] ?? '') : cait ? plain(Number(cait) * 1000, 3) : ''
      const source = ghg === '' ? '' : inventory ? 'unfccc' : 'cait'
      const gdp = o?.gdp_2011_intl_usd ? plain(Number(o.gdp_2011_intl_usd), 0) : ''
      const population = o?.population ? plain(Number(o.population), 0) : ''
      if (ghg === '' && gdp === '' && population === '') continue
      rows.push([party.iso, String(year), ghg, source, gdp, population])
    }
  }
  return formatCsv(rows)
}
