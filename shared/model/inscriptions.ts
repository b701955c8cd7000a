/**
 * Inscriptions: what each Party writes in the Annex B columns, keyed
 * `column/Party` (one key per cell, so concurrent writers of different cells
 * never collide). Columns follow the Annex B options.
 */

/** The Annex B columns a Party can inscribe in. */
export const INSCRIPTION_COLUMNS = {
  cp2: 'QELRC for the second period, % of base year (Options 1, 2, 4)',
  cp3: 'QELRC for the third period, % of base year (Option 2)',
  aaGg: 'assigned amount for the period, Gg CO₂ eq (Option 3)',
  'annexC.baseYearPct': 'Annex C: % of base year or period (Option 5)',
  'annexC.ref2007Pct': 'Annex C: % of reference year 2007 (Option 5)',
  'annexC.budgetGg': 'Annex C: budget, Gg CO₂ eq (Option 5)',
  election: '7 bis Option 3: "gg" or "pct" — which Annex C figure sets the assigned amount',
} as const

/** An inscription column. */
export type InscriptionColumn = keyof typeof INSCRIPTION_COLUMNS

/** Inscriptions as stored: `column/Party` → number (or "gg"/"pct" for elections). */
export type Inscriptions = Record<string, number | string>

/** The key of a cell. */
export function inscriptionKey(column: InscriptionColumn, party: string): string {
  return `${column}/${party}`
}

/** Why `value` cannot stand in cell `key` (`column/Party`), or null: a QELRC or amount is above zero, an election "gg" or "pct". */
export function refuseInscription(key: string, value: unknown): string | null {
  const slash = key.indexOf('/')
  const column = key.slice(0, slash)
  if (slash < 1 || slash === key.length - 1) return `an inscription is keyed "column/Party", not ${JSON.stringify(key)}`
  if (!(column in INSCRIPTION_COLUMNS))
    return `unknown inscription column "${column}"; use one of ${Object.keys(INSCRIPTION_COLUMNS).join(', ')}`
  if (column === 'election') return value === 'gg' || value === 'pct' ? null : 'an election is "gg" or "pct"'
  return typeof value === 'number' && Number.isFinite(value) && value > 0
    ? null
    : `an inscription in ${column} is a number greater than zero, got ${JSON.stringify(value)}`
}

/** Read `{ column: { Party: value } }` (the resolution file's form) into keyed cells; errors name the cell. */
export function readInscriptions(input: unknown, where = 'inscriptions'): Inscriptions {
  if (input === undefined) return {}
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw new Error(`${where}: expected { "cp2": { "Party": 92 }, … }`)
  const out: Inscriptions = {}
  for (const [column, cells] of Object.entries(input)) {
    if (!(column in INSCRIPTION_COLUMNS))
      throw new Error(`${where}.${column}: unknown column; use one of ${Object.keys(INSCRIPTION_COLUMNS).join(', ')}`)
    for (const [party, value] of Object.entries(cells as object)) {
      const problem = refuseInscription(inscriptionKey(column as InscriptionColumn, party), value)
      if (problem) throw new Error(`${where}.${column}.${party}: ${problem}`)
      out[inscriptionKey(column as InscriptionColumn, party)] = value
    }
  }
  return out
}
