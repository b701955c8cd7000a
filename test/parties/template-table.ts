/**
 * Where the tests find the party table and the independent reference data
 * (`../shared/data`, beside the checkout in CI), and a reader for the latter.
 */
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseCsv } from '../../shared/parties/csv.ts'
import { parsePartyTable, type PartyTable } from '../../shared/parties/table.ts'

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** The generated party table committed under templates/. */
export const PARTY_TABLE_FILE = resolve(REPO_ROOT, 'templates/parties/parties.csv')

/** The read-only reference folder (`../shared`). */
export const SHARED_DIR = resolve(REPO_ROOT, '../shared')

/** The committed party table, parsed. */
export function templatePartyTable(): PartyTable {
  return parsePartyTable(readFileSync(PARTY_TABLE_FILE, 'utf8'), 'templates/parties/parties.csv')
}

/** A reference data file as rows of column → text, read straight from ../shared/data. */
export function referenceRows(file: string): Record<string, string>[] {
  const [header, ...records] = parseCsv(readFileSync(resolve(SHARED_DIR, 'data', file), 'utf8'), file)
  return records.map((r) => Object.fromEntries(header!.fields.map((c, i) => [c, r.fields[i] ?? ''])))
}
