/**
 * Parties: the party table's row schema, its CSV reader and lookup; the negotiating groups; the roster of both and who a comment speaks for.
 */
export { parseCsv, formatCsv, formatCsvField, CsvSyntaxError, type CsvRecord } from './csv.ts'
export { PARTY_COLUMNS, PartyRowSchema, REDUCTION_RATE_YEARS, SOURCED_COLUMNS } from './party.ts'
export type { Party, PartyColumn, PartyRow, ReductionRateYear } from './party.ts'
export { parsePartyTable, partyNameKey, PartyTableError, type PartyTable } from './table.ts'
export { parsePartyYears, EMISSIONS_SERIES, type PartySeries, type EmissionsSeriesSource } from './party-years.ts'
export { parseNegotiatingGroups, type NegotiatingGroup, type NegotiatingGroups } from './negotiating-groups.ts'
export { parseRoster, rosterGroup, rosterParty, type Roster, type RosterFile, type Speaker } from './roster.ts'
export { readSpeaker, type SpeakerReading } from './speaker.ts'
