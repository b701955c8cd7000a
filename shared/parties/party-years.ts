/**
 * Every Party's emissions, GDP and population year by year
 * (`templates/parties/party-years.csv`): what intensity and business-as-usual
 * commitments need — a base year's emissions per unit of GDP, a recent trend —
 * beyond the few inventory years of the party table. Pure: text in, series out.
 */
import { partyFileRecords, PartyTableError } from './party-file.ts'

/** Where a Party's emissions series comes from; the two differ in scope, so a series never mixes them. */
export const EMISSIONS_SERIES = {
  unfccc: 'UNFCCC inventory (2021 submissions, AR4 GWPs), without LULUCF',
  cait: 'CAIT total GHG via OWID, including land-use change and forestry (not an inventory)',
} as const

/** The source of an emissions series. */
export type EmissionsSeriesSource = keyof typeof EMISSIONS_SERIES

/** What GDP and population figures are, for every Party. */
export const GDP_SERIES = 'total real GDP, 2011 international $ (Maddison Project via OWID; rounded to three figures)'
/** What the population figures are. */
export const POPULATION_SERIES = 'population (Gapminder and UN via OWID)'

/** One Party's years. Years without a figure are absent from the maps. */
export interface PartySeries {
  /** Total emissions, kt (= Gg) CO₂ eq, by year. */
  ghgKt: ReadonlyMap<number, number>
  ghgSource: EmissionsSeriesSource
  /** GDP, 2011 international $, by year. */
  gdp: ReadonlyMap<number, number>
  population: ReadonlyMap<number, number>
}

/** The columns of the file, in order. */
export const PARTY_YEAR_COLUMNS = ['iso', 'year', 'ghg_kt', 'ghg_source', 'gdp_2011_intl_usd', 'population'] as const

const NUMBER = /^\d+(\.\d+)?$/
// Emissions with land-use change can be negative: a net sink.
const SIGNED = /^-?\d+(\.\d+)?$/

/**
 * Parses the file into series by ISO code. Throws `PartyTableError` naming the
 * file, line and field of the first bad value.
 */
export function parsePartyYears(csvText: string, fileName: string): Map<string, PartySeries> {
  const [header, ...rows] = partyFileRecords(csvText, fileName)
  if (!header || header.fields.join(',') !== PARTY_YEAR_COLUMNS.join(','))
    throw new PartyTableError(fileName, 1, '(header)', `the first line must be ${PARTY_YEAR_COLUMNS.join(',')}`)
  const out = new Map<
    string,
    {
      ghgKt: Map<number, number>
      ghgSource?: EmissionsSeriesSource
      gdp: Map<number, number>
      population: Map<number, number>
    }
  >()
  for (const { line, fields } of rows) {
    if (fields.length !== PARTY_YEAR_COLUMNS.length)
      throw new PartyTableError(
        fileName,
        line,
        '(row)',
        `has ${fields.length} fields, the header ${PARTY_YEAR_COLUMNS.length}`,
      )
    const [iso, yearText, ghg, source, gdp, population] = fields as [string, string, string, string, string, string]
    if (!/^[A-Z]{2}$/.test(iso)) throw new PartyTableError(fileName, line, 'iso', `"${iso}" is not an alpha-2 code`)
    if (!/^\d{4}$/.test(yearText)) throw new PartyTableError(fileName, line, 'year', `"${yearText}" is not a year`)
    for (const [field, value] of [
      ['ghg_kt', ghg],
      ['gdp_2011_intl_usd', gdp],
      ['population', population],
    ] as const) {
      if (value !== '' && !(field === 'ghg_kt' ? SIGNED : NUMBER).test(value))
        throw new PartyTableError(fileName, line, field, `"${value}" is not a plain number (digits and a "." only)`)
    }
    if ((ghg === '') !== (source === ''))
      throw new PartyTableError(fileName, line, 'ghg_source', 'is needed exactly when ghg_kt has a value')
    if (source !== '' && !(source in EMISSIONS_SERIES))
      throw new PartyTableError(
        fileName,
        line,
        'ghg_source',
        `"${source}" is not one of ${Object.keys(EMISSIONS_SERIES).join(', ')}`,
      )
    let series = out.get(iso)
    if (!series) out.set(iso, (series = { ghgKt: new Map(), gdp: new Map(), population: new Map() }))
    const year = Number(yearText)
    if (ghg !== '') {
      if (series.ghgSource && series.ghgSource !== source)
        throw new PartyTableError(
          fileName,
          line,
          'ghg_source',
          `${iso} mixes ${series.ghgSource} and ${source}: one source a Party`,
        )
      series.ghgSource = source as EmissionsSeriesSource
      series.ghgKt.set(year, Number(ghg))
    }
    if (gdp !== '') series.gdp.set(year, Number(gdp))
    if (population !== '') series.population.set(year, Number(population))
  }
  return new Map([...out].map(([iso, s]) => [iso, { ...s, ghgSource: s.ghgSource ?? 'cait' }]))
}
