/**
 * The negotiating groups of the climate talks (`templates/parties/negotiating-groups.csv`):
 * who speaks with whom — "Tuvalu, on behalf of AOSIS", "the G-77 and China".
 * Each group lists its members by ISO code, the date its list holds for and
 * the source it was taken from: membership changes (LDCs graduate, the United
 * Kingdom left the Union), so a list without a date would mislead.
 */
import { partyNameKey, type PartyTable } from './table.ts'
import { partyFileRecords, PartyTableError } from './party-file.ts'
import type { Party } from './party.ts'

/** One negotiating group. */
export interface NegotiatingGroup {
  /** Short id, as texts abbreviate it: `G77`, `AOSIS`, `LDC`, `EU`. */
  id: string
  /** Its name as the UNFCCC writes it. */
  name: string
  /** Other spellings a text uses ("G-77 and China", "LDCs"). */
  aliases: readonly string[]
  /** The date (or year) the member list holds for. */
  asOf: string
  source: string
  /** Members by ISO 3166-1 alpha-2 code (`EU` for the Union itself), in the party table's order. */
  members: readonly string[]
}

/** The groups, with lookups. */
export interface NegotiatingGroups {
  readonly groups: readonly NegotiatingGroup[]
  /** The group a text names by id, name or alias, regardless of case and spacing. */
  byName(name: string): NegotiatingGroup | undefined
  /** The groups a Party (by ISO code) belongs to, in file order. */
  groupsOf(iso: string): readonly NegotiatingGroup[]
}

/** The columns of the file, in order. */
export const NEGOTIATING_GROUP_COLUMNS = ['id', 'name', 'aliases', 'as_of', 'source', 'members'] as const

/**
 * Parses the groups file. With `table`, every member must be a Party of it.
 * Throws `PartyTableError` naming file, line and field.
 */
export function parseNegotiatingGroups(csvText: string, fileName: string, table?: PartyTable): NegotiatingGroups {
  const [header, ...rows] = partyFileRecords(csvText, fileName)
  if (!header || header.fields.join(',') !== NEGOTIATING_GROUP_COLUMNS.join(','))
    throw new PartyTableError(fileName, 1, '(header)', `the first line must be ${NEGOTIATING_GROUP_COLUMNS.join(',')}`)
  const groups: NegotiatingGroup[] = []
  const byKey = new Map<string, NegotiatingGroup>()
  const byIso = new Map<string, NegotiatingGroup[]>()
  for (const { line, fields } of rows) {
    if (fields.length !== NEGOTIATING_GROUP_COLUMNS.length)
      throw new PartyTableError(
        fileName,
        line,
        '(row)',
        `has ${fields.length} fields, the header ${NEGOTIATING_GROUP_COLUMNS.length}`,
      )
    const [id, name, aliases, asOf, source, members] = fields.map((f) => f.trim()) as [
      string,
      string,
      string,
      string,
      string,
      string,
    ]
    if (!/^[A-Z0-9]{2,8}$/.test(id))
      throw new PartyTableError(fileName, line, 'id', `"${id}" must be 2 to 8 capitals or digits`)
    if (!name) throw new PartyTableError(fileName, line, 'name', 'is empty')
    if (!/^\d{4}(-\d{2}-\d{2})?$/.test(asOf))
      throw new PartyTableError(fileName, line, 'as_of', `"${asOf}" must be a year or a date (2024-01-01)`)
    if (!source) throw new PartyTableError(fileName, line, 'source', 'is empty: every member list needs its source')
    const codes = members.split(';').map((m) => m.trim())
    for (const code of codes) {
      if (!/^[A-Z]{2}$/.test(code))
        throw new PartyTableError(fileName, line, 'members', `"${code}" is not an alpha-2 code`)
      if (table && !table.byIso(code))
        throw new PartyTableError(fileName, line, 'members', `"${code}" is not a Party of the party table`)
    }
    if (new Set(codes).size !== codes.length)
      throw new PartyTableError(fileName, line, 'members', 'lists a Party twice')
    const group: NegotiatingGroup = {
      id,
      name,
      aliases: aliases === '' ? [] : aliases.split(';').map((a) => a.trim()),
      asOf,
      source,
      members: codes,
    }
    for (const n of new Set([id, name, ...group.aliases])) {
      const key = partyNameKey(n)
      if (byKey.has(key) && byKey.get(key) !== group)
        throw new PartyTableError(fileName, line, 'aliases', `"${n}" already names ${byKey.get(key)!.id}`)
      byKey.set(key, group)
    }
    for (const code of codes) byIso.set(code, [...(byIso.get(code) ?? []), group])
    groups.push(group)
  }
  return {
    groups,
    byName: (name) => byKey.get(partyNameKey(name)),
    groupsOf: (iso) => byIso.get(iso.trim().toUpperCase()) ?? [],
  }
}

/** The members of `group` as Parties of `table`, in the group's order. */
export function groupMembers(group: NegotiatingGroup, table: PartyTable): Party[] {
  return group.members.map((code) => table.byIso(code)!).filter(Boolean)
}
