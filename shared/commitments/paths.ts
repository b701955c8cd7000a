/**
 * The paths a commitment is measured against, from a Party's series: GDP
 * growing at a stated rate from a base year, and business-as-usual emissions —
 * the data to its last year, then the Party's own BAU level, a stated growth,
 * or (by default) the log-linear trend of its last ten years, the way
 * Frankel's scenario builds BAU (`shared/yardsticks/frankel-scenario.ts`).
 * Every default is returned with a sentence saying what it is.
 */
import type { PartySeries } from '../parties/party-years.ts'
import { fitLine } from '../yardsticks/ols.ts'

/** Years of data a default trend looks back over. */
export const TREND_YEARS = 10

/** The last year a map has a value for. */
export function lastYear(values: ReadonlyMap<number, number>): number | undefined {
  let last: number | undefined
  for (const y of values.keys()) if (last === undefined || y > last) last = y
  return last
}

/** The first year a map has a value for. */
export function firstYear(values: ReadonlyMap<number, number>): number | undefined {
  let first: number | undefined
  for (const y of values.keys()) if (first === undefined || y < first) first = y
  return first
}

// A series never changes once read: what is derived from it alone is computed once.
function once<T>(cache: WeakMap<PartySeries, { value: T }>, series: PartySeries, compute: () => T): T {
  let hit = cache.get(series)
  if (!hit) cache.set(series, (hit = { value: compute() }))
  return hit.value
}

const recentGrowth = new WeakMap<PartySeries, { value: { pct: number; from: number; to: number } | undefined }>()
const growthRange = new WeakMap<
  PartySeries,
  { value: { lowestPct: number; lowestYear: number; highestPct: number; from: number; to: number } | undefined }
>()
const trends = new WeakMap<PartySeries, { value: { growthPct: number; from: number } | undefined }>()

const lastEmissions = new WeakMap<PartySeries, { value: number | undefined }>()

/** The last year the Party's emissions series has a figure for. */
export function lastEmissionsYear(series: PartySeries): number | undefined {
  return once(lastEmissions, series, () => lastYear(series.ghgKt))
}

/** Compound annual growth of GDP over the last ten years of data, per cent, or undefined without two figures. */
export function recentGdpGrowthPct(series: PartySeries): { pct: number; from: number; to: number } | undefined {
  return once(recentGrowth, series, () => computeRecentGdpGrowth(series))
}

function computeRecentGdpGrowth(series: PartySeries): { pct: number; from: number; to: number } | undefined {
  const to = lastYear(series.gdp)
  if (to === undefined) return undefined
  let from = to - TREND_YEARS
  while (from < to && !series.gdp.has(from)) from++
  if (from >= to) return undefined
  const ratio = series.gdp.get(to)! / series.gdp.get(from)!
  return { pct: 100 * (ratio ** (1 / (to - from)) - 1), from, to }
}

/** The lowest and highest year-on-year GDP growth in the data, per cent, with their years. */
export function gdpGrowthRange(
  series: PartySeries,
): { lowestPct: number; lowestYear: number; highestPct: number; from: number; to: number } | undefined {
  return once(growthRange, series, () => computeGrowthRange(series))
}

function computeGrowthRange(
  series: PartySeries,
): { lowestPct: number; lowestYear: number; highestPct: number; from: number; to: number } | undefined {
  let lowestPct = Infinity
  let lowestYear = 0
  let highestPct = -Infinity
  let from: number | undefined
  let to: number | undefined
  for (const [y, gdp] of series.gdp) {
    const before = series.gdp.get(y - 1)
    if (before === undefined || before <= 0) continue
    const pct = 100 * (gdp / before - 1)
    if (pct < lowestPct) ((lowestPct = pct), (lowestYear = y))
    if (pct > highestPct) highestPct = pct
    from = from === undefined ? y - 1 : Math.min(from, y - 1)
    to = to === undefined ? y : Math.max(to, y)
  }
  return from === undefined ? undefined : { lowestPct, lowestYear, highestPct, from, to: to! }
}

/** A BAU path: tonnes CO₂ eq in any year, and what it rests on. */
export interface BauPath {
  /** Emissions in `year`, tonnes. */
  at(year: number): number
  /** The last year of data the path continues from. */
  lastDataYear: number
  /** Growth after the data, per cent a year. */
  growthPct: number
  assumption: string
}

/** How a BAU path is stated. */
export interface BauChoice {
  /** The Party's own BAU emissions in `targetYear`, Mt CO₂ eq. */
  targetMt?: number
  targetYear?: number
  /** Growth after the data, per cent a year. */
  growthPct?: number
}

/**
 * The BAU path of a Party, or why there is none. Before and in the data's last
 * year it is the data; after it, emissions grow at the stated rate, at the
 * rate that reaches the Party's own target-year BAU, or along the trend.
 */
export function bauPath(series: PartySeries, choice: BauChoice = {}): BauPath | { problem: string; field: string } {
  const last = lastEmissionsYear(series)
  if (last === undefined)
    return { field: 'bau.pct', problem: 'the data has no emissions for this Party, so there is no BAU path' }
  const lastT = series.ghgKt.get(last)! * 1000
  if (lastT <= 0)
    return {
      field: 'bau.pct',
      problem: `the data’s emissions in ${last} are a net sink (${lastT / 1e6} Mt): a deviation below BAU has no meaning`,
    }
  let growth: number
  let assumption: string
  if (choice.targetMt !== undefined) {
    const t = choice.targetYear
    if (t === undefined || t <= last)
      return {
        field: 'bau.targetYear',
        problem: `a stated BAU level needs a target year after the data’s last year (${last}); before it the BAU is the data`,
      }
    growth = (((choice.targetMt * 1e6) / lastT) ** (1 / (t - last)) - 1) * 100
    assumption = `BAU: the data to ${last}, then the Party’s own ${t} BAU of ${choice.targetMt} Mt (${growth.toFixed(2)} % a year)`
  } else if (choice.growthPct !== undefined) {
    growth = choice.growthPct
    assumption = `BAU: the data to ${last}, then ${growth} % a year (stated)`
  } else {
    const points: { x: number; y: number }[] = []
    for (let y = last - TREND_YEARS + 1; y <= last; y++) {
      const v = series.ghgKt.get(y)
      if (v !== undefined && v > 0) points.push({ x: y, y: Math.log(v) })
    }
    if (points.length < 2)
      return {
        field: 'bau.growthPct',
        problem: 'the data has too few years for a trend: state bau.growthPct or bau.targetMt',
      }
    growth = (Math.exp(fitLine(points).slope) - 1) * 100
    assumption = `BAU: the data to ${last}, then its log-linear trend over ${points[0]!.x}–${last} (${growth.toFixed(2)} % a year; Frankel’s BAU method)`
  }
  const factor = 1 + growth / 100
  return {
    at: (year) => {
      if (year <= last) {
        const v = series.ghgKt.get(year)
        if (v !== undefined) return v * 1000
      }
      return lastT * factor ** (year - last)
    },
    lastDataYear: last,
    growthPct: growth,
    assumption,
  }
}

// The growth of the OLS line through ln(emissions) over the data's last ten years.
function logLinearTrend(series: PartySeries, last: number): { growthPct: number; from: number } | undefined {
  const points: { x: number; y: number }[] = []
  for (let y = last - TREND_YEARS + 1; y <= last; y++) {
    const v = series.ghgKt.get(y)
    if (v !== undefined && v > 0) points.push({ x: y, y: Math.log(v) })
  }
  if (points.length < 2) return undefined
  return { growthPct: (Math.exp(fitLine(points).slope) - 1) * 100, from: points[0]!.x }
}
