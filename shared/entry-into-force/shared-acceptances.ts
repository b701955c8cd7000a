/**
 * The acceptance list in the shared Y.Doc: a Y.Map 'acceptances' in the text
 * room, one key per Party (`Party` → `{ date, annexI }`), so the depositary's
 * notifications entered by two co-chairs at once never collide, and a Party
 * deposits at most one instrument by construction.
 */
import * as Y from 'yjs'
import { z } from 'zod'
import { dayNumber } from './calendar-date.ts'
import type { Acceptance } from './evaluate.ts'

/** Name of the acceptances map in the text room's Y.Doc. */
export const ACCEPTANCES_MAP = 'acceptances'

/** What is stored per Party: the date the Depositary received the instrument, and whether the Party is in Annex I. */
export interface StoredAcceptance {
  date: string
  annexI: boolean
}

const storedAcceptance = z.object({
  date: z.string().refine((d) => {
    try {
      dayNumber(d)
      return true
    } catch {
      return false
    }
  }, 'a calendar date in the form YYYY-MM-DD'),
  annexI: z.boolean().default(false),
})

/** The acceptances map of `ydoc`. */
export function acceptancesMap(ydoc: Y.Doc): Y.Map<StoredAcceptance> {
  return ydoc.getMap<StoredAcceptance>(ACCEPTANCES_MAP)
}

/** The valid acceptances in `ydoc`, in Party order; a malformed entry (a bad write) is left out and named. */
export function readSharedAcceptances(ydoc: Y.Doc): {
  acceptances: Acceptance[]
  invalid: { party: string; message: string }[]
} {
  const acceptances: Acceptance[] = []
  const invalid: { party: string; message: string }[] = []
  acceptancesMap(ydoc).forEach((raw, party) => {
    const parsed = storedAcceptance.safeParse(raw)
    if (parsed.success) acceptances.push({ party, date: parsed.data.date, annexI: parsed.data.annexI })
    else invalid.push({ party, message: parsed.error.issues[0].message })
  })
  // Y.Map iteration order is not the same on every replica: sort so every replica evaluates the same list.
  acceptances.sort((a, b) => (a.party < b.party ? -1 : a.party > b.party ? 1 : 0))
  return { acceptances, invalid }
}

/** Records acceptances in one transaction (a Party already listed is overwritten: its instrument, corrected). */
export function writeSharedAcceptances(ydoc: Y.Doc, acceptances: readonly Acceptance[]): void {
  const map = acceptancesMap(ydoc)
  ydoc.transact(() => {
    for (const a of acceptances) {
      dayNumber(a.date) // throws naming the bad date before anything is written
      map.set(a.party, { date: a.date, annexI: a.annexI ?? false })
    }
  })
}
