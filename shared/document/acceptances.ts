/**
 * The acceptance list in the text room's 'acceptances' map, one key per Party (`Party` → `{ date, annexI }`), so the depositary's
 * notifications entered by two co-chairs at once never collide, and a Party
 * deposits at most one instrument by construction.
 */
import type * as Y from 'yjs'
import { z } from 'zod'
import { dayNumber } from '../entry-into-force/calendar-date.ts'
import type { Acceptance } from '../entry-into-force/evaluate.ts'
import { textRoom } from './text-room.ts'

/** What is stored per Party: the date the Depositary received the instrument, and whether the Party is in Annex I. */
export interface StoredAcceptance {
  date: string
  annexI: boolean
}

/** The schema of a stored acceptance. */
export const StoredAcceptanceSchema = z.object({
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

/** The valid acceptances in `ydoc`, in Party order; a malformed entry (a bad write) is left out and named. */
export function readSharedAcceptances(ydoc: Y.Doc): {
  acceptances: Acceptance[]
  invalid: { party: string; message: string }[]
} {
  const acceptances: Acceptance[] = []
  const invalid: { party: string; message: string }[] = []
  textRoom(ydoc).acceptances.forEach((raw, party) => {
    const parsed = StoredAcceptanceSchema.safeParse(raw)
    if (parsed.success) acceptances.push({ party, date: parsed.data.date, annexI: parsed.data.annexI })
    else invalid.push({ party, message: parsed.error.issues[0].message })
  })
  // Y.Map iteration order is not the same on every replica: sort so every replica evaluates the same list.
  acceptances.sort((a, b) => (a.party < b.party ? -1 : a.party > b.party ? 1 : 0))
  return { acceptances, invalid }
}

/** Records acceptances in one transaction (a Party already listed is overwritten: its instrument, corrected). */
export function writeSharedAcceptances(ydoc: Y.Doc, acceptances: readonly Acceptance[]): void {
  const map = textRoom(ydoc).acceptances
  ydoc.transact(() => {
    for (const a of acceptances) {
      dayNumber(a.date) // throws naming the bad date before anything is written
      map.set(a.party, { date: a.date, annexI: a.annexI ?? false })
    }
  })
}
