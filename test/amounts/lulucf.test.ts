/**
 * The bracketed LULUCF sentence of 7 bis, with Australia as the case in point.
 * Australia's exact first-period amount (2,957,579,143 t = 108 % × 547,699,841.3 t × 5)
 * includes its 1990 land-use-change emissions; the UNFCCC 2021 inventory base
 * year without LULUCF is 423,672,225 t. Their difference, about 124.0 Mt, is the
 * net source — approximate, because the two figures are different vintages.
 */
import { describe, expect, it } from 'vitest'
import { assignedAmount } from '../../shared/amounts/assigned-amount.ts'
import { baseYearUnderLulucfSentence, partyBaseYearUnderLulucfSentence } from '../../shared/amounts/lulucf.ts'
import { templatePartyTable } from '../parties/template-table.ts'

const table = templatePartyTable()
const australia = table.get('Australia')

describe('the 7 bis LULUCF sentence for Australia', () => {
  it('records the net source', () => {
    expect(australia.lulucf1990NetSource).toBe(true)
    expect(australia.lulucf1990NetT! / 1e6).toBeCloseTo(124.0276, 4)
  })

  it('kept: the base year includes land-use change (reproduces the official amount, by construction)', () => {
    const kept = partyBaseYearUnderLulucfSentence(australia, 'kept')
    expect(kept).toMatchObject({ includesLulucf: true, approximate: false })
    expect(assignedAmount({ qelrcPct: 108, baseYearT: kept.baseYearT, years: 5 }).tonnes).toBe(2_957_579_143)
    // Doha's 99.5 % × 547,699,841.3 × 8 = 4,359,690,736.7 → 4,359,690,737 t.
    expect(assignedAmount({ qelrcPct: 99.5, baseYearT: kept.baseYearT, years: 8 }).tonnes).toBe(4_359_690_737)
  })

  it('deleted: the base year is the inventory one without LULUCF, and the amount falls', () => {
    const deleted = partyBaseYearUnderLulucfSentence(australia, 'deleted')
    expect(deleted).toMatchObject({ includesLulucf: false, approximate: true })
    expect(deleted.baseYearT).toBeCloseTo(423_672_225, 3)
    // 108 % × 423,672,225 × 5 = 2,287,830,015 t (669,749,128 t less than the official amount);
    // 99.5 % × 423,672,225 × 8 = 3,372,430,911 t.
    expect(assignedAmount({ qelrcPct: 108, baseYearT: deleted.baseYearT, years: 5 }).tonnes).toBe(2_287_830_015)
    expect(assignedAmount({ qelrcPct: 99.5, baseYearT: deleted.baseYearT, years: 8 }).tonnes).toBe(3_372_430_911)
  })

  it('changes nothing for a Party without a known net source', () => {
    const norway = table.get('Norway')
    const kept = partyBaseYearUnderLulucfSentence(norway, 'kept')
    expect(kept.baseYearT).toBe(51_475_106)
    expect(kept.notApplicable).toMatch(/unknown/)
  })
})

describe('baseYearUnderLulucfSentence', () => {
  it('adds a net source only when the sentence is kept, and never a sink', () => {
    expect(
      baseYearUnderLulucfSentence({
        baseYearExclLulucfT: 100,
        lulucf1990NetT: 20,
        sentence: 'kept',
        approximate: false,
      }).baseYearT,
    ).toBe(120)
    expect(
      baseYearUnderLulucfSentence({
        baseYearExclLulucfT: 100,
        lulucf1990NetT: 20,
        sentence: 'deleted',
        approximate: false,
      }).baseYearT,
    ).toBe(100)
    const sink = baseYearUnderLulucfSentence({
      baseYearExclLulucfT: 100,
      lulucf1990NetT: -30,
      sentence: 'kept',
      approximate: false,
    })
    expect(sink).toMatchObject({
      baseYearT: 100,
      includesLulucf: false,
      notApplicable: 'land-use change was not a net source in 1990',
    })
  })
})
