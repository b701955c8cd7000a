/**
 * User Timing marks of a document's open (`accord:open:<phase>`), so DevTools' Performance
 * panel and the editor benchmark can say where an open's time went: the text room's sync, the
 * proposals room's, mounting the editor, drawing the panels. Each open clears the last one's.
 */

/** The phases of an open, in the order they happen. */
export const OPEN_PHASES = ['start', 'synced', 'proposals', 'mounted', 'ready'] as const

/** One phase of an open. */
export type OpenPhase = (typeof OPEN_PHASES)[number]

/** The prefix of every open mark's name. */
export const OPEN_MARK = 'accord:open:'

/** Marks `phase` of the open under way; `start` forgets the previous open's marks. */
export function markOpen(phase: OpenPhase): void {
  if (phase === 'start') for (const p of OPEN_PHASES) performance.clearMarks(OPEN_MARK + p)
  performance.mark(OPEN_MARK + phase)
}
