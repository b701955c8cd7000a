/**
 * A figure that depends on whether a Party's conditions are met: the
 * unconditional figure and the conditional one (the same when the Party
 * offers no condition). Totals carry both ends, summed end by end, so a
 * conditional offer is never folded into one number: the interval is what the
 * negotiators see, from a Party's row to the aggregate.
 */

/** An unconditional and a conditional figure of the same quantity. */
export interface Interval {
  unconditional: number
  conditional: number
}

/** The interval of a figure without a condition. */
export function exact(value: number): Interval {
  return { unconditional: value, conditional: value }
}

/** True when both ends are the same figure. */
export function isExact(i: Interval): boolean {
  return i.unconditional === i.conditional
}

/** End by end: a + b. */
export function plus(a: Interval, b: Interval): Interval {
  return { unconditional: a.unconditional + b.unconditional, conditional: a.conditional + b.conditional }
}

/** Adds `b` into `into`, end by end (for sums over many Parties without a new object each step). */
export function addInto(into: Interval, b: Interval): Interval {
  into.unconditional += b.unconditional
  into.conditional += b.conditional
  return into
}

/** End by end: a − b. */
export function minus(a: Interval, b: Interval): Interval {
  return { unconditional: a.unconditional - b.unconditional, conditional: a.conditional - b.conditional }
}

/** Both ends times k. */
export function times(a: Interval, k: number): Interval {
  return { unconditional: a.unconditional * k, conditional: a.conditional * k }
}

/** End by end, the smaller: two limits on the same tonnes, of which the tighter binds. */
export function lesser(a: Interval, b: Interval): Interval {
  return {
    unconditional: Math.min(a.unconditional, b.unconditional),
    conditional: Math.min(a.conditional, b.conditional),
  }
}

/** End by end, the larger: two cuts of the same tonnes, of which the deeper is made. */
export function greater(a: Interval, b: Interval): Interval {
  return {
    unconditional: Math.max(a.unconditional, b.unconditional),
    conditional: Math.max(a.conditional, b.conditional),
  }
}

/** Each end through `f`. */
export function mapInterval(a: Interval, f: (x: number) => number): Interval {
  return { unconditional: f(a.unconditional), conditional: f(a.conditional) }
}

/** The smaller and the larger end, for display ("13.0–14.2 Gt"). */
export function bounds(a: Interval): [low: number, high: number] {
  return a.unconditional <= a.conditional ? [a.unconditional, a.conditional] : [a.conditional, a.unconditional]
}

/** The zero interval, the start of a sum. */
export const ZERO: Interval = Object.freeze({ unconditional: 0, conditional: 0 })
