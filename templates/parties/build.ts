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
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { formatCsv } from '../../shared/parties/csv.ts'
import { PARTY_COLUMNS, type PartyColumn } from '../../shared/parties/party.ts'
import { buildPartyYearsCsv, PARTY_YEARS_PATH } from './build-years.ts'
import { PARTY_LIST_SOURCE, readPartyList, type ListedParty } from './party-list.ts'
import {
  DEFAULT_DATA_DIR,
  indexBy,
  OWID_FILE,
  plain,
  readOwid,
  readTable,
  REPO_ROOT,
  UNFCCC_FILE,
  UNFCCC_SPELLINGS,
  type Row,
} from './reference-data.ts'

export { DEFAULT_DATA_DIR }

/** Where the generated table is written. */
export const PARTY_TABLE_PATH = resolve(REPO_ROOT, 'templates/parties/parties.csv')

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
  unfccc: UNFCCC_SPELLINGS,
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

function lookup(index: Map<string, Row>, file: keyof typeof SPELLINGS, name: string): Row | undefined {
  return index.get(SPELLINGS[file]![name] ?? name)
}

/** Builds the party table's CSV text from the reference data folder. */
export function buildPartyTableCsv(dataDir: string = DEFAULT_DATA_DIR): string {
  const kp = indexBy(readTable(dataDir, 'kp_annexB_cp1_qelrc.csv'), 'party')
  const euAa = indexBy(readTable(dataDir, 'eu_cp1_emission_levels_decision_2006_944_as_amended_2010.csv'), 'party')
  const nonEuAa = indexBy(readTable(dataDir, 'cp1_assigned_amounts_non_eu_found.csv'), 'party')
  const telegraph = indexBy(readTable(dataDir, 'eu_burden_sharing_and_base_year_telegraph_2008.csv'), 'member_state')
  const unfccc = indexBy(readTable(dataDir, UNFCCC_FILE), 'party')
  const doha = indexBy(readTable(dataDir, 'doha_amendment_annexB_cp2.csv'), 'party')
  const euIceland = indexBy(readTable(dataDir, 'eu_iceland_cp2_joint_fulfilment_emission_levels_t.csv'), 'party')
  const owid = readOwid(dataDir)

  const rows: string[][] = [[...PARTY_COLUMNS]]
  for (const listed of readPartyList()) {
    const { name, iso, annexB } = listed
    const row = Object.fromEntries(PARTY_COLUMNS.map((c) => [c, ''])) as Record<PartyColumn, string>
    const owidYears = owid.get(listed.iso3)
    row.name = name
    row.iso = iso
    row.aliases = aliasesOf(listed, owidYears).join(';')
    row.un_name = listed.unName
    row.iso3 = listed.iso3
    row.in_nonpaper_annex_b = annexB === 'nonpaper' ? 'yes' : 'no'
    row.annex_b = annexB === '' ? 'no' : 'yes'
    row.annex_i = listed.annexI ? 'yes' : 'no'
    row.source_annex_i = PARTY_LIST_SOURCE
    if (annexB === '') {
      outsideAnnexB(row, lookup(unfccc, 'unfccc', name), owidYears)
      rows.push(PARTY_COLUMNS.map((c) => row[c]))
      continue
    }
    const kpRow = kp.get(name)
    const dohaRow = lookup(doha, 'doha', name)
    const euRow = lookup(euAa, 'eu', name)
    const nonEuRow = nonEuAa.get(name)
    const tgRow = lookup(telegraph, 'telegraph', name)
    const invRow = lookup(unfccc, 'unfccc', name)
    const jfRow = lookup(euIceland, 'euIceland', name)
    const inBubble = EU15.has(name)

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

    if (invRow) fillInventory(row, invRow)

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

/** The inventory columns from the UNFCCC file's row. */
function fillInventory(row: Record<PartyColumn, string>, invRow: Row): void {
  const kt = (year: string) => Number(invRow[year])
  row.inv_base_year_kt = invRow['Base year (UNFCCC)']!
  row.inv_1990_kt = invRow['1990']!
  row.inv_2000_kt = invRow['2000']!
  row.inv_2005_kt = invRow['2005']!
  row.inv_2007_kt = invRow['2007']!
  row.inv_2008_2012_kt = plain(['2008', '2009', '2010', '2011', '2012'].reduce((sum, y) => sum + kt(y), 0), 3)
  row.source_inventory = `${UNFCCC_FILE} (series "${invRow.party}", 2021 submissions, AR4 GWPs; 2008-2012 is the five-year sum)`
}

/** Other spellings: the UN's name, the list's aliases, the OWID file's name, each once and never the name itself. */
function aliasesOf(listed: ListedParty, owidYears: Map<number, Row> | undefined): string[] {
  const owidName = owidYears?.values().next().value?.country
  const all = [listed.unName, ...listed.aliases, ...(owidName ? [owidName] : [])]
  return [...new Set(all)].filter((a) => a !== listed.name)
}

/**
 * A Party outside Annex B (Türkiye and every non-Annex I Party): no QELRC, no
 * first-period amount. Its base year is 1990, the year paragraph 1 bis
 * measures against, from the UNFCCC inventory where it reports one (Türkiye),
 * else CAIT's 1990 total — which includes land-use change, so it is marked
 * approximate and is not comparable with an inventory.
 */
function outsideAnnexB(
  row: Record<PartyColumn, string>,
  invRow: Row | undefined,
  owidYears: Map<number, Row> | undefined,
): void {
  row.eit = 'no'
  row.source_eit = row.annex_i === 'yes' ? 'Convention Annex I (not marked as an economy in transition)' : 'not in Convention Annex I'
  row.eu_cp1_bubble = 'no'
  row.eu_cp2_joint_fulfilment = 'no'
  const cait1990 = owidYears?.get(1990)?.total_ghg_mtco2e
  if (invRow) {
    fillInventory(row, invRow)
    row.base_year = '1990'
    row.source_base_year = `${UNFCCC_FILE} (base-year total equals 1990)`
    row.base_year_t = plain(Math.round(Number(invRow['Base year (UNFCCC)']) * 1000), 0)
    row.base_year_precision = 'approximate'
    row.source_base_year_t = 'derived: inv_base_year_kt x 1000 (2021 inventory, AR4 GWPs; no Kyoto base year: not in Annex B)'
    row.note = 'In Convention Annex I but not in Annex B: no QELRC. Base year is the inventory one (approximate).'
  } else if (cait1990 && Number(cait1990) <= 0) {
    row.note = `Not in Annex I. CAIT's 1990 total with land-use change is a net sink (${cait1990} Mt CO2 eq): no base year.`
  } else if (cait1990) {
    row.base_year = '1990'
    row.source_base_year = 'paragraph 1 bis Option 4 ("below 1990 levels")'
    row.base_year_t = plain(Math.round(Number(cait1990) * 1e6), 0)
    row.base_year_precision = 'approximate'
    row.source_base_year_t = `derived: ${OWID_FILE} total_ghg_mtco2e 1990 x 1e6 (CAIT, with LUCF)`
    row.note = 'Not in Annex I. Base year: CAIT total with land-use change (OWID), not an inventory.'
  } else {
    row.note = owidYears
      ? 'Not in Annex I: no QELRC. The OWID file has no 1990 total GHG for this Party (CAIT does not cover it), so there is no base year.'
      : 'Not in Annex I: no QELRC. The OWID file has no row for this Party: no base year, emissions, GDP or population.'
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dataDir = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_DATA_DIR
  writeFileSync(PARTY_TABLE_PATH, buildPartyTableCsv(dataDir))
  writeFileSync(PARTY_YEARS_PATH, buildPartyYearsCsv(dataDir))
  process.stdout.write(`wrote ${PARTY_TABLE_PATH} and ${PARTY_YEARS_PATH} from ${dataDir}\n`)
}
