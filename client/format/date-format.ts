/**
 * How dates and times read in the app: one format, the reader's locale's (the browser's
 * language), for every time stamp a person sees — the log, proposals, revisions, compare.
 */

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })

/** A moment (ISO string, milliseconds or Date) as a date and time: `2 Dec 2026, 10:42`. */
export function formatDateTime(moment: string | number | Date): string {
  return dateTime.format(new Date(moment))
}

/** The time of day alone, `10:42`: for what happened today (offline since …). */
export function formatTime(moment: string | number | Date): string {
  return time.format(new Date(moment))
}
