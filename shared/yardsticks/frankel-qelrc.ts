/**
 * Frankel's path as an Annex B figure: the seed computes one target per
 * five-year period (at its midpoint); a commitment period such as 2013–2020
 * straddles several, so the path is read at each year of the period (linearly
 * between midpoints), averaged, and stated as a per cent of the base year —
 * the unit the Party inscribes in.
 */
import type { FrankelTarget } from './frankel.ts'

/** A commitment period, first and last year inclusive. */
export interface YearSpan {
  start: number
  end: number
}

/** The path's target in `year`, linear between period midpoints and flat beyond the ends. */
export function targetInYear(path: readonly FrankelTarget[], year: number): number {
  if (path.length === 0) throw new Error('an empty Frankel path has no target')
  if (year <= path[0].year) return path[0].target
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1]
    const b = path[i]
    if (year <= b.year) return a.target + ((b.target - a.target) * (year - a.year)) / (b.year - a.year)
  }
  return path[path.length - 1].target
}

/** Frankel's average annual target over `period` as a QELRC, % of `baseYearKt` (same unit as the path). */
export function frankelQelrc(path: readonly FrankelTarget[], baseYearKt: number, period: YearSpan): number {
  if (!(baseYearKt > 0)) throw new Error(`the base year must be positive, got ${baseYearKt}`)
  if (!Number.isInteger(period.start) || !Number.isInteger(period.end) || period.end < period.start) {
    throw new Error(
      `a commitment period runs from a year to the same or a later year, got ${period.start}–${period.end}`,
    )
  }
  let sum = 0
  for (let y = period.start; y <= period.end; y++) sum += targetInYear(path, y)
  return (100 * sum) / (period.end - period.start + 1) / baseYearKt
}
