/**
 * The rule that a delegation speaks for a Party of the party table: the name
 * given when its account is created is looked up (by the name the text
 * writes, the UN's name or another spelling) and stored as the table's name,
 * the one inscriptions and proposals are keyed by. An unknown name is refused
 * with the nearest spellings, never stored.
 */
import { partyNameKey } from '../../shared/parties/table.ts'
import type { Party } from '../../shared/parties/party.ts'

/** Finds the Party a delegation names. */
export type DelegationPartyLookup = (name: string) => { party: string } | { error: string }

/** A lookup over `parties` (every Party to the Convention, 197). */
export function delegationPartyLookup(parties: readonly Party[]): DelegationPartyLookup {
  const byKey = new Map<string, Party>()
  for (const p of parties) for (const n of [p.name, p.unName, ...p.aliases]) byKey.set(partyNameKey(n), p)
  return (name) => {
    const key = partyNameKey(name)
    const found = byKey.get(key)
    if (found) return { party: found.name }
    const near = [
      ...new Set(parties.filter((p) => partyNameKey(p.name).startsWith(key.slice(0, 3))).map((p) => p.name)),
    ]
    return {
      error: `"${name}" is not a Party to the Convention in the party table${near.length ? `; did you mean ${near.slice(0, 5).join(', ')}?` : ''}`,
    }
  }
}
