/**
 * Who said or changed something, and when, as the margin and the lists show it:
 * the Party or group first (what negotiators read), the account or the Word
 * author beside it, one date format.
 */

/** A date as the cards show it ("20 Nov 2024, 10:42" in the reader's locale); the input when unreadable. */
export function shownDate(iso: string | undefined): string {
  if (!iso) return ''
  const date = new Date(iso)
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}
