/**
 * How figures read in the editor: tonnes with thin group separators (as UNFCCC
 * documents print them), percentages to one decimal, million tonnes to one
 * decimal, and intervals (a conditional offer) as "low–high".
 */
import { bounds, isExact, type Interval } from '../../shared/commitments/interval.ts'

const tonnes = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 })
const percent = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })

/** `12 345 678` for a number of tonnes. */
export function formatTonnes(t: number): string {
  return tonnes.format(t).replace(/,/g, '\u202f')
}

/** `18.0` for a percentage (no sign added). */
export function formatPercent(p: number): string {
  return percent.format(p)
}

const mt = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })

/** `12 345.6` for tonnes shown in million tonnes. */
export function formatMt(t: number): string {
  return mt.format(t / 1e6).replace(/,/g, '\u202f')
}

/** An interval with `format`: one figure when both ends agree, else `low–high`. */
export function formatInterval(i: Interval, format: (x: number) => string): string {
  if (isExact(i)) return format(i.unconditional)
  const [low, high] = bounds(i)
  return `${format(low)}–${format(high)}`
}
