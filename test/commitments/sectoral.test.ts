// A sectoral target counted toward and beside an economy-wide one; policies listed, never added.
import { describe, expect, it } from 'vitest'
import { compute, rowOf } from './annex-b1.ts'

// Norway: 84 % of 51,475,106 t = 43,239,089.04 t a year; × 8 = 345,912,712.3 t over 2013–2020.
const NORWAY_YEAR = 0.84 * 51_475_106
const norway = (sectoral: Record<string, Record<string, number | string>>) =>
  rowOf(compute({ cp2: { Norway: 84 }, ...sectoral }), 'Norway').commitments!

describe('a sectoral target beside an economy-wide one', () => {
  it('counted toward it, adds nothing', () => {
    const f = norway({
      'sectoral.petroleum': { Norway: 'oil and gas' },
      'sectoral.petroleum.cutMt': { Norway: 2 },
      'sectoral.petroleum.counting': { Norway: 'toward' },
    })
    expect(f.annualT!.unconditional).toBeCloseTo(NORWAY_YEAR, 4)
    expect(f.towardCutT.unconditional).toBe(2e6)
    expect(f.notes).toContain('sectoral cuts toward the economy-wide target are inside it: not added')
  })

  it('additional to it, is subtracted once: 43,239,089.04 − 2,000,000 = 41,239,089.04 t a year', () => {
    const f = norway({
      'sectoral.petroleum': { Norway: 'oil and gas' },
      'sectoral.petroleum.cutMt': { Norway: 2 },
      'sectoral.petroleum.counting': { Norway: 'additional' },
    })
    expect(f.annualT!.unconditional).toBeCloseTo(41_239_089.04, 4)
    // Over the period: 345,912,712.3 − 8 × 2,000,000 = 329,912,712.3 t. The assigned amount is the QELRC's.
    expect(f.periodT!.unconditional).toBeCloseTo(329_912_712.3, 1)
    expect(f.assignedAmountT!.unconditional).toBe(345_912_712)
  })

  it('two targets on one sector cut the same tonnes: the deeper counts, once', () => {
    const f = norway({
      'sectoral.petroleum': { Norway: 'oil and gas' },
      'sectoral.petroleum.cutMt': { Norway: 2 },
      'sectoral.petroleum.counting': { Norway: 'additional' },
      'sectoral.offshore': { Norway: 'Oil and gas' },
      'sectoral.offshore.cutMt': { Norway: 3 },
      'sectoral.offshore.counting': { Norway: 'additional' },
      'sectoral.transport': { Norway: 'transport' },
      'sectoral.transport.cutMt': { Norway: 1 },
      'sectoral.transport.counting': { Norway: 'additional' },
    })
    // 43,239,089.04 − (3,000,000 + 1,000,000) = 39,239,089.04 t a year.
    expect(f.annualT!.unconditional).toBeCloseTo(39_239_089.04, 4)
    expect(f.notes).toContain('oil and gas: two targets on one sector; the deeper cut counts once')
  })

  it('with no economy-wide figure, is counted on a line of its own', () => {
    const c = compute({
      'sectoral.forest': { Brazil: 'deforestation' },
      'sectoral.forest.cutMt': { Brazil: 500 },
      'sectoral.forest.cutMt.conditional': { Brazil: 600 },
      'sectoral.forest.counting': { Brazil: 'additional' },
    })
    const f = rowOf(c, 'Brazil').commitments!
    expect(f.periodT).toBeNull()
    expect(f.uncoveredCutT).toEqual({ unconditional: 500e6, conditional: 600e6 })
    expect(c.results.commitments!.uncoveredCutT).toEqual({ unconditional: 500e6, conditional: 600e6 })
    expect(c.results.commitments!.counted).toEqual([])
  })

  it('refuses a cut larger than its sector, or than the whole Party', () => {
    const c = compute({
      cp2: { Norway: 84 },
      'sectoral.petroleum': { Norway: 'oil and gas' },
      'sectoral.petroleum.cutMt': { Norway: 2 },
      'sectoral.petroleum.sectorMt': { Norway: 1.5 },
      'sectoral.petroleum.counting': { Norway: 'additional' },
      'sectoral.all': { Norway: 'everything' },
      'sectoral.all.cutMt': { Norway: 60 },
      'sectoral.all.counting': { Norway: 'toward' },
    })
    const messages = c.results.diagnostics.filter((d) => d.code === 'commitment-value').map((d) => d.message)
    // Norway's inventory: 49.3 Mt in 2019, its last year.
    expect(messages).toEqual([
      expect.stringMatching(
        /^Norway: sectoral\.all\.cutMt is 60 Mt, larger than Norway’s whole emissions \(\d+\.\d Mt in 2019\)$/,
      ),
      'Norway: sectoral.petroleum.cutMt is 2 Mt, larger than the sector itself (sectoral.petroleum.sectorMt = 1.5 Mt)',
    ])
    // Neither counts: Norway's figure is its QELRC's.
    expect(rowOf(c, 'Norway').commitments!.annualT!.unconditional).toBeCloseTo(NORWAY_YEAR, 4)
  })
})

describe('policies and measures', () => {
  it('are listed and counted, their estimated effect totalled apart and never added', () => {
    const c = compute({
      cp2: { Norway: 84 },
      'pam.ccs': { Norway: 'CO₂ capture and storage at Sleipner' },
      'pam.ccs.effectMt': { Norway: 0.9 },
      'pam.ccs.source': { Norway: 'operator estimate, 1 Mt a year injected' },
      'pam.tax': { Norway: 'carbon tax on offshore petroleum' },
    })
    const f = rowOf(c, 'Norway').commitments!
    expect(f.policies).toBe(2)
    expect(f.policyEffectT.unconditional).toBeCloseTo(0.9e6, 6)
    expect(f.annualT!.unconditional).toBeCloseTo(NORWAY_YEAR, 4)
    expect(c.results.commitments!.policies).toMatchObject({ count: 2, withEffect: 1, parties: ['Norway'] })
  })

  it('need a source for an estimated effect', () => {
    const c = compute({ 'pam.ccs': { Norway: 'CCS' }, 'pam.ccs.effectMt': { Norway: 0.9 } })
    expect(c.results.diagnostics.map((d) => d.message)).toContainEqual(
      'Norway: pam.ccs.source is missing: an estimated effect needs its source',
    )
  })
})
