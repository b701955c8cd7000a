/**
 * Inscriptions: what each Party writes in the Annex tables, keyed
 * `column/Party` (one key per cell, so concurrent writers of different cells
 * never collide). Columns follow the Annex B options; Annex B.I and Annex C
 * also take the commitments of other kinds (`shared/commitments/`), each a few
 * cells: a headline figure, its conditional figure, and the terms it needs.
 * Every value is a number or a short text, so a delegation proposes and a
 * co-chair accepts one cell at a time, as for a QELRC.
 */

/** What a column's cells hold. */
export type InscriptionValueKind =
  | 'positive' // a number greater than zero
  | 'percent-cut' // per cent below a reference, 0 ≤ n < 100
  | 'year' // a calendar year, 1990–2100
  | 'growth' // per cent a year, may be negative, above −100
  | 'text' // a short description or source
  | 'election' // "gg" or "pct"
  | 'counting' // "toward" or "additional"

/** A column: what it means and what its cells hold. */
export interface InscriptionColumnSpec {
  description: string
  value: InscriptionValueKind
}

const positive = (description: string): InscriptionColumnSpec => ({ description, value: 'positive' })

/** The columns a Party can inscribe in, by name. */
export const INSCRIPTION_COLUMNS = {
  cp2: positive('QELRC for the second period, % of base year (Options 1, 2, 4)'),
  cp3: positive('QELRC for the third period, % of base year (Option 2)'),
  aaGg: positive('assigned amount for the period, Gg CO₂ eq (Option 3)'),
  'annexC.baseYearPct': positive('Annex C: % of base year or period (Option 5)'),
  'annexC.ref2007Pct': positive('Annex C: % of reference year 2007 (Option 5)'),
  'annexC.budgetGg': positive('Annex C: budget, Gg CO₂ eq (Option 5)'),
  election: {
    description: '7 bis Option 3: "gg" or "pct" — which Annex C figure sets the assigned amount',
    value: 'election',
  },
  'cp2.conditional': positive('conditional QELRC, % of base year: the figure offered if the conditions are met'),
  'aaGg.conditional': positive('conditional assigned amount, Gg CO₂ eq'),
  'annexC.baseYearPct.conditional': positive('Annex C: conditional % of base year'),
  'annexC.ref2007Pct.conditional': positive('Annex C: conditional % of 2007'),
  'annexC.budgetGg.conditional': positive('Annex C: conditional budget, Gg CO₂ eq'),
  'intensity.pct': {
    description: 'intensity: % below the base year’s emissions per unit of GDP',
    value: 'percent-cut',
  },
  'intensity.pct.conditional': { description: 'intensity: conditional % below', value: 'percent-cut' },
  'intensity.baseYear': {
    description: 'intensity: the base year (its emissions and GDP come from the data)',
    value: 'year',
  },
  'intensity.targetYear': { description: 'intensity: the year the cut is reached', value: 'year' },
  'intensity.gdpGrowthPct': {
    description: 'intensity: GDP growth, % a year from the base year (default: the data’s last ten years)',
    value: 'growth',
  },
  'bau.pct': { description: 'deviation: % below business as usual in every year of the period', value: 'percent-cut' },
  'bau.pct.conditional': { description: 'deviation: conditional % below business as usual', value: 'percent-cut' },
  'bau.targetYear': { description: 'deviation: the year whose emissions the target names', value: 'year' },
  'bau.growthPct': {
    description: 'deviation: BAU growth, % a year after the data (default: the data’s log-linear trend)',
    value: 'growth',
  },
  'bau.targetMt': positive('deviation: the Party’s own BAU emissions in the target year, Mt CO₂ eq'),
} as const satisfies Record<string, InscriptionColumnSpec>

/** An inscription column with a fixed name. */
export type InscriptionColumn = keyof typeof INSCRIPTION_COLUMNS

/**
 * Columns named after an entry, since a Party may list several policies and
 * sectors: `pam.<slug>…`, `sectoral.<slug>…`, the slug in lower case, digits
 * and hyphens (`pam.renewables-law`, `sectoral.cement.cutMt`).
 */
export const INSCRIPTION_ENTRY_COLUMNS = {
  pam: {
    '': { description: 'policies and measures: what the Party undertakes to implement', value: 'text' },
    '.effectMt': positive('policies and measures: estimated effect, Mt CO₂ eq a year (never added by itself)'),
    '.source': { description: 'policies and measures: the source of the estimate', value: 'text' },
  },
  sectoral: {
    '': { description: 'sectoral: the sector the target covers', value: 'text' },
    '.cutMt': positive('sectoral: cut in the sector, Mt CO₂ eq a year in every year of the period'),
    '.cutMt.conditional': positive('sectoral: conditional cut, Mt CO₂ eq a year'),
    '.sectorMt': positive('sectoral: the sector’s emissions, Mt CO₂ eq a year (bounds the cut)'),
    '.counting': { description: 'sectoral: "toward" the economy-wide target or "additional" to it', value: 'counting' },
  },
} as const satisfies Record<string, Record<string, InscriptionColumnSpec>>

/** A kind of entry column (`pam`, `sectoral`). */
export type InscriptionEntryKind = keyof typeof INSCRIPTION_ENTRY_COLUMNS

const ENTRY_COLUMN = /^(pam|sectoral)\.([a-z0-9][a-z0-9-]{0,39})((?:\.[A-Za-z]+)*)$/

/** The entry a column belongs to (`sectoral.cement.cutMt` → sectoral, cement, `.cutMt`), or undefined. */
export function entryColumn(
  column: string,
): { kind: InscriptionEntryKind; slug: string; field: string; spec: InscriptionColumnSpec } | undefined {
  const m = ENTRY_COLUMN.exec(column)
  if (!m) return undefined
  const kind = m[1] as InscriptionEntryKind
  const spec = (INSCRIPTION_ENTRY_COLUMNS[kind] as Record<string, InscriptionColumnSpec>)[m[3]!]
  return spec ? { kind, slug: m[2]!, field: m[3]!, spec } : undefined
}

/** What a column holds, or undefined when there is no such column. */
export function inscriptionColumnSpec(column: string): InscriptionColumnSpec | undefined {
  return (INSCRIPTION_COLUMNS as Record<string, InscriptionColumnSpec>)[column] ?? entryColumn(column)?.spec
}

/** Inscriptions as stored: `column/Party` → number or text. */
export type Inscriptions = Record<string, number | string>

/** The key of a cell. */
export function inscriptionKey(column: InscriptionColumn | string, party: string): string {
  return `${column}/${party}`
}

/** Why `value` cannot stand in cell `key` (`column/Party`), or null: the one check of files, maps and proposals. */
export function refuseInscription(key: string, value: unknown): string | null {
  const slash = key.indexOf('/')
  if (slash < 1 || slash === key.length - 1) return `an inscription is keyed "column/Party", not ${JSON.stringify(key)}`
  const { column } = splitInscriptionKey(key)
  const problem = checkInscriptionValue(column, value)
  return problem && `an inscription in ${column} ${problem}, got ${JSON.stringify(value)}`
}

/** A cell's column and Party. */
export function splitInscriptionKey(key: string): { column: string; party: string } {
  const at = key.indexOf('/')
  return { column: key.slice(0, at), party: key.slice(at + 1) }
}

/** Why `value` cannot stand in `column`, or null when it can. One rule for files, shared maps and proposals. */
export function checkInscriptionValue(column: string, value: unknown): string | null {
  const spec = inscriptionColumnSpec(column)
  if (!spec)
    return `unknown column "${column}"; use one of ${Object.keys(INSCRIPTION_COLUMNS).join(', ')}, pam.<name>…, sectoral.<name>…`
  const number = typeof value === 'number' && Number.isFinite(value)
  switch (spec.value) {
    case 'positive':
      return number && (value as number) > 0 ? null : 'must be a number greater than zero'
    case 'percent-cut':
      return number && (value as number) >= 0 && (value as number) < 100
        ? null
        : 'must be a percentage below the reference, at least 0 and less than 100'
    case 'year':
      return number && Number.isInteger(value) && (value as number) >= 1990 && (value as number) <= 2100
        ? null
        : 'must be a calendar year from 1990 to 2100'
    case 'growth':
      return number && (value as number) > -100 ? null : 'must be per cent a year, a number above -100'
    case 'text':
      return typeof value === 'string' && value.trim() !== '' && value.length <= 500
        ? null
        : 'must be a text of 1 to 500 characters'
    case 'election':
      return value === 'gg' || value === 'pct' ? null : 'must be "gg" or "pct"'
    case 'counting':
      return value === 'toward' || value === 'additional' ? null : 'must be "toward" or "additional"'
  }
}

/** Read `{ column: { Party: value } }` (the resolution file's form) into keyed cells; errors name the cell. */
export function readInscriptions(input: unknown, where = 'inscriptions'): Inscriptions {
  if (input === undefined) return {}
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw new Error(`${where}: expected { "cp2": { "Party": 92 }, … }`)
  const out: Inscriptions = {}
  for (const [column, cells] of Object.entries(input)) {
    if (!inscriptionColumnSpec(column))
      throw new Error(`${where}.${column}: ${checkInscriptionValue(column, undefined)}`)
    if (!cells || typeof cells !== 'object' || Array.isArray(cells))
      throw new Error(`${where}.${column}: expected { "Party": value }`)
    for (const [party, value] of Object.entries(cells as object)) {
      const problem = checkInscriptionValue(column, value)
      if (problem) throw new Error(`${where}.${column}.${party}: ${problem}, got ${JSON.stringify(value)}`)
      out[inscriptionKey(column, party)] = value as number | string
    }
  }
  return out
}
