/**
 * Reading the reference data folder (`../shared/data`) for the party table's
 * generators: CSV files as rows of column → text, and numbers written back plainly.
 */
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseCsv } from '../../shared/parties/csv.ts'

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** The reference data folder used when no argument is given (`../shared/data` from the repo root). */
export const DEFAULT_DATA_DIR = resolve(REPO_ROOT, '../shared/data')

/** A row of a CSV file: column → text. */
export type Row = Record<string, string>

/** The rows of a CSV file in `dir`; the error names the file. */
export function readTable(dir: string, file: string): Row[] {
  const path = resolve(dir, file)
  const [header, ...records] = parseCsv(readFileSync(path, 'utf8'), path)
  if (!header) throw new Error(`${path} is empty`)
  return records.map((r) => Object.fromEntries(header.fields.map((c, i) => [c, r.fields[i] ?? ''])))
}

/** Rows keyed by one column's text. */
export function indexBy(rows: Row[], column: string): Map<string, Row> {
  return new Map(rows.map((r) => [r[column]!, r]))
}

/** A number as plain decimal text, without trailing zeros after the decimal point. */
export function plain(n: number, decimals: number): string {
  const text = n.toFixed(decimals)
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text
}

/** The OWID all-countries file: every country 1990–2018, by ISO alpha-3 code and year. */
export const OWID_FILE = 'owid_co2_ghg_population_gdp_all_countries_1990_2018.csv'

/** The OWID file's rows grouped by ISO alpha-3 code, each group by year. */
export function readOwid(dataDir: string): Map<string, Map<number, Row>> {
  const out = new Map<string, Map<number, Row>>()
  for (const row of readTable(dataDir, OWID_FILE)) {
    const years = out.get(row.iso_code!) ?? new Map<number, Row>()
    years.set(Number(row.year), row)
    out.set(row.iso_code!, years)
  }
  return out
}

/** The UNFCCC Annex I inventory file (kt CO₂ eq without LULUCF, 1990–2019). */
export const UNFCCC_FILE = 'unfccc_annexI_total_ghg_excl_lulucf_ktCO2e_1990_2019.csv'

/** How the UNFCCC inventory file spells a Party the party table spells otherwise. */
export const UNFCCC_SPELLINGS: Record<string, string> = {
  'Czech Republic': 'Czechia',
  'European Community': 'European Union (KP)',
  Türkiye: 'Turkey',
}
