import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatCsv, parseCsv } from '../../shared/parties/csv.ts'
import { PartyTableError, parsePartyTable } from '../../shared/parties/table.ts'
import { buildPartyTableCsv } from '../../templates/parties/build.ts'
import { PARTY_TABLE_FILE, SHARED_DIR, templatePartyTable } from './template-table.ts'

const csv = readFileSync(PARTY_TABLE_FILE, 'utf8')
const table = templatePartyTable()

/** Party names of the non-paper's Annex B (seed 004, lines 17–80), markers stripped as a caller would. */
function nonPaperAnnexBNames(): string[] {
  const lines = readFileSync(resolve(SHARED_DIR, 'seeds/004_ccbe212ca29a4449.txt'), 'utf8').split('\n').slice(16, 80)
  const names = lines
    .filter((l) => l.includes('\t'))
    .map((l) =>
      l
        .split('\t')[0]!
        .replace(/\^\{?[a-z]?\*?\}?|\[\*\]|\*/g, '')
        .trim(),
    )
    .filter((n) => n !== 'Party' && n !== '')
  return [...new Set(names)]
}

/** Replaces one cell of the template table (row = line in the file, header = 1). */
function withCell(row: number, column: string, value: string): string {
  const rows = parseCsv(csv).map((r) => r.fields)
  const header = rows[0]!
  expect(header).toContain(column)
  rows[row - 1]![header.indexOf(column)] = value
  return formatCsv(rows)
}

describe('the party table', () => {
  it('holds every Party of the non-paper’s Annex B, and Doha’s additions', () => {
    const names = nonPaperAnnexBNames()
    expect(names).toHaveLength(40)
    expect(names).toContain('European Community')
    for (const name of names) expect(table.byName(name)?.inNonPaperAnnexB, name).toBe(true)
    for (const name of ['Kazakhstan', 'Cyprus', 'Malta']) expect(table.get(name).inNonPaperAnnexB).toBe(false)
    // Those 43 are Annex B (the non-paper's 40 and Doha's 3), first and in that order.
    expect(table.parties.slice(0, 43).every((p) => p.annexB)).toBe(true)
    expect(table.parties.filter((p) => p.annexB)).toHaveLength(43)
  })

  it('holds every Party to the Convention: 198 (197 States and the Union), 43 of them in Annex I', () => {
    expect(table.parties).toHaveLength(198)
    // The Holy See acceded on 6 July 2022 (in force 4 October 2022), the 198th Party.
    expect(table.get('Holy See')).toMatchObject({ iso: 'VA', iso3: 'VAT', annexI: false, annexB: false })
    expect(table.parties.filter((p) => p.iso !== 'EU')).toHaveLength(197)
    const annexI = table.parties.filter((p) => p.annexI).map((p) => p.iso)
    expect(annexI).toHaveLength(43)
    // Türkiye is in Annex I but not Annex B; Kazakhstan in Annex B (Doha) but not Annex I.
    expect(table.get('Turkey')).toMatchObject({ name: 'Türkiye', annexI: true, annexB: false })
    expect(table.get('Kazakhstan')).toMatchObject({ annexI: false, annexB: true })
    // Names as the UN writes them, with the data's spellings as aliases.
    expect(table.get('Bolivia').unName).toBe('Bolivia (Plurinational State of)')
    expect(table.get('South Korea').name).toBe('Republic of Korea')
    expect(table.get("Cote d'Ivoire").iso).toBe('CI')
    expect(table.byIso('PS')?.name).toBe('State of Palestine')
    expect(table.get('Netherlands (Kingdom of the)').name).toBe('Netherlands')
    expect(new Set(table.parties.map((p) => p.iso3 ?? 'EU')).size).toBe(198)
  })

  it('gives every non-Annex I Party its 1990 CAIT total as an approximate base year, with its source', () => {
    // OWID file, China 1990: total_ghg_mtco2e 2901.78 → 2,901,780,000 t.
    const china = table.get('China')
    expect(china).toMatchObject({ baseYear: '1990', baseYearT: 2_901_780_000, baseYearPrecision: 'approximate' })
    expect(china.sources.baseYearT).toMatch(
      /owid_co2_ghg_population_gdp_all_countries_1990_2018\.csv total_ghg_mtco2e 1990/,
    )
    // A net sink in 1990 (Bhutan) and a Party the file does not cover (San Marino) have none, and say why.
    expect(table.get('Bhutan').baseYearT).toBeUndefined()
    expect(table.get('Bhutan').note).toMatch(/net sink/)
    expect(table.get('San Marino').note).toMatch(/no row for this Party/)
    for (const p of table.parties) expect(p.sources.annexI, p.name).not.toBe('')
  })

  it('finds Parties by the name the text writes, an alias, or ISO code', () => {
    expect(table.get('United Kingdom of Great Britain and Northern Ireland').iso).toBe('GB')
    expect(table.get('russian  federation').qelrcCp1Pct).toBe(100)
    expect(table.byName('Czechia')?.name).toBe('Czech Republic')
    expect(table.byIso('eu')?.name).toBe('European Community')
    expect(table.byName('Narnia')).toBeUndefined()
    expect(() => table.get('Austrai')).toThrow(
      /"Austrai" is not a Party to the Convention in the party table; did you mean Australia, Austria\?/,
    )
  })

  it('carries the first-period inscriptions of the Protocol (Annex B, 1997)', () => {
    // Figures from the Kyoto Protocol's Annex B as printed.
    expect(table.get('Australia').qelrcCp1Pct).toBe(108)
    expect(table.get('Iceland').qelrcCp1Pct).toBe(110)
    expect(table.get('United States of America').qelrcCp1Pct).toBe(93)
    expect(table.get('Hungary').eit).toBe(true)
    expect(table.get('Kazakhstan').qelrcCp1Pct).toBeUndefined()
    expect(table.get('Kazakhstan').note).toMatch(/not in the 1997 Annex B/)
  })

  it('marks base years exact only where an official first-period amount gives them', () => {
    expect(table.get('Belgium').baseYearPrecision).toBe('exact')
    expect(table.get('Japan').baseYearPrecision).toBe('approximate')
    expect(table.get('Hungary').baseYear).toBe('1985-1987')
    const exact = table.parties.filter((p) => p.baseYearPrecision === 'exact').map((p) => p.iso)
    // EU-15 + EC + 10 newer EU members + Croatia + Australia, New Zealand, Ukraine
    expect(exact).toHaveLength(30)
  })

  it('is what the generator makes of ../shared/data (committed file up to date)', () => {
    expect(buildPartyTableCsv(resolve(SHARED_DIR, 'data'))).toBe(csv)
  })
})

describe('a bad party table', () => {
  it('names file, row and field of a malformed number', () => {
    // Row 5 is Belgium: header is row 1, Australia 2, Austria 3, Belarus 4.
    const text = withCell(5, 'qelrc_cp1_pct', '92,5')
    expect(() => parsePartyTable(text, 'parties.csv')).toThrowError(PartyTableError)
    try {
      parsePartyTable(text, 'parties.csv')
    } catch (error) {
      const e = error as PartyTableError
      expect([e.file, e.row, e.field]).toEqual(['parties.csv', 5, 'qelrc_cp1_pct'])
      expect(e.message).toMatch(/parties\.csv, row 5, field "qelrc_cp1_pct": "92,5" is not a plain number/)
    }
  })

  it('refuses a number without its source', () => {
    const text = withCell(5, 'source_qelrc_cp1', '')
    expect(() => parsePartyTable(text, 'p.csv')).toThrow(
      /p\.csv, row 5, field "source_qelrc_cp1": "" is empty but qelrc_cp1_pct has a value/,
    )
  })

  it('refuses a yes/no column with another word', () => {
    expect(() => parsePartyTable(withCell(5, 'eit', 'maybe'), 'p.csv')).toThrow(
      /row 5, field "eit": "maybe" must be "yes" or "no"/,
    )
  })

  it('names a missing column and a row with too many fields', () => {
    const noNote = csv.replace(',note\n', '\n')
    expect(() => parsePartyTable(noNote, 'p.csv')).toThrow(/p\.csv, row 1, field "note": column is missing/)
    const lines = csv.split('\n')
    lines[4] += ',extra'
    expect(() => parsePartyTable(lines.join('\n'), 'p.csv')).toThrow(
      /p\.csv, row 5, field "\(row\)": has 44 fields where the header has 43/,
    )
  })
})
