// Every Party's years: emissions (one source a Party), GDP and population, traced to ../shared/data.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PartyTableError } from '../../shared/parties/party-file.ts'
import { parsePartyYears } from '../../shared/parties/party-years.ts'
import { buildPartyYearsCsv } from '../../templates/parties/build-years.ts'
import { readPartyTable } from '../../server/templates/read-template.ts'
import { referenceRows, SHARED_DIR } from './template-table.ts'

const file = resolve(import.meta.dirname, '../../templates/parties/party-years.csv')
const csv = readFileSync(file, 'utf8')
const parties = readPartyTable()
const of = (name: string) => parties.find((p) => p.name === name)!

describe('the party years', () => {
  it('is what the generator makes of ../shared/data (committed file up to date)', () => {
    expect(buildPartyYearsCsv(resolve(SHARED_DIR, 'data'))).toBe(csv)
  })

  it('takes an Annex I Party’s emissions from its inventory, so they match its base year', () => {
    const germany = of('Germany').series!
    expect(germany.ghgSource).toBe('unfccc')
    expect(germany.ghgKt.get(1990)).toBe(of('Germany').inventoryKt[1990])
    expect(germany.ghgKt.get(2019)).toBeDefined()
    // Turkey and the Union report inventories too; the Union has no GDP in the OWID file.
    expect(of('Türkiye').series!.ghgSource).toBe('unfccc')
    expect(of('European Community').series!.gdp.size).toBe(0)
  })

  it('takes a non-Annex I Party’s from CAIT (OWID), in kt, with GDP and population', () => {
    const row = referenceRows('owid_co2_ghg_population_gdp_all_countries_1990_2018.csv').find(
      (r) => r.iso_code === 'CHN' && r.year === '2005',
    )!
    const china = of('China').series!
    expect(china.ghgSource).toBe('cait')
    // 6856.61 Mt in the OWID file = 6,856,610 kt.
    expect(row.total_ghg_mtco2e).toBe('6856.61')
    expect(china.ghgKt.get(2005)).toBe(6_856_610)
    expect(china.gdp.get(2005)).toBe(Number(row.gdp_2011_intl_usd))
    expect(china.population.get(2005)).toBe(Number(row.population))
    expect(china.ghgKt.has(2017)).toBe(false) // CAIT ends in 2016
  })

  it('names the line and field of a bad value, and refuses a series that mixes sources', () => {
    const header = 'iso,year,ghg_kt,ghg_source,gdp_2011_intl_usd,population\n'
    expect(() => parsePartyYears(header + 'CN,2005,6856610,,1,1\n', 'y.csv')).toThrow(
      /y\.csv, row 2, field "ghg_source": is needed exactly when ghg_kt has a value/,
    )
    expect(() => parsePartyYears(header + 'CN,2005,1,cait,8.23e12,1\n', 'y.csv')).toThrowError(PartyTableError)
    expect(() => parsePartyYears(header + 'CN,2005,1,cait,1,1\nCN,2006,1,unfccc,1,1\n', 'y.csv')).toThrow(
      /row 3, field "ghg_source": CN mixes cait and unfccc/,
    )
    // A net sink is a real figure: negative emissions are kept.
    expect(
      parsePartyYears(header + 'BT,1990,-2930,cait,,\n', 'y.csv')
        .get('BT')!
        .ghgKt.get(1990),
    ).toBe(-2930)
  })
})
