/**
 * The hand-kept list of every Party to the Convention (`unfccc-parties.csv`):
 * names, ISO codes, Annex I, and for the 43 rows of the non-paper's Annex B
 * and the Doha Amendment's additions, which of the two lists them. The
 * generators read it; nothing else does.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseCsv } from '../../shared/parties/csv.ts'
import { REPO_ROOT } from './reference-data.ts'

/** Where the list is. */
export const PARTY_LIST_PATH = resolve(REPO_ROOT, 'templates/parties/unfccc-parties.csv')

/** Where the list's facts come from (not from ../shared/data). */
export const PARTY_LIST_SOURCE =
  'unfccc-parties.csv (UNFCCC list of Parties; Convention Annex I as amended; not in ../shared/data)'

/** One Party of the list. */
export interface ListedParty {
  /** As the non-paper writes it (its 40 Parties and Doha's three), else as the UN does. */
  name: string
  unName: string
  iso: string
  /** Empty for the European Union, which has no country code. */
  iso3: string
  annexI: boolean
  /** Which list puts it in Annex B: the non-paper, the Doha Amendment, or neither. */
  annexB: 'nonpaper' | 'doha' | ''
  aliases: string[]
}

/** Reads the list; throws naming the line of a malformed row. */
export function readPartyList(path = PARTY_LIST_PATH): ListedParty[] {
  const [header, ...records] = parseCsv(readFileSync(path, 'utf8'), path)
  const expected = 'name,un_name,iso,iso3,annex_i,annex_b,aliases'
  if (header?.fields.join(',') !== expected) throw new Error(`${path}: the header must be ${expected}`)
  return records.map(({ line, fields }) => {
    const [name, unName, iso, iso3, annexI, annexB, aliases] = fields as string[]
    if (!name || !unName || !/^[A-Z]{2}$/.test(iso!) || !/^([A-Z]{3})?$/.test(iso3!))
      throw new Error(`${path}:${line}: needs a name, a UN name, an alpha-2 and an alpha-3 code`)
    if (annexI !== 'yes' && annexI !== 'no') throw new Error(`${path}:${line}: annex_i must be yes or no`)
    if (annexB !== 'nonpaper' && annexB !== 'doha' && annexB !== '')
      throw new Error(`${path}:${line}: annex_b must be nonpaper, doha or empty`)
    return {
      name,
      unName,
      iso: iso!,
      iso3: iso3!,
      annexI: annexI === 'yes',
      annexB,
      aliases: aliases ? aliases.split(';') : [],
    }
  })
}
