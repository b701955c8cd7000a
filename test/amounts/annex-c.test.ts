import { describe, expect, it } from 'vitest'
import { annexCFromBaseYearPct, annexCFromBudget, annexCFromReferenceYearPct } from '../../shared/amounts/annex-c.ts'

// New Zealand, whose proposal Annex C is: base year 61,912,946.6 t (its official
// first-period amount / 5), 2007 emissions 80,522,566 t (UNFCCC 2021 inventory), eight years.
const newZealand = { baseYearT: 61_912_946.6, reference2007T: 80_522_566, years: 8 }

describe('Annex C conversions', () => {
  it('states 100 % of base year as % of 2007 and as a budget', () => {
    // 61,912,946.6 / 80,522,566 = 76.8889 % of 2007; 61,912,946.6 × 8 / 1000 = 495,303.5728 Gg.
    const row = annexCFromBaseYearPct(100, newZealand)
    expect(row.referenceYear2007Pct).toBeCloseTo(76.8889, 4)
    expect(row.budgetGg).toBeCloseTo(495_303.5728, 4)
  })

  it('goes back from a 2007 percentage and from a budget', () => {
    // 80 % of 2007 = 64,418,052.8 t a year = 104.0462 % of base year; × 8 = 515,344.4224 Gg.
    const fromReference = annexCFromReferenceYearPct(80, newZealand)
    expect(fromReference.baseYearPct).toBeCloseTo(104.0462, 4)
    expect(fromReference.budgetGg).toBeCloseTo(515_344.4224, 4)
    // A budget of 400,000 Gg over 8 years = 50,000,000 t a year = 80.7586 % of base year.
    expect(annexCFromBudget(400_000, newZealand).baseYearPct).toBeCloseTo(80.7586, 4)
  })

  it('round-trips each form through the others', () => {
    for (const pct of [60, 87.5, 100, 118]) {
      const row = annexCFromBaseYearPct(pct, newZealand)
      expect(annexCFromReferenceYearPct(row.referenceYear2007Pct, newZealand).baseYearPct).toBeCloseTo(pct, 9)
      expect(annexCFromBudget(row.budgetGg, newZealand).baseYearPct).toBeCloseTo(pct, 9)
    }
  })

  it('names a bad basis', () => {
    expect(() => annexCFromBudget(1000, { ...newZealand, reference2007T: 0 })).toThrow(/reference2007T = 0/)
  })
})
