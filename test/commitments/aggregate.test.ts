// A conditional interval through the aggregate beside X, and whom 1 bis counts.
import { describe, expect, it } from 'vitest'
import { ANNEX_B1, compute } from './annex-b1.ts'

const inscriptions = {
  cp2: { Norway: 84, Switzerland: 84.2 },
  'cp2.conditional': { Norway: 70 },
  'bau.pct': { Indonesia: 26 },
  'bau.pct.conditional': { Indonesia: 41 },
  'bau.targetYear': { Indonesia: 2020 },
  'bau.targetMt': { Indonesia: 2950 },
}

describe('the aggregate with conditional offers', () => {
  it('is an interval: each end summed over the Parties, then set beside X', () => {
    const c = compute(inscriptions, ANNEX_B1, { X: 18 })
    const a = c.results.aggregate!
    // Base years: Norway 51,475,106 t, Switzerland 53,631,099 t (inventory), Indonesia 1,512,130,000 t (CAIT 1990).
    // Σ base years = 1,617,236,205 t. A year, unconditional:
    //   0.84 × 51,475,106 + 0.842 × 53,631,099 + 1,913,839,185 (the BAU example)
    //   = 43,239,089 + 45,157,385 + 1,913,839,185 = 2,002,235,660 t → 1 − 2,002,235,660 / 1,617,236,205 = −23.806 %.
    // Conditional: 36,032,574 + 45,157,385 + 1,525,898,810 = 1,607,088,769 t → +0.627 %.
    expect(a.parties).toEqual(['Norway', 'Switzerland', 'Indonesia'])
    expect(a.sumBaseYearT).toBe(51_475_106 + 53_631_099 + 1_512_130_000)
    expect(a.reductionPctInterval.unconditional).toBeCloseTo(-23.806, 3)
    expect(a.reductionPctInterval.conditional).toBeCloseTo(0.627, 3)
    expect(a.reductionPct).toBe(a.reductionPctInterval.unconditional)
    expect(a.conditional).toBe(true)
    expect(a.fallsShort).toBe(true)
    expect(a.shortfallPctInterval!.conditional).toBeCloseTo(18 - 0.627, 3)
    // The totals carry the same interval, in tonnes.
    const t = c.results.commitments!
    expect(t.annualT.unconditional).toBeCloseTo(a.sumAllowedT, 3)
    expect(t.annualT.conditional).toBeLessThan(t.annualT.unconditional)
    expect(t.assignedAmountT.unconditional).toBe(
      c.results.rows.find((r) => r.party === 'Norway')!.assignedAmountT! +
        c.results.rows.find((r) => r.party === 'Switzerland')!.assignedAmountT!,
    )
  })

  it('leaves the electing Party out when the 1 bis option covers the Parties included in Annex I', () => {
    const c = compute(inscriptions, { ...ANNEX_B1, o9: 'dropped', o6: 'chosen' })
    const a = c.results.aggregate!
    // Norway and Switzerland alone: 1 − (0.84 × 51,475,106 + 0.842 × 53,631,099) / 105,106,205 = 15.898 %;
    // conditional (Norway 70 %): 22.754 %.
    expect(a.scope).toBe('annex-i')
    expect(a.parties).toEqual(['Norway', 'Switzerland'])
    expect(a.reductionPctInterval.unconditional).toBeCloseTo(15.898, 3)
    expect(a.reductionPctInterval.conditional).toBeCloseTo(22.754, 3)
    expect(a.omitted).toEqual([
      { party: 'Indonesia', reason: 'the chosen 1 bis option covers the Parties included in Annex I' },
    ])
    // Its tonnes still count in the totals: the scope is 1 bis's, not the table's.
    expect(c.results.commitments!.counted).toContain('Indonesia')
  })
})

describe('the Union and its member States', () => {
  it('cover the same tonnes: with both inscribed, the Union’s row is left out of the totals', () => {
    const c = compute({ cp2: { Germany: 80, France: 80 }, 'bau.pct': { 'European Community': 20 } })
    const t = c.results.commitments!
    expect(t.counted).toEqual(['France', 'Germany'])
    expect(t.notCounted).toEqual([
      { party: 'European Community', reason: 'counted through its member States (joint fulfilment)' },
    ])
    expect(c.results.aggregate!.parties).toEqual(['France', 'Germany'])
  })
})
