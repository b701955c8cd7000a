/**
 * Frankel's formula (seed 001): a Party's target in each five-year period is
 * its business-as-usual (BAU) emissions less three factors added in logs —
 *
 *   ln(target / BAU) = − PRF − LCF + Σ GEF
 *
 * PRF and LCF are cuts (positive = below BAU) from the period the Party first
 * commits below BAU; the GEF steps, from the period equalization starts, move
 * per-capita emissions a tenth of the (log) gap toward the world average each
 * period, and accumulate so that, repeated, they equalize (the seed's
 * "asymptotically … equal emissions per capita").
 */
import type { Region } from './yardstick-data.ts'

/** The formula's parameters; `seedParameters` holds the seed's values. */
export interface FrankelParameters {
  /** γ: extra cut from BAU per unit of log income gap to the EU (seed: 0.14). */
  gamma: number
  /**
   * The EU's Kyoto commitment relative to its BAU, in log points. The seed names
   * this term but prints no value; the default is the EU's inscribed 8 %.
   */
  euKyotoCutFromBau: number
  /** EU per-capita income in 2007, the PRF's reference (same currency as the Parties' incomes). */
  euIncomePerCapita2007: number
  /** α and λ of the Latecomer Catch-up Factor (seed: 0.54, 0.773). */
  alpha: number
  lambda: number
  /** Region dummies added to the LCF (seed: +0.38 transition economies, −0.13 China). */
  regionAdjustment: Partial<Record<Region, number>>
  /** Share of the per-capita gap to the world average closed per period (seed: 0.1). */
  equalizationSpeed: number
}

/** The seed's values. `euIncomePerCapita2007` is the World Bank's EU figure at current US$ (data, not seed). */
export const seedParameters: FrankelParameters = {
  gamma: 0.14,
  euKyotoCutFromBau: 0.08,
  euIncomePerCapita2007: 33563.48,
  alpha: 0.54,
  lambda: 0.773,
  regionAdjustment: { TE: 0.38, CHINA: -0.13 },
  equalizationSpeed: 0.1,
}

/** Progressive Reductions Factor: cut from BAU (log points) for a Party of this per-capita income. */
export function progressiveReductionsFactor(incomePerCapita: number, p: FrankelParameters = seedParameters): number {
  if (!(incomePerCapita > 0)) throw new Error(`per-capita income must be positive, got ${incomePerCapita}`)
  return p.euKyotoCutFromBau + p.gamma * Math.log(incomePerCapita / p.euIncomePerCapita2007)
}

/**
 * Latecomer Catch-up Factor, exactly as the seed prints it:
 * α − λ ln(current / 1990 emissions) + the region's adjustment (log points of cut).
 */
export function latecomerCatchUpFactor(
  currentEmissions: number,
  emissions1990: number,
  region: Region,
  p: FrankelParameters = seedParameters,
): number {
  if (!(currentEmissions > 0) || !(emissions1990 > 0)) {
    throw new Error(
      `the catch-up factor needs positive current and 1990 emissions, got ${currentEmissions} and ${emissions1990}`,
    )
  }
  return p.alpha - p.lambda * Math.log(currentEmissions / emissions1990) + (p.regionAdjustment[region] ?? 0)
}

/** One Gradual Equalization step, with the seed's sign: −speed × ln(lagged per capita / world per capita). */
export function gradualEqualizationStep(
  laggedPerCapita: number,
  worldPerCapita: number,
  p: FrankelParameters = seedParameters,
): number {
  if (!(laggedPerCapita > 0) || !(worldPerCapita > 0)) {
    throw new Error(
      `equalization needs positive per-capita emissions, got ${laggedPerCapita} (Party) and ${worldPerCapita} (world)`,
    )
  }
  return -p.equalizationSpeed * Math.log(laggedPerCapita / worldPerCapita)
}

/** What the formula needs to know of a Party in one period (midpoint year, as the seed computes). */
export interface FrankelPeriodInput {
  year: number
  /** BAU emissions, any unit (kt CO₂ eq in Accord's data). */
  bau: number
  incomePerCapita: number
  population: number
  /** World average per-capita emissions, in the unit of bau / population. */
  worldPerCapita: number
}

/** A Party's inputs: its BAU path and the years it joins (seed Table 1). */
export interface FrankelParty {
  party: string
  region: Region
  /** Latecomers (never ratified Kyoto, or no Kyoto target) carry the LCF; others do not. */
  latecomer: boolean
  emissions1990: number
  /** Emissions when the Party first commits below BAU: the LCF's "current". */
  emissionsAtCommitment: number
  /** First period with cuts below BAU (PRF, LCF). */
  belowBauFrom: number
  /** First period with equalization steps. */
  equalizationFrom: number
  periods: FrankelPeriodInput[]
}

/** The suggested target for one period, with each factor. */
export interface FrankelTarget {
  year: number
  bau: number
  target: number
  targetPerCapita: number
  prf: number
  lcf: number
  /** Accumulated equalization so far (log points; negative tightens). */
  gef: number
}

/** The suggested target path: one row per period of `party.periods`, in their order. */
export function frankelPath(party: FrankelParty, p: FrankelParameters = seedParameters): FrankelTarget[] {
  const lcfOnceCommitted = party.latecomer
    ? latecomerCatchUpFactor(party.emissionsAtCommitment, party.emissions1990, party.region, p)
    : 0
  const out: FrankelTarget[] = []
  let gef = 0
  let previousYear = -Infinity
  for (const period of party.periods) {
    if (period.year <= previousYear)
      throw new Error(`${party.party}: periods must be in increasing years (${period.year} after ${previousYear})`)
    if (!(period.population > 0) || !(period.bau > 0)) {
      throw new Error(
        `${party.party} ${period.year}: BAU and population must be positive (got ${period.bau}, ${period.population})`,
      )
    }
    previousYear = period.year
    const committed = period.year >= party.belowBauFrom
    const prf = committed ? progressiveReductionsFactor(period.incomePerCapita, p) : 0
    const lcf = committed ? lcfOnceCommitted : 0
    const lagged = out[out.length - 1]
    if (period.year >= party.equalizationFrom && lagged) {
      gef += gradualEqualizationStep(lagged.targetPerCapita, period.worldPerCapita, p)
    }
    const target = period.bau * Math.exp(-prf - lcf + gef)
    out.push({ year: period.year, bau: period.bau, target, targetPerCapita: target / period.population, prf, lcf, gef })
  }
  return out
}
