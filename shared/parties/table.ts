/**
 * The party table: parsed, validated rows with lookup by the name a text
 * writes and by ISO code. Parsing is pure (text in, table out) so the server,
 * the CLI and the browser load the same file the same way.
 */
import { PARTY_COLUMNS, PartyRowSchema, type Party } from './party.ts'
import { parsePartyYears } from './party-years.ts'
import { partyFileRecords, PartyTableError } from './party-file.ts'

export { PartyTableError }

/** The Parties of a table, with lookups. */
export interface PartyTable {
  /** Every Party in file order. */
  readonly parties: readonly Party[]
  /** The Party a text names ("European Community", "Czechia"…), matched without regard to case or spacing; markers such as `*` must already be stripped. */
  byName(name: string): Party | undefined
  /** The Party with this ISO 3166-1 alpha-2 code ("EU" for the European Community/Union). */
  byIso(code: string): Party | undefined
  /** Like `byName`, but an unknown name gives a message naming it and the closest spellings. */
  find(name: string): { party: Party } | { error: string }
  /** Like `find`, but throws the message. */
  get(name: string): Party
}

/**
 * Normalises a Party or group name for lookup: case, accents, apostrophe
 * shapes, runs of spaces and non-breaking spaces do not matter, so "Turkiye"
 * finds Türkiye and "Cote d’Ivoire" Côte d'Ivoire.
 */
export function partyNameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

/**
 * Parses and validates the party table. Throws `PartyTableError` for the first
 * bad row, naming file, row (the line number in the file) and field. With
 * `years` (`party-years.csv`), each Party carries its series.
 */
export function parsePartyTable(csvText: string, fileName: string, years?: { text: string; file: string }): PartyTable {
  const series = years ? parsePartyYears(years.text, years.file) : undefined
  const [header, ...rows] = partyFileRecords(csvText, fileName)
  if (!header)
    throw new PartyTableError(fileName, 1, '(header)', 'the file is empty; the first line must name the columns')
  const missing = PARTY_COLUMNS.filter((c) => !header.fields.includes(c))
  if (missing.length > 0) {
    throw new PartyTableError(
      fileName,
      header.line,
      missing[0]!,
      `column is missing from the header (missing: ${missing.join(', ')})`,
    )
  }
  const unknown = header.fields.filter((c) => !(PARTY_COLUMNS as readonly string[]).includes(c))
  if (unknown.length > 0)
    throw new PartyTableError(
      fileName,
      header.line,
      unknown[0]!,
      'is not a column of the party table; remove it or add it to PARTY_COLUMNS',
    )

  const parties: Party[] = []
  const byKey = new Map<string, Party>()
  const byIso = new Map<string, Party>()
  for (const record of rows) {
    if (record.fields.length !== header.fields.length) {
      throw new PartyTableError(
        fileName,
        record.line,
        '(row)',
        `has ${record.fields.length} fields where the header has ${header.fields.length}; quote fields that contain commas`,
      )
    }
    const raw = Object.fromEntries(header.fields.map((column, i) => [column, record.fields[i]!]))
    const result = PartyRowSchema.safeParse(raw)
    if (!result.success) {
      const issue = result.error.issues[0]!
      const field = String(issue.path[0] ?? '(row)')
      throw new PartyTableError(fileName, record.line, field, `${JSON.stringify(raw[field] ?? '')} ${issue.message}`)
    }
    const party: Party = result.data
    const partySeries = series?.get(party.iso)
    if (partySeries) party.series = partySeries
    for (const name of new Set([party.name, ...party.aliases, party.unName])) {
      const key = partyNameKey(name)
      if (byKey.has(key) && byKey.get(key) !== party)
        throw new PartyTableError(
          fileName,
          record.line,
          'name',
          `"${name}" already names ${byKey.get(key)!.name}; names and aliases must be unique`,
        )
      byKey.set(key, party)
    }
    if (byIso.has(party.iso))
      throw new PartyTableError(
        fileName,
        record.line,
        'iso',
        `"${party.iso}" is already the code of ${byIso.get(party.iso)!.name}`,
      )
    byIso.set(party.iso, party)
    parties.push(party)
  }

  const find = (name: string): { party: Party } | { error: string } => {
    const key = partyNameKey(name)
    const party = byKey.get(key)
    if (party) return { party }
    const near = [
      ...new Set(parties.filter((p) => partyNameKey(p.name).startsWith(key.slice(0, 3))).map((p) => p.name)),
    ]
    return {
      error: `"${name}" is not a Party to the Convention in the party table${near.length ? `; did you mean ${near.slice(0, 5).join(', ')}?` : ''}`,
    }
  }
  return {
    parties,
    byName: (name) => byKey.get(partyNameKey(name)),
    byIso: (code) => byIso.get(code.trim().toUpperCase()),
    find,
    get(name) {
      const found = find(name)
      if ('error' in found) throw new Error(found.error)
      return found.party
    },
  }
}
