/**
 * Generates `templates/parties/parties.csv` from the reference data in
 * `../shared/data` (or the folder given as the first argument), so that every
 * figure of the party table can be re-derived and traced to its source.
 *
 *   npx tsx templates/parties/build.ts [DATA_DIR]
 *
 * Nothing is invented: where the data has no figure the field stays empty and
 * the note says why.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { formatCsv, parseCsv } from '../../shared/parties/csv.ts'
import { PARTY_COLUMNS, type PartyColumn } from '../../shared/parties/party.ts'

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** Where the generated table is written. */
export const PARTY_TABLE_PATH = resolve(REPO_ROOT, 'templates/parties/parties.csv')

/** The reference data folder used when no argument is given (`../shared/data` from the repo root). */
export const DEFAULT_DATA_DIR = resolve(REPO_ROOT, '../shared/data')

/** Parties in the order the non-paper's Annex B lists them, then those the Doha Amendment added. */
const PARTIES: readonly { name: string; iso: string; aliases?: string[]; doha?: true }[] = [
  { name: 'Australia', iso: 'AU' },
  { name: 'Austria', iso: 'AT' },
  { name: 'Belarus', iso: 'BY' },
  { name: 'Belgium', iso: 'BE' },
  { name: 'Bulgaria', iso: 'BG' },
  { name: 'Canada', iso: 'CA' },
  { name: 'Croatia', iso: 'HR' },
  { name: 'Czech Republic', iso: 'CZ', aliases: ['Czechia'] },
  { name: 'Denmark', iso: 'DK' },
  { name: 'Estonia', iso: 'EE' },
  { name: 'European Community', iso: 'EU', aliases: ['European Union', 'European Union (KP)'] },
  { name: 'Finland', iso: 'FI' },
  { name: 'France', iso: 'FR' },
  { name: 'Germany', iso: 'DE' },
  { name: 'Greece', iso: 'GR' },
  { name: 'Hungary', iso: 'HU' },
  { name: 'Iceland', iso: 'IS' },
  { name: 'Ireland', iso: 'IE' },
  { name: 'Italy', iso: 'IT' },
  { name: 'Japan', iso: 'JP' },
  { name: 'Latvia', iso: 'LV' },
  { name: 'Liechtenstein', iso: 'LI' },
  { name: 'Lithuania', iso: 'LT' },
  { name: 'Luxembourg', iso: 'LU' },
  { name: 'Monaco', iso: 'MC' },
  { name: 'Netherlands', iso: 'NL' },
  { name: 'New Zealand', iso: 'NZ' },
  { name: 'Norway', iso: 'NO' },
  { name: 'Poland', iso: 'PL' },
  { name: 'Portugal', iso: 'PT' },
  { name: 'Romania', iso: 'RO' },
  { name: 'Russian Federation', iso: 'RU', aliases: ['Russia'] },
  { name: 'Slovakia', iso: 'SK' },
  { name: 'Slovenia', iso: 'SI' },
  { name: 'Spain', iso: 'ES' },
  { name: 'Sweden', iso: 'SE' },
  { name: 'Switzerland', iso: 'CH' },
  { name: 'Ukraine', iso: 'UA' },
  { name: 'United Kingdom of Great Britain and Northern Ireland', iso: 'GB', aliases: ['United Kingdom'] },
  { name: 'United States of America', iso: 'US', aliases: ['United States'] },
  { name: 'Kazakhstan', iso: 'KZ', doha: true },
  { name: 'Cyprus', iso: 'CY', doha: true },
  { name: 'Malta', iso: 'MT', doha: true },
]

/** The fifteen member States of the first-period bubble (Decision 2002/358/EC). */
const EU15 = new Set(['Austria', 'Belgium', 'Denmark', 'Finland', 'France', 'Germany', 'Greece', 'Ireland', 'Italy', 'Luxembourg', 'Netherlands', 'Portugal', 'Spain', 'Sweden', 'United Kingdom of Great Britain and Northern Ireland'])

/**
 * Base years other than 1990 (Article 3, paragraph 5). Not in the reference
 * data: taken from the COP decisions; the UNFCCC file corroborates them in that
 * exactly these five Parties have a base-year total that differs from 1990.
 */
const EIT_BASE_YEARS: Record<string, { year: string; source: string }> = {
  Bulgaria: { year: '1988', source: 'decision 9/CP.2 (not in ../shared/data)' },
  Hungary: { year: '1985-1987', source: 'decision 9/CP.2 (not in ../shared/data)' },
  Poland: { year: '1988', source: 'decision 9/CP.2 (not in ../shared/data)' },
  Romania: { year: '1989', source: 'decision 9/CP.2 (not in ../shared/data)' },
  Slovenia: { year: '1986', source: 'decision 11/CP.4 (not in ../shared/data)' },
}

/** How the data files spell a Party the non-paper spells differently. */
const SPELLINGS: Record<string, Record<string, string>> = {
  unfccc: { 'Czech Republic': 'Czechia', 'European Community': 'European Union (KP)' },
  doha: { 'European Community': 'European Union', 'United Kingdom of Great Britain and Northern Ireland': 'United Kingdom' },
  eu: { 'European Community': 'European Union (EU-15 joint fulfilment bubble)', 'United Kingdom of Great Britain and Northern Ireland': 'United Kingdom' },
  telegraph: { 'European Community': 'EU-15', 'United Kingdom of Great Britain and Northern Ireland': 'United Kingdom' },
  euIceland: { 'United Kingdom of Great Britain and Northern Ireland': 'United Kingdom' },
}

const NOTES: Record<string, string> = {
  Australia: 'Base year and CP1 assigned amount include 1990 land-use-change net emissions (Art. 3.7 second sentence, the 7 bis LULUCF sentence); the inventory totals exclude LULUCF.',
  Belarus: 'CP1 QELRC 92 is written in the non-paper (Annex B amendment under decision 10/CMP.2, never in force): no first-period assigned amount exists; base year is the inventory one.',
  Canada: 'No exact CP1 assigned amount in the data; withdrew from the Protocol in 2012. The Doha second table (Canada, Japan, New Zealand, Russian Federation) is missing from the data, so CP2 fields are empty.',
  Croatia: 'Base year includes +3.5 Mt allowed by decision 7/CP.12 (EEA note in cp1_assigned_amounts_non_eu_found.csv).',
  'European Community': 'Base year, QELRC and CP1 assigned amount are the EU-15 bubble of the first period. Inventory totals are the EU (KP) series of the 2021 submissions, which covers the Union of the second period (EU-28 and more), not the EU-15: do not compare them with the base year.',
  Iceland: 'No exact CP1 assigned amount in the data; base year is the inventory one (approximate).',
  Japan: 'Official CP1 assigned amount known only rounded (about 5.9e9 t; base year about 1,261 Mt, MOEJ 2006), so the base year is the inventory one. Doha second table missing from the data.',
  Kazakhstan: 'No first-period QELRC: not in the 1997 Annex B; the Doha Amendment added it for 2013-2020.',
  Cyprus: 'No first-period QELRC: not in the 1997 Annex B; second period inscribed by Doha under EU joint fulfilment.',
  Malta: 'No first-period QELRC: not in the 1997 Annex B; second period inscribed by Doha under EU joint fulfilment.',
  Liechtenstein: 'No exact CP1 assigned amount in the data; base year is the inventory one (approximate).',
  Monaco: 'No exact CP1 assigned amount in the data; base year is the inventory one (approximate).',
  'New Zealand': 'Doha second table missing from the data, so CP2 fields are empty.',
  Norway: 'Official CP1 assigned amount known only rounded (50.1 Mt a year), so the base year is the inventory one.',
  'Russian Federation': 'No exact CP1 assigned amount in the data; base year is the inventory one. Doha second table missing from the data.',
  Switzerland: 'No exact CP1 assigned amount in the data; base year is the inventory one (approximate).',
  'United States of America': 'Never ratified the Protocol; not in the Doha Amendment. No CP1 assigned amount; base year is the inventory one.',
}

type Row = Record<string, string>

function readTable(dataDir: string, file: string): Row[] {
  const path = resolve(dataDir, file)
  const [header, ...records] = parseCsv(readFileSync(path, 'utf8'), path)
  if (!header) throw new Error(`${path} is empty`)
  return records.map((r) => Object.fromEntries(header.fields.map((c, i) => [c, r.fields[i] ?? ''])))
}

function indexBy(rows: Row[], column: string): Map<string, Row> {
  return new Map(rows.map((r) => [r[column]!, r]))
}

/** A number as plain decimal text, without trailing zeros. */
function plain(n: number, decimals: number): string {
  return n.toFixed(decimals).replace(/\.?0+$/, '')
}

function lookup(index: Map<string, Row>, file: keyof typeof SPELLINGS, name: string): Row | undefined {
  return index.get(SPELLINGS[file]![name] ?? name)
}

/** Builds the party table's CSV text from the reference data folder. */
export function buildPartyTableCsv(dataDir: string = DEFAULT_DATA_DIR): string {
  const kp = indexBy(readTable(dataDir, 'kp_annexB_cp1_qelrc.csv'), 'party')
  const euAa = indexBy(readTable(dataDir, 'eu_cp1_emission_levels_decision_2006_944_as_amended_2010.csv'), 'party')
  const nonEuAa = indexBy(readTable(dataDir, 'cp1_assigned_amounts_non_eu_found.csv'), 'party')
  const telegraph = indexBy(readTable(dataDir, 'eu_burden_sharing_and_base_year_telegraph_2008.csv'), 'member_state')
  const unfccc = indexBy(readTable(dataDir, 'unfccc_annexI_total_ghg_excl_lulucf_ktCO2e_1990_2019.csv'), 'party')
  const doha = indexBy(readTable(dataDir, 'doha_amendment_annexB_cp2.csv'), 'party')
  const euIceland = indexBy(readTable(dataDir, 'eu_iceland_cp2_joint_fulfilment_emission_levels_t.csv'), 'party')

  const rows: string[][] = [[...PARTY_COLUMNS]]
  for (const { name, iso, aliases, doha: addedByDoha } of PARTIES) {
    const row = Object.fromEntries(PARTY_COLUMNS.map((c) => [c, ''])) as Record<PartyColumn, string>
    const kpRow = kp.get(name)
    const dohaRow = lookup(doha, 'doha', name)
    const euRow = lookup(euAa, 'eu', name)
    const nonEuRow = nonEuAa.get(name)
    const tgRow = lookup(telegraph, 'telegraph', name)
    const invRow = lookup(unfccc, 'unfccc', name)
    const jfRow = lookup(euIceland, 'euIceland', name)
    const inBubble = EU15.has(name)

    row.name = name
    row.iso = iso
    row.aliases = (aliases ?? []).join(';')
    row.in_nonpaper_annex_b = addedByDoha ? 'no' : 'yes'
    if (kpRow) {
      row.eit = kpRow.eit_party === 'yes' ? 'yes' : 'no'
      row.source_eit = 'kp_annexB_cp1_qelrc.csv'
      row.qelrc_cp1_pct = kpRow.qelrc_cp1_pct_of_base_year!
      row.source_qelrc_cp1 = 'kp_annexB_cp1_qelrc.csv (Kyoto Protocol Annex B, 1997)'
    } else if (dohaRow) {
      row.eit = dohaRow.eit_party === 'yes' ? 'yes' : 'no'
      row.source_eit = 'doha_amendment_annexB_cp2.csv'
    }
    if (name === 'Belarus') {
      row.qelrc_cp1_pct = '92'
      row.source_qelrc_cp1 = 'seeds/004 non-paper Annex B Option 1, footnote a (decision 10/CMP.2 amendment, not in force)'
    }

    const eit = EIT_BASE_YEARS[name]
    row.base_year = eit?.year ?? '1990'
    const dohaReference = !kpRow && dohaRow?.reference_year === '1990'
    row.source_base_year =
      eit?.source ??
      (dohaReference
        ? 'doha_amendment_annexB_cp2.csv (reference year 1990)'
        : kpRow
          ? 'Kyoto Protocol Art. 3.7 (1990)'
          : 'unfccc_annexI_total_ghg_excl_lulucf_ktCO2e_1990_2019.csv (base-year total equals 1990)')

    // Exact base years come from official first-period assigned amounts; the
    // EU-15 member States' amounts follow their burden-sharing share, the others
    // their Annex B QELRC.
    const share = inBubble ? 100 + Number(tgRow!.target_2008_12_pct_change_vs_base_year) : Number(row.qelrc_cp1_pct)
    if (euRow?.cp1_emission_level_tCO2e_2008_2012) {
      row.cp1_assigned_amount_t = euRow.cp1_emission_level_tCO2e_2008_2012
      row.source_cp1_assigned_amount = 'eu_cp1_emission_levels_decision_2006_944_as_amended_2010.csv (Decision 2006/944/EC as amended; Croatia 2013/644/EU)'
    } else if (nonEuRow?.precision === 'exact') {
      row.cp1_assigned_amount_t = nonEuRow.cp1_assigned_amount_tCO2e!
      row.source_cp1_assigned_amount = `cp1_assigned_amounts_non_eu_found.csv (${nonEuRow.source_url})`
    }
    if (row.cp1_assigned_amount_t) {
      row.base_year_t = plain(Number(row.cp1_assigned_amount_t) / ((share / 100) * 5), 4)
      row.base_year_precision = 'exact'
      row.source_base_year_t = `derived: cp1_assigned_amount_t / (${plain(share, 1)}% x 5)${inBubble ? ' (burden-sharing share)' : ''}`
    } else if (invRow) {
      row.base_year_t = plain(Math.round(Number(invRow['Base year (UNFCCC)']) * 1000), 0)
      row.base_year_precision = 'approximate'
      row.source_base_year_t = 'derived: inv_base_year_kt x 1000 (2021 inventory, AR4 GWPs, not the original review)'
    }

    if (tgRow?.kyoto_base_year_Mt) {
      row.published_base_year_mt = tgRow.kyoto_base_year_Mt
      row.source_published_base_year = 'eu_burden_sharing_and_base_year_telegraph_2008.csv (EEA 2008 via Telegraph)'
    }

    if (invRow) {
      const kt = (year: string) => Number(invRow[year])
      row.inv_base_year_kt = invRow['Base year (UNFCCC)']!
      row.inv_1990_kt = invRow['1990']!
      row.inv_2000_kt = invRow['2000']!
      row.inv_2005_kt = invRow['2005']!
      row.inv_2007_kt = invRow['2007']!
      row.inv_2008_2012_kt = plain(['2008', '2009', '2010', '2011', '2012'].reduce((sum, y) => sum + kt(y), 0), 3)
      row.source_inventory = `unfccc_annexI_total_ghg_excl_lulucf_ktCO2e_1990_2019.csv (series "${invRow.party}", 2021 submissions, AR4 GWPs; 2008-2012 is the five-year sum)`
    }

    row.eu_cp1_bubble = inBubble ? 'yes' : 'no'
    if (inBubble) {
      row.burden_sharing_pct = plain(share, 1)
      row.source_burden_sharing = 'eu_burden_sharing_and_base_year_telegraph_2008.csv (100 + target % change)'
    }
    row.eu_cp2_joint_fulfilment = jfRow || name === 'European Community' ? 'yes' : 'no'
    if (jfRow) {
      row.cp2_joint_fulfilment_level_t = jfRow.cp2_emission_level_tCO2e_2013_2020_before_art3_7bis!
      row.source_cp2_joint_fulfilment = 'eu_iceland_cp2_joint_fulfilment_emission_levels_t.csv (EU-Iceland agreement 2015, Table 1; non-ETS part only)'
    }

    if (dohaRow) {
      row.qelrc_cp2_pct = dohaRow.qelrc_cp2_2013_2020_pct_base_year!
      row.cp2_reference_year = dohaRow.reference_year === 'NA' ? '' : dohaRow.reference_year!
      row.qelrc_cp2_pct_reference_year = dohaRow.qelrc_cp2_pct_reference_year === 'NA' ? '' : dohaRow.qelrc_cp2_pct_reference_year!
      row.source_qelrc_cp2 = 'doha_amendment_annexB_cp2.csv (Doha Amendment Annex B, 2012)'
    }

    if (name === 'Australia') {
      const lulucfT = Number(row.base_year_t) - Number(row.inv_base_year_kt) * 1000
      row.lulucf_1990_net_source = 'yes'
      row.lulucf_1990_net_t = plain(lulucfT, 4)
      row.source_lulucf =
        'derived: base_year_t (CP1 AA, includes 1990 land-use change) - inv_base_year_kt x 1000 (excludes LULUCF); approximate: the two come from different inventory vintages and GWPs'
    }

    row.note = NOTES[name] ?? ''
    rows.push(PARTY_COLUMNS.map((c) => row[c]))
  }
  return formatCsv(rows)
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dataDir = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_DATA_DIR
  writeFileSync(PARTY_TABLE_PATH, buildPartyTableCsv(dataDir))
  process.stdout.write(`wrote ${PARTY_TABLE_PATH} from ${dataDir}\n`)
}
