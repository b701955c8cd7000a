/**
 * The aggregate implied by the inscriptions, checked against the aggregates
 * the treaties themselves state: about 5.2 % below 1990 for the 1997 Annex B
 * (Article 3.1: "at least 5 per cent"), and "at least 18 per cent below 1990
 * levels" for Doha's 2013-2020 inscriptions (Doha Amendment, Article 3.1 bis).
 * Several base years are 2021-inventory approximations, hence the tolerances.
 */
import { describe, expect, it } from 'vitest'
import { againstTarget, aggregateEntries, aggregateReduction } from '../../shared/amounts/aggregate.ts'
import { AmountInputError } from '../../shared/amounts/input.ts'
import { templatePartyTable } from '../parties/template-table.ts'

const table = templatePartyTable()
const kyoto1997 = (p: { name: string }) => p.name !== 'Belarus'

describe('aggregateReduction', () => {
  it('is 1 − Σ(QELRC × BY) / Σ BY', () => {
    // (90 × 100 + 110 × 300) / 400 = 105 % → 5 % above.
    const r = aggregateReduction([
      { party: 'A', qelrcPct: 90, baseYearT: 100, approximate: false },
      { party: 'B', qelrcPct: 110, baseYearT: 300, approximate: true },
    ])
    expect(r.reductionPct).toBeCloseTo(-5, 12)
    expect(r.approximateParties).toEqual(['B'])
  })

  it('refuses an empty list', () => {
    expect(() => aggregateReduction([])).toThrowError(AmountInputError)
  })
})

describe('the first period (Annex B, 1997)', () => {
  const byMembers = aggregateEntries(table.parties, { period: 'first', include: kyoto1997 })
  const byCommunity = aggregateEntries(table.parties, { period: 'first', community: 'community', include: kyoto1997 })

  it('comes to about 5.2 % below the base year either way the EC is counted', () => {
    const members = aggregateReduction(byMembers.entries)
    const community = aggregateReduction(byCommunity.entries)
    expect(members.reductionPct).toBeGreaterThan(5)
    expect(Math.abs(members.reductionPct - 5.2)).toBeLessThan(0.1)
    expect(Math.abs(community.reductionPct - 5.2)).toBeLessThan(0.1)
  })

  it('counts the EU-15 once: the base-year sums agree to the tonne', () => {
    // Counting the Community beside its members would add its 4,265.5 Mt a second time.
    const members = aggregateReduction(byMembers.entries)
    const community = aggregateReduction(byCommunity.entries)
    expect(Math.abs(members.sumBaseYearT - community.sumBaseYearT)).toBeLessThan(1)
    expect(byMembers.entries.map((e) => e.party)).not.toContain('European Community')
    expect(byCommunity.entries.map((e) => e.party)).not.toContain('France')
    expect(byMembers.entries).toHaveLength(38)
    expect(byCommunity.entries).toHaveLength(24)
  })

  it('flags a shortfall against X', () => {
    const aggregate = aggregateReduction(byMembers.entries)
    expect(againstTarget(aggregate, 5).fallsShort).toBe(false)
    const x25 = againstTarget(aggregate, 25)
    expect(x25.fallsShort).toBe(true)
    expect(x25.shortfallPct).toBeCloseTo(25 - aggregate.reductionPct, 12)
  })
})

describe('Doha’s second period', () => {
  it('meets the Amendment’s own "at least 18 per cent below 1990 levels"', () => {
    const { entries, omitted } = aggregateEntries(table.parties, { period: 'second' })
    const aggregate = againstTarget(aggregateReduction(entries), 18)
    expect(aggregate.fallsShort).toBe(false)
    expect(aggregate.reductionPct).toBeLessThan(18.5)
    expect(entries).toHaveLength(37)
    expect(omitted.map((o) => o.party)).toEqual([
      'Canada',
      'European Community',
      'Japan',
      'New Zealand',
      'Russian Federation',
      'United States of America',
    ])
  })

  it('has no Community figure to count the Union by', () => {
    expect(() => aggregateEntries(table.parties, { period: 'second', community: 'community' })).toThrow(
      /community = "community": .*use "member-states"/,
    )
  })
})
