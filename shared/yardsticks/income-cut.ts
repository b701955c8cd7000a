/**
 * The income/cut yardstick (seed 003): each Party's proposed cut beside its
 * per-capita income, the least-squares line of cut against log income, and each
 * Party's distance from that line — above it, a Party offers more than the
 * historical pattern asks of its income; below it, less.
 */
import { fitLine, predict, type FittedLine } from './ols.ts'
import {
  emissionsKt,
  incomePerCapita,
  type CommitmentPeriod,
  type Inscription,
  type YardstickData,
} from './yardstick-data.ts'

/**
 * What a cut is measured against. `base-year`: the inscription as written
 * (cut = 100 − QELRC). `emissions`: the Party's actual emissions averaged over
 * `years`, standing in for the business-as-usual baseline the seed uses and
 * the data does not contain (cut = 1 − QELRC × base year / baseline).
 */
export type Baseline = { kind: 'base-year' } | { kind: 'emissions'; years: number[] }

/** How to read the inscriptions: which period, against what, with income of which year. */
export interface YardstickOptions {
  period: CommitmentPeriod
  baseline: Baseline
  /** Year of the per-capita income on the x axis. */
  incomeYear: number
}

/**
 * The defaults: income in the year of negotiation (Kyoto 1997, Doha 2012) and
 * cuts against the Party's actual emissions over its commitment period — the
 * nearest thing in the data to the BAU baselines of the seed's figures.
 */
export const defaultYardstickOptions: Record<CommitmentPeriod, YardstickOptions> = {
  cp1: { period: 'cp1', baseline: { kind: 'emissions', years: [2008, 2009, 2010, 2011, 2012] }, incomeYear: 1997 },
  cp2: {
    period: 'cp2',
    baseline: { kind: 'emissions', years: [2013, 2014, 2015, 2016, 2017, 2018, 2019] },
    incomeYear: 2012,
  },
}

/** One Party on the yardstick. Percentages are in per cent (8 means 8 %). */
export interface YardstickRow {
  party: string
  qelrc: number
  incomePerCapitaUsd: number
  cutPercent: number
  /** The cut the fitted line asks of this income. */
  fairCutPercent: number
  /** cut − fair cut: positive above the line (more than its share), negative below. */
  distancePercent: number
}

/** A Party left off the fit, and why. */
export interface YardstickOmission {
  party: string
  reason: string
}

/** The yardstick: rows, the fitted line and its slope in the seed's unit. */
export interface Yardstick {
  options: YardstickOptions
  rows: YardstickRow[]
  omitted: YardstickOmission[]
  line: FittedLine
  /** Percentage points of cut per 10 % more per-capita income (the seed: ~1.4 Kyoto, ~1.6 Cancún). */
  cutPer10PercentIncome: number
}

/** Converts a slope against ln(income) into percentage points of cut per 10 % of income. */
export function per10PercentIncome(slopePerLogIncome: number): number {
  return slopePerLogIncome * Math.log(1.1)
}

/** The cut in per cent that `qelrc` (per cent of base year) means against `baseline`; undefined if data is missing. */
export function cutPercent(
  data: YardstickData,
  inscription: Inscription,
  qelrc: number,
  baseline: Baseline,
): number | undefined {
  if (baseline.kind === 'base-year') return 100 - qelrc
  if (inscription.baseYearKt === undefined) return undefined
  let sum = 0
  for (const year of baseline.years) {
    const e = emissionsKt(data, inscription.party, year)
    if (e === undefined || e <= 0) return undefined
    sum += e
  }
  const reference = sum / baseline.years.length
  return 100 * (1 - ((qelrc / 100) * inscription.baseYearKt) / reference)
}

/**
 * Builds the yardstick for `inscriptions` (the Party data's own, or a
 * negotiation's current ones). The European Union as a whole is left off:
 * its member States are on the chart, and counting both would weigh the EU twice.
 */
export function incomeCutYardstick(
  data: YardstickData,
  inscriptions: readonly Inscription[] = data.inscriptions,
  options: YardstickOptions = defaultYardstickOptions.cp1,
): Yardstick {
  if (options.baseline.kind === 'emissions' && options.baseline.years.length === 0) {
    throw new Error('an emissions baseline needs at least one year, e.g. { kind: "emissions", years: [2010] }')
  }
  const rows: Omit<YardstickRow, 'fairCutPercent' | 'distancePercent'>[] = []
  const omitted: YardstickOmission[] = []
  for (const inscription of inscriptions) {
    const qelrc = inscription.qelrc[options.period]
    if (inscription.aggregate) {
      omitted.push({ party: inscription.party, reason: 'aggregate of member States already on the chart' })
      continue
    }
    if (qelrc === undefined) continue // no inscription for this period: not a point, not an omission
    const income = incomePerCapita(data, inscription.party, options.incomeYear)
    if (income === undefined) {
      omitted.push({ party: inscription.party, reason: `no GDP or population for ${options.incomeYear}` })
      continue
    }
    const cut = cutPercent(data, inscription, qelrc, options.baseline)
    if (cut === undefined) {
      omitted.push({ party: inscription.party, reason: 'no base-year or baseline emissions' })
      continue
    }
    rows.push({ party: inscription.party, qelrc, incomePerCapitaUsd: income, cutPercent: cut })
  }
  const line = fitLine(rows.map((r) => ({ x: Math.log(r.incomePerCapitaUsd), y: r.cutPercent, label: r.party })))
  return {
    options,
    omitted,
    line,
    cutPer10PercentIncome: per10PercentIncome(line.slope),
    rows: rows.map((r) => {
      const fair = predict(line, Math.log(r.incomePerCapitaUsd))
      return { ...r, fairCutPercent: fair, distancePercent: r.cutPercent - fair }
    }),
  }
}
