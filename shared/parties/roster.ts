/**
 * Who may speak in a negotiation: the 198 Parties to the Convention and the
 * negotiating groups they form (`templates/parties/unfccc-parties.json`,
 * `templates/parties/negotiating-groups.json`, each with its source). The
 * Annex B party table (`parties.csv`) carries numbers for 43 of them; this
 * roster carries names, so that "Norway:", "U.S:" or "LMDC:" at the start of
 * a comment can be read, and a delegation's claim to speak for a group checked.
 */
import { z } from 'zod'
import groupsJson from '../../templates/parties/negotiating-groups.json'
import partiesJson from '../../templates/parties/unfccc-parties.json'

/** A Party to the Convention. */
export const RosterPartySchema = z
  .object({ name: z.string().min(1), iso: z.string().length(2), aliases: z.array(z.string().min(1)).optional() })
  .strict()

/** A Party to the Convention. */
export type RosterParty = z.infer<typeof RosterPartySchema>

/** A negotiating group: its members by Party name, where its list comes from and when it was checked. */
export const NegotiatingGroupSchema = z
  .object({
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)),
    members: z.array(z.string().min(1)),
    /** The Party the group also is (the EU). */
    party: z.string().optional(),
    source: z.string().min(1),
    asOf: z.string().regex(/^\d{4}-\d{2}$/),
    note: z.string().optional(),
  })
  .strict()

/** A negotiating group. */
export type NegotiatingGroup = z.infer<typeof NegotiatingGroupSchema>

/** The Parties to the Convention. */
export const UNFCCC_PARTIES: readonly RosterParty[] = z
  .object({ about: z.string(), source: z.string(), asOf: z.string(), parties: z.array(RosterPartySchema) })
  .parse(partiesJson).parties

/** The negotiating groups. */
export const NEGOTIATING_GROUPS: readonly NegotiatingGroup[] = z
  .object({ about: z.string(), groups: z.array(NegotiatingGroupSchema) })
  .parse(groupsJson).groups

/** A name as compared: accents, apostrophe shapes, case and spacing do not matter. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

const partyByKey = new Map<string, RosterParty>()
for (const p of UNFCCC_PARTIES) for (const n of [p.name, ...(p.aliases ?? [])]) partyByKey.set(nameKey(n), p)
const groupByKey = new Map<string, NegotiatingGroup>()
for (const g of NEGOTIATING_GROUPS) for (const n of [g.name, ...g.aliases]) groupByKey.set(nameKey(n), g)

/** The Party named `name` (its UNFCCC name or an alias such as `USA` or `Türkiye`). */
export function findParty(name: string): RosterParty | undefined {
  return partyByKey.get(nameKey(name))
}

/** The group named `name` (`G77`, `African Group`, `AOSIS` …). */
export function findGroup(name: string): NegotiatingGroup | undefined {
  return groupByKey.get(nameKey(name))
}

/**
 * Whether a delegation of Party `party` may speak for group `group`: its
 * Party is a member, or the group is that Party itself (the EU).
 */
export function speaksWithin(party: string, group: NegotiatingGroup): boolean {
  const p = findParty(party)
  if (!p) return false
  return group.party === p.name || group.members.includes(p.name)
}
