import { describe, expect, it } from 'vitest'
import { reductionRatePct, reductionRates } from '../../shared/amounts/reduction-rates.ts'
import { ggToTonnes } from '../../shared/amounts/units.ts'
import { templatePartyTable } from '../parties/template-table.ts'

const table = templatePartyTable()

describe('reduction rates (Annex B Option 3)', () => {
  it('is 1 − (AA / years) / E(year), in per cent', () => {
    // 800 t over 8 years = 100 t a year against 125 t: 20 % below; against 80 t: 25 % above.
    expect(reductionRatePct(800, 8, 125)).toBeCloseTo(20, 12)
    expect(reductionRatePct(800, 8, 80)).toBeCloseTo(-25, 12)
  })

  it('gives Ukraine’s four columns from its first-period amount', () => {
    // 4,604,184,663 t / 5 = 920,836,932.6 t a year, against the UNFCCC 2021 inventory:
    // 1990 942,574.072 kt → 2.3061 %; 2000 427,602.794 kt → −115.3487 %;
    // 2005 442,062.650 kt → −108.3046 %; 2007 463,029.998 kt → −98.8720 %.
    const ukraine = table.get('Ukraine')
    const emissionsT = Object.fromEntries(
      ([1990, 2000, 2005, 2007] as const).map((y) => [y, ggToTonnes(ukraine.inventoryKt[y]!)]),
    )
    const rates = reductionRates({ assignedAmountT: ukraine.cp1AssignedAmountT!, years: 5, emissionsT })
    expect(rates.map((r) => r.year)).toEqual([1990, 2000, 2005, 2007])
    expect(rates.map((r) => r.ratePct)).toEqual([
      expect.closeTo(2.3061, 4),
      expect.closeTo(-115.3487, 4),
      expect.closeTo(-108.3046, 4),
      expect.closeTo(-98.872, 4),
    ])
    expect(rates.every((r) => r.approximate)).toBe(true)
  })

  it('leaves a column empty when the year is unknown, and refuses bad input', () => {
    expect(
      reductionRates({ assignedAmountT: 800, years: 8, emissionsT: { 1990: 125 }, emissionsApproximate: false })[1],
    ).toEqual({ year: 2000, approximate: false })
    expect(() => reductionRatePct(800, 8, 0)).toThrow(/emissionsT = 0: .*multiply Gg by 1000/)
  })
})
