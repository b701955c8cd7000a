/**
 * The negotiating groups of the climate talks (`templates/parties/negotiating-groups.csv`):
 * who speaks with whom — "Tuvalu, on behalf of AOSIS", "the G-77 and China".
 * Each group lists its members by ISO code, the date its list holds for and
 * the source it was taken from: membership changes (LDCs graduate, the United
 * Kingdom left the Union), so a list without a date would mislead.
 */
import { z } from 'zod'
import { partyNameKey, type PartyTable } from './table.ts'
import { partyFileRecords, PartyTableError } from './party-file.ts'

/** One negotiating group: the rules every row of the file obeys. */
export const NegotiatingGroupSchema = z
  .object({
    /** Short id, as texts abbreviate it: `G77`, `AOSIS`, `LDC`, `EU`. */
    id: z.string().regex(/^[A-Z0-9]{2,8}$/, 'must be 2 to 8 capitals or digits'),
    /** The name a comment that speaks for the group is attributed under (`G77 and China`, `LMDC`). */
    name: z.string().min(1, 'is empty'),
    /** Other spellings a text uses ("G-77 and China", "Least Developed Countries"). */
    aliases: z.array(z.string().min(1, 'has an empty alias')),
    /** The date, month or year the member list holds for. */
    asOf: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a year, a month (2024-11) or a date (2024-01-01)'),
    source: z.string().min(1, 'is empty: every member list needs its source'),
    /** Caveats: how reliable the list is (informal groups publish none). */
    note: z.string(),
    /** Members by ISO 3166-1 alpha-2 code (`EU` for the Union itself), in the party list's order. */
    members: z
      .array(z.string().regex(/^[A-Z]{2}$/, 'is not an alpha-2 code'))
      .min(1, 'is empty')
      .refine((codes) => new Set(codes).size === codes.length, 'lists a Party twice'),
  })
  .strict()

/** One negotiating group. */
export type NegotiatingGroup = z.infer<typeof NegotiatingGroupSchema>

/** The groups, with lookups. */
export interface NegotiatingGroups {
  readonly groups: readonly NegotiatingGroup[]
  /** The group a text names by id, name or alias, regardless of case, spacing and accents. */
  byName(name: string): NegotiatingGroup | undefined
  /** The groups a Party (by ISO code) belongs to, in file order. */
  groupsOf(iso: string): readonly NegotiatingGroup[]
}

/** The columns of the file, in order. */
export const NEGOTIATING_GROUP_COLUMNS = ['id', 'name', 'aliases', 'as_of', 'source', 'note', 'members'] as const

/** Every name a group is looked up by. */
function namesOf(group: NegotiatingGroup): string[] {
  return [...new Set([group.id, group.name, ...group.aliases])]
}

// Lookups over groups already checked (by `parseNegotiatingGroups`): no name names two of them.
function negotiatingGroups(groups: readonly NegotiatingGroup[]): NegotiatingGroups {
  const byKey = new Map<string, NegotiatingGroup>()
  const byIso = new Map<string, NegotiatingGroup[]>()
  for (const group of groups) {
    for (const n of namesOf(group)) byKey.set(partyNameKey(n), group)
    for (const code of group.members) byIso.set(code, [...(byIso.get(code) ?? []), group])
  }
  return {
    groups,
    byName: (name) => byKey.get(partyNameKey(name)),
    groupsOf: (iso) => byIso.get(iso.trim().toUpperCase()) ?? [],
  }
}

/**
 * Parses the groups file. With `table`, every member must be a Party of it.
 * Throws `PartyTableError` naming file, line and field.
 */
export function parseNegotiatingGroups(csvText: string, fileName: string, table?: PartyTable): NegotiatingGroups {
  const [header, ...rows] = partyFileRecords(csvText, fileName)
  if (!header || header.fields.join(',') !== NEGOTIATING_GROUP_COLUMNS.join(','))
    throw new PartyTableError(fileName, 1, '(header)', `the first line must be ${NEGOTIATING_GROUP_COLUMNS.join(',')}`)
  const groups: NegotiatingGroup[] = []
  const named = new Map<string, NegotiatingGroup>()
  for (const { line, fields } of rows) {
    if (fields.length !== NEGOTIATING_GROUP_COLUMNS.length)
      throw new PartyTableError(
        fileName,
        line,
        '(row)',
        `has ${fields.length} fields, the header ${NEGOTIATING_GROUP_COLUMNS.length}`,
      )
    const [id, name, aliases, asOf, source, note, members] = fields.map((f) => f.trim()) as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ]
    const list = (text: string) => (text === '' ? [] : text.split(';').map((m) => m.trim()))
    const input = { id, name, aliases: list(aliases), asOf, source, note, members: list(members) }
    const result = NegotiatingGroupSchema.safeParse(input)
    if (!result.success) {
      const issue = result.error.issues[0]!
      const key = issue.path[0] as keyof typeof input
      const value = typeof issue.path[1] === 'number' ? input[key][issue.path[1]] : input[key]
      const shown = typeof value === 'string' ? `"${value}" ` : ''
      throw new PartyTableError(fileName, line, key === 'asOf' ? 'as_of' : key, `${shown}${issue.message}`)
    }
    const group = result.data
    for (const code of group.members)
      if (table && !table.byIso(code))
        throw new PartyTableError(fileName, line, 'members', `"${code}" is not a Party of the party table`)
    for (const n of namesOf(group)) {
      const other = named.get(partyNameKey(n))
      if (other && other !== group)
        throw new PartyTableError(fileName, line, 'aliases', `"${n}" already names ${other.id}`)
      named.set(partyNameKey(n), group)
    }
    groups.push(group)
  }
  return negotiatingGroups(groups)
}
