/**
 * The times a record carries — when a proposal was made or decided, a stance taken, a log
 * entry or a comment written, an acceptance recorded — are the server's to vouch for. A
 * client stamps them (it must, to write the entry in one step), and the server refuses an
 * entry whose new time is not its own clock's now: more than `RECORD_CLOCK_SKEW_MS.ahead`
 * in the future or `RECORD_CLOCK_SKEW_MS.behind` in the past. Refusing, not overwriting: a
 * Yjs item cannot be rewritten in place, and a second write over the client's would race
 * with whoever builds on the first. The window only absorbs clock drift and transit.
 */

/** How far from the server's clock a record's new time may be (milliseconds). */
export const RECORD_CLOCK_SKEW_MS = { ahead: 60_000, behind: 5 * 60_000 } as const

// Where an entry of the record keeps a time: its own, its decision's, its edit's, its resolution's.
const TIME_PATHS: readonly (readonly string[])[] = [['at'], ['decision', 'at'], ['editedAt'], ['resolved', 'at']]

function at(value: unknown, path: readonly string[]): unknown {
  let here = value
  for (const step of path) {
    if (!here || typeof here !== 'object') return undefined
    here = (here as Record<string, unknown>)[step]
  }
  return here
}

/**
 * Why the times `after` sets anew (those that differ from `before`'s) are not the server's
 * now, or null. `now` is the server's clock in milliseconds.
 */
export function refuseRecordTimes(before: unknown, after: unknown, now: number): string | null {
  for (const path of TIME_PATHS) {
    const time = at(after, path)
    if (time === undefined || time === at(before, path)) continue
    const ms = typeof time === 'string' ? Date.parse(time) : NaN
    const field = path.join('.')
    if (!Number.isFinite(ms)) return `${field} is not a time (an ISO 8601 string, as new Date().toISOString() writes)`
    if (ms > now + RECORD_CLOCK_SKEW_MS.ahead)
      return `${field} ${time} is ahead of the server's clock (${new Date(now).toISOString()}); the record is dated when it is written`
    if (ms < now - RECORD_CLOCK_SKEW_MS.behind)
      return `${field} ${time} is behind the server's clock (${new Date(now).toISOString()}); the record is dated when it is written, never backdated`
  }
  return null
}
