/**
 * Who may speak in a negotiation: the Parties of the party table
 * (`templates/parties/parties.csv`, generated from `unfccc-parties.csv`) and
 * the negotiating groups they form (`negotiating-groups.csv`), read by their
 * one reader each (`table.ts`, `negotiating-groups.ts`). So that "Norway:",
 * "U.S:" or "LMDC:" at the start of a comment is read, a delegation's claim
 * to speak for a group checked, and a name nobody answers to refused.
 */
import type { Party } from './party.ts'
import { parsePartyTable, type PartyTable } from './table.ts'
import { parseNegotiatingGroups, type NegotiatingGroup, type NegotiatingGroups } from './negotiating-groups.ts'

/** The Parties and the groups, each group's members checked against the Parties. */
export interface Roster {
  readonly parties: PartyTable
  readonly groups: NegotiatingGroups
}

/** A file's text and the name messages give it. */
export interface RosterFile {
  text: string
  file: string
}

/** Who speaks: a Party by its table name, or a negotiating group by its name. */
export interface Speaker {
  kind: 'party' | 'group'
  name: string
}

/** Parses the party table (with its yearly series when `years` is given) and the groups; throws `PartyTableError`. */
export function parseRoster(parties: RosterFile, groups: RosterFile, years?: RosterFile): Roster {
  const table = parsePartyTable(parties.text, parties.file, years)
  return { parties: table, groups: parseNegotiatingGroups(groups.text, groups.file, table) }
}

/** The Party a speaker of kind `party` is, when its name is the table's own. */
export function rosterParty(roster: Roster, speaker: Speaker): Party | undefined {
  const party = speaker.kind === 'party' ? roster.parties.byName(speaker.name) : undefined
  return party?.name === speaker.name ? party : undefined
}

/** The group a speaker of kind `group` is, when its name is the group's own. */
export function rosterGroup(roster: Roster, speaker: Speaker): NegotiatingGroup | undefined {
  const group = speaker.kind === 'group' ? roster.groups.byName(speaker.name) : undefined
  return group?.name === speaker.name ? group : undefined
}
