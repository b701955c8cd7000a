// An intensity target with its GDP path, worked by hand from the shipped data.
import { describe, expect, it } from 'vitest'
import { ANNEX_B1, compute, rowOf } from './annex-b1.ts'

describe('an intensity target', () => {
  // China: 40 % (45 % conditional) below 2005 emissions per unit of GDP by 2020, GDP growing 8 % a year.
  const c = compute({
    'intensity.pct': { China: 40 },
    'intensity.pct.conditional': { China: 45 },
    'intensity.baseYear': { China: 2005 },
    'intensity.targetYear': { China: 2020 },
    'intensity.gdpGrowthPct': { China: 8 },
  })
  const china = rowOf(c, 'China').commitments!
  const intensity = china.commitments[0]!

  it('implies the target year’s emissions: E(2005) × 1.08^15 × (1 − cut)', () => {
    // E(2005) = 6,856.61 Mt (CAIT via OWID). 1.08^15 = 3.172169.
    // 6,856.61 × 3.172169 × 0.60 = 13,050.196 Mt; × 0.55 = 11,962.680 Mt.
    expect(intensity.targetYearT!.unconditional / 1e6).toBeCloseTo(13_050.196, 2)
    expect(intensity.targetYearT!.conditional / 1e6).toBeCloseTo(11_962.68, 2)
  })

  it('sums the period along the GDP path, the intensity falling in a straight line from 2005 to 2020', () => {
    // E(y) = 6,856.61 × 1.08^(y−2005) × (1 − 0.40 × (y−2005)/15), Mt:
    //   2013  6,856.61 × 1.850930 × 0.786667 =  9,983.671
    //   2014             1.999005 × 0.760000 = 10,416.860
    //   2015             2.158925 × 0.733333 = 10,855.465
    //   2016             2.331639 × 0.706667 = 11,297.578
    //   2017             2.518170 × 0.680000 = 11,740.955
    //   2018             2.719624 × 0.653333 = 12,182.968
    //   2019             2.937194 × 0.626667 = 12,620.560
    //   2020             3.172169 × 0.600000 = 13,050.196
    //   sum 92,148.252 Mt (45 %: 86,792.962 Mt)
    expect(intensity.periodT!.unconditional / 1e6).toBeCloseTo(92_148.252, 2)
    expect(intensity.periodT!.conditional / 1e6).toBeCloseTo(86_792.962, 2)
    // China holds no other commitment: its figure is this one, 11,518.5 Mt a year on average.
    expect(china.binding).toBe('intensity.pct')
    expect(china.annualT!.unconditional / 1e6).toBeCloseTo(92_148.252 / 8, 2)
    expect(china.assignedAmountT).toBeNull() // an intensity target gives no assigned amount
    expect(intensity.assumptions).toEqual([
      'GDP grows 8 % a year from 2005 (stated)',
      'intensity falls in a straight line from 2005 to 2020, then holds',
    ])
  })

  it('takes the data’s GDP trend and the period’s last year when none is stated, and says so', () => {
    const d = compute({ 'intensity.pct': { China: 40 }, 'intensity.baseYear': { China: 2005 } })
    const r = rowOf(d, 'China').commitments!.commitments[0]!
    // China's GDP in the OWID file: 9.05e12 in 2006 … 1.69e13 in 2016 ((16.9 / 9.05)^(1/10) − 1 = 6.44 %), ending in 2016.
    expect(r.assumptions[0]).toBe('GDP grows 6.44 % a year from 2005: the data’s trend 2006–2016 (none stated)')
    expect(r.assumptions[1]).toBe('target year: the period’s last, 2020 (none stated)')
    expect(r.targetYear).toBe(2020)
  })

  it('refuses a fall in GDP beyond the data’s range, naming the Party and the cell', () => {
    const bad = compute({
      'intensity.pct': { China: 40 },
      'intensity.baseYear': { China: 2005 },
      'intensity.gdpGrowthPct': { China: -3 },
    })
    const d = bad.results.diagnostics.find((x) => x.code === 'commitment-value')!
    expect(d.message).toMatch(
      /^China: intensity\.gdpGrowthPct is -3 % a year: a fall beyond the data’s range \(its worst year was /,
    )
    expect(d.ids).toEqual(['intensity.gdpGrowthPct/China'])
    expect(rowOf(bad, 'China').commitments!.periodT).toBeNull()
    // Indonesia's GDP fell 19.3 % in 1998 in the data: a stated fall of 10 % a year is within its range.
    const within = compute({
      'intensity.pct': { Indonesia: 10 },
      'intensity.baseYear': { Indonesia: 2005 },
      'intensity.gdpGrowthPct': { Indonesia: -10 },
    })
    expect(within.results.diagnostics.filter((x) => x.code === 'commitment-value')).toEqual([])
  })

  it('says which cell is missing or out of order', () => {
    const noBase = compute({ 'intensity.pct': { China: 40 } })
    expect(noBase.results.diagnostics.map((d) => d.message)).toContainEqual(
      expect.stringMatching(/^China: intensity\.baseYear is missing: an intensity target is measured from a base year/),
    )
    const backwards = compute({
      'intensity.pct': { China: 40 },
      'intensity.baseYear': { China: 2005 },
      'intensity.targetYear': { China: 2005 },
    })
    expect(backwards.results.diagnostics.map((d) => d.message)).toContainEqual(
      'China: intensity.targetYear is 2005: the target year must come after the base year (2005)',
    )
  })

  it('is listed but not counted where the chosen Annex B option takes QELRCs only', () => {
    const option1 = compute(
      { 'intensity.pct': { China: 40 }, 'intensity.baseYear': { China: 2005 } },
      { ...ANNEX_B1, o4: 'dropped', o1: 'chosen', o9: 'dropped', o6: 'chosen' },
    )
    const figure = rowOf(option1, 'China').commitments!
    expect(figure.notInForce).toEqual(['intensity.pct'])
    expect(figure.periodT).toBeNull()
    expect(option1.results.commitments!.counted).not.toContain('China')
  })
})
