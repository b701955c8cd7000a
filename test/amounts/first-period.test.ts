/**
 * The first period checked against independent figures. The table's exact base
 * years are derived from official assigned amounts (AA ÷ (share × 5)), so
 * recomputing those amounts proves only the derivation; the real check is that
 * the derived base years agree with the EEA figures the Telegraph published
 * (0.1 Mt) for every Party that has both.
 */
import { describe, expect, it } from 'vitest'
import { assignedAmount, baseYearFromAssignedAmount, roundToWholeTonnes } from '../../shared/amounts/assigned-amount.ts'
import {
  FIRST_COMMITMENT_PERIOD,
  firstPeriodInscriptions,
  periodAssignedAmounts,
} from '../../shared/amounts/commitment-period.ts'
import { AmountInputError } from '../../shared/amounts/input.ts'
import { referenceRows, templatePartyTable } from '../parties/template-table.ts'

const table = templatePartyTable()
const telegraph = referenceRows('eu_burden_sharing_and_base_year_telegraph_2008.csv')
const telegraphName: Record<string, string> = {
  'EU-15': 'European Community',
  'United Kingdom': 'United Kingdom of Great Britain and Northern Ireland',
}

describe('derived base years against the published ones', () => {
  const pairs = telegraph
    .map((t) => ({
      party: table.get(telegraphName[t.member_state!] ?? t.member_state!),
      publishedMt: Number(t.kyoto_base_year_Mt),
    }))
    .filter(({ party }) => party.baseYearPrecision === 'exact')

  it('covers the EU-15 bubble, its members and the ten newer member States with a first-period amount', () => {
    // 27 Telegraph rows + EU-15; Cyprus and Malta had no first-period amount.
    expect(pairs.map((p) => p.party.name)).toHaveLength(26)
  })

  it.each(telegraph.filter((t) => !['Cyprus', 'Malta'].includes(t.member_state!)).map((t) => t.member_state!))(
    '%s agrees to 0.1 Mt',
    (name) => {
      const { party, publishedMt } = pairs.find((p) => p.party.name === (telegraphName[name] ?? name))!
      // A figure published to one decimal differs from the true one by at most 0.05 Mt.
      expect(Math.abs(party.baseYearT! / 1e6 - publishedMt)).toBeLessThanOrEqual(0.05 + 1e-9)
    },
  )
})

describe('assignedAmount', () => {
  it('recomputes every official first-period amount from the derived base year (proves only the derivation)', () => {
    for (const p of table.parties.filter((p) => p.cp1AssignedAmountT !== undefined)) {
      const share = p.burdenSharingPct ?? p.qelrcCp1Pct!
      expect(assignedAmount({ qelrcPct: share, baseYearT: p.baseYearT!, years: 5 }).tonnes, p.name).toBe(
        p.cp1AssignedAmountT,
      )
    }
  })

  it('multiplies per cent, base year and years, rounding to whole tonnes', () => {
    // New Zealand: 100 % × 61,912,946.6 t × 5 = 309,564,733 t, its official amount.
    expect(assignedAmount({ qelrcPct: 100, baseYearT: 61_912_946.6, years: 5 })).toEqual({
      tonnes: 309_564_733,
      unroundedTonnes: 309_564_733,
      approximate: false,
    })
    // Austria's burden-sharing 87 % of the rounded Telegraph base year 79.0 Mt: 87/100 × 79,000,000 × 5 = 343,650,000.
    expect(assignedAmount({ qelrcPct: 87, baseYearT: 79_000_000, years: 5 }).tonnes).toBe(343_650_000)
    // 92.5 % × 3 t × 1 year = 2.775 → 3; 50 % × 1 t × 1 = 0.5 → 1 (half away from zero).
    expect(assignedAmount({ qelrcPct: 92.5, baseYearT: 3, years: 1 }).tonnes).toBe(3)
    expect(assignedAmount({ qelrcPct: 50, baseYearT: 1, years: 1 }).tonnes).toBe(1)
    expect(roundToWholeTonnes(-2.5)).toBe(-3)
  })

  it('derives the base year with fractional tonnes kept', () => {
    // Belgium: 673,995,528 / (92.5 % × 5) = 145,728,762.8108… t (Telegraph: 145.7 Mt).
    expect(baseYearFromAssignedAmount(673_995_528, 92.5, 5)).toBeCloseTo(145_728_762.8108, 3)
  })

  it('says which input is bad and how to fix it', () => {
    expect(() => assignedAmount({ qelrcPct: 92, baseYearT: 1e8, years: 0 })).toThrowError(AmountInputError)
    expect(() => assignedAmount({ qelrcPct: 92, baseYearT: 1e8, years: 2.5 })).toThrow(
      /years = 2\.5: must be a whole number of years/,
    )
    expect(() => assignedAmount({ qelrcPct: Number.NaN, baseYearT: 1e8, years: 5 })).toThrow(
      /qelrcPct = null: must be the inscribed percentage/,
    )
    expect(() => assignedAmount({ qelrcPct: 92, baseYearT: -1, years: 5 })).toThrow(/baseYearT = -1: .*tonnes/)
  })
})

describe('first-period amounts of the whole table', () => {
  const amounts = periodAssignedAmounts(firstPeriodInscriptions(table.parties), FIRST_COMMITMENT_PERIOD)
  const of = (name: string) => amounts.find((a) => a.party === name)!

  it('uses Annex B QELRCs: Ukraine and Croatia reproduce their official amounts', () => {
    expect(of('Ukraine').amount).toEqual({
      tonnes: 4_604_184_663,
      unroundedTonnes: expect.closeTo(4_604_184_663, 3),
      approximate: false,
    })
    expect(of('Croatia').amount?.tonnes).toBe(148_778_503)
  })

  it('flags amounts resting on an inventory base year as approximate', () => {
    // Japan: 94 % × 1,269,015,303 t × 5 = 5,964,371,924.1 → 5,964,371,924 t; MOEJ's rounded figure is about 5.9e9.
    expect(of('Japan').amount).toMatchObject({ tonnes: 5_964_371_924, approximate: true })
  })

  it('gives the reason where there is no amount', () => {
    expect(of('Kazakhstan').amount).toBeUndefined()
    expect(of('Kazakhstan').missing).toMatch(/no first-period QELRC/)
  })
})
