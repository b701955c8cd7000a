/**
 * The derived columns of Annex B Option 3: the reduction rate from a
 * reference year implied by an assigned amount, `1 − (AA / years) / E(year)`.
 * A negative rate means the amount allows more than that year's emissions.
 */
import { REDUCTION_RATE_YEARS, type ReductionRateYear } from '../parties/party.ts'
import { requirePositive, requireWholeYears } from './input.ts'

/** Reduction rate in per cent from one year's emissions implied by an assigned amount over `years`. */
export function reductionRatePct(assignedAmountT: number, years: number, emissionsT: number): number {
  requirePositive('assignedAmountT', assignedAmountT, 'must be an assigned amount in tonnes, greater than zero')
  requireWholeYears('years', years)
  requirePositive(
    'emissionsT',
    emissionsT,
    'must be the reference year’s emissions in tonnes, greater than zero (multiply Gg by 1000)',
  )
  return 100 * (1 - assignedAmountT / years / emissionsT)
}

/** One column of Annex B Option 3 for one Party. */
export interface ReductionRate {
  year: ReductionRateYear
  /** Per cent; absent when the year's emissions are unknown. */
  ratePct?: number
  /** True when the amount or the year's emissions are approximate. */
  approximate: boolean
}

/** The four Option 3 columns (1990, 2000, 2005, 2007) for one assigned amount. */
export function reductionRates(input: {
  assignedAmountT: number
  years: number
  /** Emissions in tonnes by year; inventories are in kt, so multiply by 1000. */
  emissionsT: Partial<Record<ReductionRateYear, number>>
  /** Inventory figures are approximations (later submissions, other GWPs) unless said otherwise. */
  emissionsApproximate?: boolean
  assignedAmountApproximate?: boolean
}): ReductionRate[] {
  return REDUCTION_RATE_YEARS.map((year) => {
    const e = input.emissionsT[year]
    const approximate = (input.emissionsApproximate ?? true) || input.assignedAmountApproximate === true
    return e === undefined
      ? { year, approximate }
      : { year, ratePct: reductionRatePct(input.assignedAmountT, input.years, e), approximate }
  })
}
