/**
 * The second period as Doha resolved it (2013-2020, eight years, Doha's
 * QELRCs), end to end from the party table. Expected amounts are worked by
 * hand from the reference data in the comments.
 */
import { describe, expect, it } from 'vitest'
import {
  DOHA_SECOND_PERIOD,
  SHORT_SECOND_PERIOD,
  commitmentPeriod,
  dohaInscriptions,
  periodAssignedAmounts,
} from '../../shared/amounts/commitment-period.ts'
import { templatePartyTable } from '../parties/template-table.ts'

const table = templatePartyTable()

describe('commitmentPeriod', () => {
  it('counts both end years', () => {
    expect(commitmentPeriod(2013, 2020)).toEqual({ start: 2013, end: 2020, years: 8 })
    expect(SHORT_SECOND_PERIOD.years).toBe(5)
    expect(commitmentPeriod(2021, 2028).years).toBe(8)
  })

  it('refuses an end before the start', () => {
    expect(() => commitmentPeriod(2020, 2013)).toThrow(
      /end = 2013: must be a calendar year not before the start \(2020\)/,
    )
  })
})

describe('Doha’s second period, end to end', () => {
  const amounts = periodAssignedAmounts(dohaInscriptions(table.parties), DOHA_SECOND_PERIOD)
  const of = (name: string) => amounts.find((a) => a.party === name)!

  it('uses eight years and Doha’s QELRCs on exact base years', () => {
    // Ukraine: 76 % × 920,836,932.6 t (4,604,184,663 / 5) × 8 = 5,598,688,550.2 → 5,598,688,550 t.
    expect(of('Ukraine').amount).toMatchObject({ tonnes: 5_598_688_550, approximate: false })
    // Germany: 80 % × 1,232,429,542.78 t (4,868,096,694 / (79 % × 5)) × 8 = 7,887,549,073.8 → 7,887,549,074 t.
    expect(of('Germany').amount).toMatchObject({ tonnes: 7_887_549_074, approximate: false })
  })

  it('flags amounts on inventory base years as approximate', () => {
    // Norway: 84 % × 51,475,106 t (UNFCCC 2021 base year 51,475.106 kt) × 8 = 345,912,712.3 t.
    expect(of('Norway').amount).toMatchObject({ tonnes: 345_912_712, approximate: true })
    // Kazakhstan: 95 % × 385,022,012 t × 8 = 2,926,167,291.2 t.
    expect(of('Kazakhstan').amount).toMatchObject({ tonnes: 2_926_167_291, approximate: true })
    // Switzerland: 84.2 % × 53,631,099 t × 8 = 361,259,082.9 t.
    expect(of('Switzerland').amount?.tonnes).toBe(361_259_083)
  })

  it('leaves out the Union’s own row and the Parties without a second-period QELRC, saying why', () => {
    expect(of('European Community').missing).toMatch(/EU-15 .* EU-28 and Iceland/)
    for (const name of ['Canada', 'Japan', 'New Zealand', 'Russian Federation', 'United States of America']) {
      expect(of(name).amount, name).toBeUndefined()
    }
    expect(amounts.filter((a) => a.amount)).toHaveLength(37)
  })

  it('gives the other bracket’s five years the same way', () => {
    // Ukraine over 2013-2017: 76 % × 920,836,932.6 × 5 = 3,499,180,343.9 t.
    const ukraine = periodAssignedAmounts(dohaInscriptions([table.get('Ukraine')]), SHORT_SECOND_PERIOD)[0]!
    expect(ukraine.amount?.tonnes).toBe(3_499_180_344)
  })
})
