// The aggregate headline says what it rests on: with one Party inscribed it is not a shortfall of
// the Annex I Parties, and a total over no figure is "—". The real template and Doha's numbers.
import { describe, expect, it } from 'vitest'
import { computeScenario } from '../../shared/model/compute.ts'
import { aggregateHeadline, totalOrDash } from '../../shared/amounts/aggregate-headline.ts'
import { doha, parties, template, templateIndex } from '../model/template-model.ts'

const results = (inscriptions: Record<string, number>, X?: number) =>
  computeScenario(
    templateIndex,
    template.bindings,
    { ...doha, inscriptions, values: X === undefined ? {} : { X } },
    parties,
  ).results

describe('the aggregate headline', () => {
  it('counts the Parties it rests on and never calls one Party’s cut a shortfall', () => {
    const headline = aggregateHeadline(results({ 'cp2/Norway': 84 }, 25), 25)
    expect(headline.inscribed).toBe(1)
    expect(headline.needed).toBe(40)
    expect(headline.tone).toBe('partial')
    expect(headline.basis).toMatch(/^1 of 40 Parties inscribed \(\d+\.\d % of their base-year emissions\)$/)
    expect(headline.figure).toBe(
      'the aggregate is not meaningful yet (over those inscribed: ~16.0 % below base year) · X = 25 %',
    )
    expect(headline.figure).not.toContain('falls short')
  })

  it('compares with X once half the Parties have inscribed (Doha: 37 of 42, 41 % of base years)', () => {
    const r = computeScenario(templateIndex, template.bindings, doha, parties).results
    const x = doha.values.X as number
    const headline = aggregateHeadline(r, x)
    expect(headline.inscribed).toBe(37)
    expect(headline.needed).toBe(42)
    expect(headline.basis).toBe('37 of 42 Parties inscribed (40.7 % of their base-year emissions)')
    expect(headline.tone).toBe('met')
    expect(headline.figure).toMatch(/^~?18\.\d % below base year beside X = 18 %: meets X$/)
    expect(aggregateHeadline(r, 25).tone).toBe('short')
  })

  it('says there is no aggregate, and totals nothing as "—", when nobody has inscribed', () => {
    const r = results({})
    const headline = aggregateHeadline(r)
    expect(headline.tone).toBe('none')
    expect(headline.basis).toBe('0 of 40 Parties inscribed')
    expect(totalOrDash(r.rows, r.totalT, String)).toBe('—')
    expect(totalOrDash(results({ 'cp2/Norway': 84 }).rows, 1, String)).toBe('1')
  })

  it('with the period still open, says who has inscribed and why there is no figure yet', () => {
    const r = computeScenario(templateIndex, template.bindings, { ...doha, resolutions: {} }, parties).results
    expect(r.years).toBeNull()
    const headline = aggregateHeadline(r, 18)
    expect(headline.tone).toBe('none')
    expect(headline.basis).toBe('38 of 43 Parties inscribed')
    expect(headline.figure).toBe('no aggregate until the commitment period is chosen · X = 18 %')
  })
})
