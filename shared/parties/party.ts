/**
 * One Party of the party table (`templates/parties/parties.csv`): every Party
 * to the Convention, with its names, Annex I and Annex B membership, Annex B
 * inscriptions, base year, inventory totals and joint-fulfilment facts, each
 * number beside the source it was taken from. The row schema is the contract
 * between the generator (`templates/parties/build.ts`) and every computation.
 */
import { z } from 'zod'
import type { PartySeries } from './party-years.ts'

/** The columns of the party table, in file order. */
export const PARTY_COLUMNS = [
  'name',
  'iso',
  'aliases',
  'un_name',
  'iso3',
  'in_nonpaper_annex_b',
  'annex_b',
  'annex_i',
  'source_annex_i',
  'eit',
  'source_eit',
  'qelrc_cp1_pct',
  'source_qelrc_cp1',
  'base_year',
  'source_base_year',
  'base_year_t',
  'base_year_precision',
  'source_base_year_t',
  'cp1_assigned_amount_t',
  'source_cp1_assigned_amount',
  'published_base_year_mt',
  'source_published_base_year',
  'inv_base_year_kt',
  'inv_1990_kt',
  'inv_2000_kt',
  'inv_2005_kt',
  'inv_2007_kt',
  'inv_2008_2012_kt',
  'source_inventory',
  'eu_cp1_bubble',
  'burden_sharing_pct',
  'source_burden_sharing',
  'eu_cp2_joint_fulfilment',
  'cp2_joint_fulfilment_level_t',
  'source_cp2_joint_fulfilment',
  'qelrc_cp2_pct',
  'cp2_reference_year',
  'qelrc_cp2_pct_reference_year',
  'source_qelrc_cp2',
  'lulucf_1990_net_source',
  'lulucf_1990_net_t',
  'source_lulucf',
  'note',
] as const

/** A column name of the party table. */
export type PartyColumn = (typeof PARTY_COLUMNS)[number]

/** Which number columns each source column vouches for: a filled number with an empty source is an error. */
export const SOURCED_COLUMNS: Partial<Record<PartyColumn, readonly PartyColumn[]>> = {
  source_qelrc_cp1: ['qelrc_cp1_pct'],
  source_base_year: ['base_year'],
  source_base_year_t: ['base_year_t'],
  source_cp1_assigned_amount: ['cp1_assigned_amount_t'],
  source_published_base_year: ['published_base_year_mt'],
  source_inventory: [
    'inv_base_year_kt',
    'inv_1990_kt',
    'inv_2000_kt',
    'inv_2005_kt',
    'inv_2007_kt',
    'inv_2008_2012_kt',
  ],
  source_burden_sharing: ['burden_sharing_pct'],
  source_cp2_joint_fulfilment: ['cp2_joint_fulfilment_level_t'],
  source_qelrc_cp2: ['qelrc_cp2_pct', 'cp2_reference_year', 'qelrc_cp2_pct_reference_year'],
  source_lulucf: ['lulucf_1990_net_source', 'lulucf_1990_net_t'],
}

const text = z.string().trim()

// Numbers are written plainly ("145728762.8108"): a thousands separator or a
// decimal comma would silently change the value, so both are refused.
const optionalNumber = text
  .refine((s) => s === '' || /^-?\d+(\.\d+)?$/.test(s), {
    message:
      'is not a plain number: write digits with a "." decimal point and no thousands separators, or leave it empty',
  })
  .transform((s) => (s === '' ? undefined : Number(s)))

const optionalPositive = optionalNumber.refine((n) => n === undefined || n > 0, {
  message: 'must be greater than zero',
})

const yesNo = z.enum(['yes', 'no'], { message: 'must be "yes" or "no"' }).transform((v) => v === 'yes')
const optionalYesNo = z
  .enum(['yes', 'no', ''], { message: 'must be "yes", "no" or empty (unknown)' })
  .transform((v) => (v === '' ? undefined : v === 'yes'))

// "1990", "1988" or a period such as "1985-1987" (paragraph 5 of Article 3 lets
// economies in transition choose a period).
const baseYearLabel = text.refine((s) => s === '' || /^\d{4}(-\d{4})?$/.test(s), {
  message: 'must be a year ("1990") or a period ("1985-1987"), or empty',
})

const optionalYear = text
  .refine((s) => s === '' || /^\d{4}$/.test(s), { message: 'must be a four-digit year or empty' })
  .transform((s) => (s === '' ? undefined : Number(s)))

/** Schema of one raw CSV row (column name → text), producing a `Party`. */
export const PartyRowSchema = z
  .object({
    name: text.min(1, 'is empty: write the Party as the non-paper writes it'),
    iso: text.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in capitals ("AU", "EU")'),
    aliases: text,
    un_name: text.min(1, 'is empty: write the Party as the United Nations writes it'),
    iso3: text.regex(/^([A-Z]{3})?$/, 'must be an ISO 3166-1 alpha-3 code in capitals ("AUS"), or empty'),
    in_nonpaper_annex_b: yesNo,
    annex_b: yesNo,
    annex_i: yesNo,
    source_annex_i: text.min(1, 'is empty: name the list that says whether the Party is in Annex I'),
    eit: yesNo,
    source_eit: text,
    qelrc_cp1_pct: optionalPositive,
    source_qelrc_cp1: text,
    base_year: baseYearLabel,
    source_base_year: text,
    base_year_t: optionalPositive,
    base_year_precision: z.enum(['exact', 'approximate', ''], { message: 'must be "exact", "approximate" or empty' }),
    source_base_year_t: text,
    cp1_assigned_amount_t: optionalPositive,
    source_cp1_assigned_amount: text,
    published_base_year_mt: optionalPositive,
    source_published_base_year: text,
    inv_base_year_kt: optionalPositive,
    inv_1990_kt: optionalPositive,
    inv_2000_kt: optionalPositive,
    inv_2005_kt: optionalPositive,
    inv_2007_kt: optionalPositive,
    inv_2008_2012_kt: optionalPositive,
    source_inventory: text,
    eu_cp1_bubble: yesNo,
    burden_sharing_pct: optionalPositive,
    source_burden_sharing: text,
    eu_cp2_joint_fulfilment: yesNo,
    cp2_joint_fulfilment_level_t: optionalPositive,
    source_cp2_joint_fulfilment: text,
    qelrc_cp2_pct: optionalPositive,
    cp2_reference_year: optionalYear,
    qelrc_cp2_pct_reference_year: optionalPositive,
    source_qelrc_cp2: text,
    lulucf_1990_net_source: optionalYesNo,
    lulucf_1990_net_t: optionalNumber,
    source_lulucf: text,
    note: text,
  })
  .superRefine((row, ctx) => {
    for (const [sourceColumn, columns] of Object.entries(SOURCED_COLUMNS)) {
      const source = row[sourceColumn as PartyColumn]
      for (const column of columns) {
        const value = row[column as PartyColumn]
        if (value !== undefined && value !== '' && source === '') {
          ctx.addIssue({
            code: 'custom',
            path: [sourceColumn],
            message: `is empty but ${column} has a value: every number needs its source`,
          })
        }
      }
    }
    if (row.base_year_t !== undefined && row.base_year_precision === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['base_year_precision'],
        message: 'is empty but base_year_t has a value: say "exact" or "approximate"',
      })
    }
    if (row.base_year_t === undefined && row.base_year_precision !== '') {
      ctx.addIssue({
        code: 'custom',
        path: ['base_year_precision'],
        message: 'is set but base_year_t is empty: clear it or fill base_year_t',
      })
    }
    if (row.in_nonpaper_annex_b && !row.annex_b) {
      ctx.addIssue({
        code: 'custom',
        path: ['annex_b'],
        message: 'is "no" for a Party the non-paper lists in Annex B: set it to "yes"',
      })
    }
    if (row.burden_sharing_pct !== undefined && !row.eu_cp1_bubble) {
      ctx.addIssue({
        code: 'custom',
        path: ['burden_sharing_pct'],
        message: 'is set for a Party outside the first-period EU bubble: set eu_cp1_bubble to "yes" or clear it',
      })
    }
  })
  .transform((row) => ({
    name: row.name,
    iso: row.iso,
    aliases: row.aliases === '' ? [] : row.aliases.split(';').map((a) => a.trim()),
    unName: row.un_name,
    iso3: row.iso3 === '' ? undefined : row.iso3,
    inNonPaperAnnexB: row.in_nonpaper_annex_b,
    /** Listed in the Protocol's Annex B as the non-paper or the Doha Amendment writes it. */
    annexB: row.annex_b,
    /** Listed in the Convention's Annex I. */
    annexI: row.annex_i,
    eit: row.eit,
    qelrcCp1Pct: row.qelrc_cp1_pct,
    baseYear: row.base_year === '' ? undefined : row.base_year,
    baseYearT: row.base_year_t,
    baseYearPrecision: row.base_year_precision === '' ? undefined : row.base_year_precision,
    cp1AssignedAmountT: row.cp1_assigned_amount_t,
    publishedBaseYearMt: row.published_base_year_mt,
    inventoryKt: {
      baseYear: row.inv_base_year_kt,
      1990: row.inv_1990_kt,
      2000: row.inv_2000_kt,
      2005: row.inv_2005_kt,
      2007: row.inv_2007_kt,
      '2008-2012': row.inv_2008_2012_kt,
    },
    euCp1Bubble: row.eu_cp1_bubble,
    burdenSharingPct: row.burden_sharing_pct,
    euCp2JointFulfilment: row.eu_cp2_joint_fulfilment,
    cp2JointFulfilmentLevelT: row.cp2_joint_fulfilment_level_t,
    qelrcCp2Pct: row.qelrc_cp2_pct,
    cp2ReferenceYear: row.cp2_reference_year,
    qelrcCp2PctReferenceYear: row.qelrc_cp2_pct_reference_year,
    lulucf1990NetSource: row.lulucf_1990_net_source,
    lulucf1990NetT: row.lulucf_1990_net_t,
    sources: {
      annexI: row.source_annex_i,
      eit: row.source_eit,
      qelrcCp1: row.source_qelrc_cp1,
      baseYear: row.source_base_year,
      baseYearT: row.source_base_year_t,
      cp1AssignedAmount: row.source_cp1_assigned_amount,
      publishedBaseYear: row.source_published_base_year,
      inventory: row.source_inventory,
      burdenSharing: row.source_burden_sharing,
      cp2JointFulfilment: row.source_cp2_joint_fulfilment,
      qelrcCp2: row.source_qelrc_cp2,
      lulucf: row.source_lulucf,
    },
    note: row.note,
  }))

/** A Party's row of the table as the schema reads it. */
export type PartyRow = z.output<typeof PartyRowSchema>

/**
 * A Party as the computations see it; `undefined` means the table has no
 * figure (the note says why). `series` is its emissions, GDP and population by
 * year (`templates/parties/party-years.csv`) when the table was read with them.
 */
export type Party = PartyRow & { series?: PartySeries }

/** Years of the inventory the reduction-rate columns of Annex B Option 3 refer to. */
export const REDUCTION_RATE_YEARS = [1990, 2000, 2005, 2007] as const

/** One of the inventory years of Annex B Option 3. */
export type ReductionRateYear = (typeof REDUCTION_RATE_YEARS)[number]
