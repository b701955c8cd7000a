/**
 * New Zealand's Annex C (the non-paper's Annex B Option 5) states one
 * commitment three ways: per cent of base year, per cent of reference year
 * 2007, and a budget in Gg CO2 eq for the whole period. Given any one, these
 * give the other two. Budgets are not rounded: under 7 bis Option 3 (a) the
 * inscribed Gg number is itself the assigned amount.
 */
import { requirePositive, requireWholeYears } from './input.ts'
import { tonnesToGg, ggToTonnes } from './units.ts'

/** What the conversions need to know of a Party. */
export interface AnnexCBasis {
  /** Base-year emissions, tonnes. */
  baseYearT: number
  /** 2007 emissions, tonnes. */
  reference2007T: number
  /** Years in the commitment period. */
  years: number
}

/** One Annex C row's three numbers. */
export interface AnnexCCommitment {
  baseYearPct: number
  referenceYear2007Pct: number
  budgetGg: number
}

function checked(basis: AnnexCBasis): AnnexCBasis {
  requirePositive('baseYearT', basis.baseYearT, 'must be base-year emissions in tonnes, greater than zero')
  requirePositive(
    'reference2007T',
    basis.reference2007T,
    'must be 2007 emissions in tonnes, greater than zero (multiply Gg by 1000)',
  )
  requireWholeYears('years', basis.years)
  return basis
}

/** The Annex C row for a commitment stated as per cent of the base year or period. */
export function annexCFromBaseYearPct(baseYearPct: number, basis: AnnexCBasis): AnnexCCommitment {
  const { baseYearT, reference2007T, years } = checked(basis)
  requirePositive('baseYearPct', baseYearPct)
  return {
    baseYearPct,
    referenceYear2007Pct: (baseYearPct * baseYearT) / reference2007T,
    budgetGg: tonnesToGg((baseYearPct * baseYearT * years) / 100),
  }
}

/** The Annex C row for a commitment stated as per cent of 2007 emissions. */
export function annexCFromReferenceYearPct(referenceYear2007Pct: number, basis: AnnexCBasis): AnnexCCommitment {
  const { baseYearT, reference2007T } = checked(basis)
  requirePositive('referenceYear2007Pct', referenceYear2007Pct)
  return annexCFromBaseYearPct((referenceYear2007Pct * reference2007T) / baseYearT, basis)
}

/** The Annex C row for a commitment stated as a budget in Gg CO2 eq over the period. */
export function annexCFromBudget(budgetGg: number, basis: AnnexCBasis): AnnexCCommitment {
  const { baseYearT, years } = checked(basis)
  requirePositive('budgetGg', budgetGg, 'must be a budget in Gg CO2 eq over the whole period, greater than zero')
  return annexCFromBaseYearPct((ggToTonnes(budgetGg) * 100) / (baseYearT * years), basis)
}
