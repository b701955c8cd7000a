/**
 * The assigned amount of Article 3, paragraphs 7 and 8 (and the non-paper's
 * 7 bis): QELRC % of base-year emissions, times the years of the period.
 *
 * Rounding: official assigned amounts are whole tonnes, so the result is
 * rounded to the nearest tonne, halves away from zero. Official base years are
 * not whole tonnes (Belgium's is 145,728,762.81 t), so the published figures
 * cannot tell this rule from rounding down; it is Accord's stated rule, and
 * `unroundedTonnes` keeps the exact product for anyone who needs another.
 */
import { requirePositive, requireWholeYears } from './input.ts'

/** What an assigned amount is computed from. */
export interface AssignedAmountInput {
  /** The inscribed percentage of base-year emissions, e.g. 92 or 99.5. */
  qelrcPct: number
  /** Base-year (or base-period) emissions in tonnes CO2 eq; fractional tonnes allowed. */
  baseYearT: number
  /** Years in the commitment period: 5 for 2008-2012, 8 for 2013-2020. */
  years: number
  /** True when the base year is an approximation (an inventory figure, not the reviewed one). */
  baseYearApproximate?: boolean
}

/** An assigned amount, with the exact product and whether it rests on an approximate base year. */
export interface AssignedAmount {
  /** Whole tonnes CO2 eq (AAUs). */
  tonnes: number
  /** The product before rounding. */
  unroundedTonnes: number
  /** True when the base year was approximate, so the amount is too. */
  approximate: boolean
}

/** Rounds tonnes to a whole tonne, halves away from zero. */
export function roundToWholeTonnes(tonnes: number): number {
  return Math.sign(tonnes) * Math.round(Math.abs(tonnes))
}

/** Computes QELRC% × base year × years, rounded to whole tonnes. */
export function assignedAmount(input: AssignedAmountInput): AssignedAmount {
  requirePositive(
    'qelrcPct',
    input.qelrcPct,
    'must be the inscribed percentage, a number greater than zero (92 for 92 %)',
  )
  requirePositive(
    'baseYearT',
    input.baseYearT,
    'must be base-year emissions in tonnes, greater than zero (multiply Gg by 1000)',
  )
  requireWholeYears('years', input.years)
  // Multiply before dividing by 100 so that whole-percent inscriptions of whole
  // tonnes stay exact in floating point.
  const unroundedTonnes = (input.qelrcPct * input.baseYearT * input.years) / 100
  return {
    tonnes: roundToWholeTonnes(unroundedTonnes),
    unroundedTonnes,
    approximate: input.baseYearApproximate === true,
  }
}

/**
 * The base year implied by an official assigned amount: AA ÷ (QELRC% × years),
 * fractional tonnes kept. Recomputing the amount from it proves only this
 * derivation; check it against independently published base years instead.
 */
export function baseYearFromAssignedAmount(assignedAmountT: number, qelrcPct: number, years: number): number {
  requirePositive('assignedAmountT', assignedAmountT, 'must be an assigned amount in tonnes, greater than zero')
  requirePositive('qelrcPct', qelrcPct)
  requireWholeYears('years', years)
  return (assignedAmountT * 100) / (qelrcPct * years)
}
