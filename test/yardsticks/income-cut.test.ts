import { describe, expect, it } from 'vitest'
import {
  cutPercent,
  defaultYardstickOptions,
  incomeCutYardstick,
  per10PercentIncome,
} from '../../shared/yardsticks/income-cut.ts'
import { parseYardstickData, type Inscription } from '../../shared/yardsticks/yardstick-data.ts'
import { shippedData } from './shipped-data.ts'

/** A tiny data set: one line per Party — income per head in `year`, emissions in `years`. */
function tinyData(parties: { party: string; qelrc: number; income: number; baseYear: number; emissions: number }[]) {
  const inscriptions = ['party,region,eit,aggregate,qelrc_cp1_pct,qelrc_cp2_pct,base_year_kt']
  const years = ['party,year,population,population_wb,gdp_current_usd_wb,ghg_excl_lulucf_kt']
  for (const p of parties) {
    inscriptions.push(`${p.party},EU,,,${p.qelrc},,${p.baseYear}`)
    years.push(`${p.party},1997,1000,1000,${p.income * 1000},${p.baseYear}`)
    years.push(`${p.party},2010,1000,1000,,${p.emissions}`)
  }
  return parseYardstickData({
    inscriptions: inscriptions.join('\n'),
    partyYears: years.join('\n'),
    world: 'year,population,ghg_excl_lucf_mt_cait\n',
  })
}

describe('income/cut yardstick', () => {
  it('converts a slope per log income into % cut per 10 % income (ln 1.1 = 0.0953)', () => {
    expect(per10PercentIncome(14.68)).toBeCloseTo(1.3991, 3)
  })

  it('measures cuts against the stated baseline', () => {
    const data = tinyData([{ party: 'A', qelrc: 92, income: 1, baseYear: 100, emissions: 115 }])
    const a = data.inscriptions[0]
    expect(cutPercent(data, a, 92, { kind: 'base-year' })).toBeCloseTo(8, 12)
    // 92 % of 100 against 115 actual: 1 − 92/115 = 20 %.
    expect(cutPercent(data, a, 92, { kind: 'emissions', years: [2010] })).toBeCloseTo(20, 12)
    expect(cutPercent(data, a, 92, { kind: 'emissions', years: [2011] })).toBeUndefined()
  })

  it('fits a line whose slope, fair cuts and distances follow the hand-worked case', () => {
    // Cuts 10, 20, 25, 30 % at incomes e⁰, e¹, e¹, e² thousand: centred x −1, 0, 0, 1 and y −11.25, −1.25, 3.75, 8.75.
    const data = tinyData([
      { party: 'Poor', qelrc: 90, income: 1, baseYear: 100, emissions: 100 },
      { party: 'Middle', qelrc: 80, income: Math.E, baseYear: 100, emissions: 100 },
      { party: 'Generous', qelrc: 75, income: Math.E, baseYear: 100, emissions: 100 },
      { party: 'Rich', qelrc: 70, income: Math.E ** 2, baseYear: 100, emissions: 100 },
    ])
    const y = incomeCutYardstick(data, data.inscriptions, {
      period: 'cp1',
      baseline: { kind: 'base-year' },
      incomeYear: 1997,
    })
    expect(y.line.n).toBe(4)
    expect(y.line.slope).toBeCloseTo(10, 10) // Sxy 20 / Sxx 2
    expect(y.cutPer10PercentIncome).toBeCloseTo(0.953102, 5)
    const generous = y.rows.find((r) => r.party === 'Generous')!
    // Line through means: x̄ = 1 (+ln 1000), ȳ = 21.25 → fair cut at x̄ is 21.25; Generous cuts 25 → 3.75 above.
    expect(generous.fairCutPercent).toBeCloseTo(21.25, 10)
    expect(generous.distancePercent).toBeCloseTo(3.75, 10)
    expect(y.rows.find((r) => r.party === 'Middle')!.distancePercent).toBeCloseTo(-1.25, 10)
  })

  it('recomputes when one inscription changes: a bigger offer moves that Party up, others by the refit only', () => {
    const before = incomeCutYardstick(shippedData)
    const changed: Inscription[] = shippedData.inscriptions.map((i) =>
      i.party === 'Japan' ? { ...i, qelrc: { ...i.qelrc, cp1: 85 } } : i,
    )
    const after = incomeCutYardstick(shippedData, changed)
    const japan = (y: typeof before) => y.rows.find((r) => r.party === 'Japan')!
    // Japan's base year is 1 269 015 kt; 9 points more of it against its 2008–2012 average is the cut's change.
    const e = [2008, 2009, 2010, 2011, 2012].map((t) => shippedData.years.get('Japan')!.get(t)!.emissionsKt!)
    const mean = e.reduce((s, v) => s + v, 0) / 5
    expect(japan(after).cutPercent - japan(before).cutPercent).toBeCloseTo((9 * 1269015.303) / mean, 6)
    expect(japan(after).distancePercent).toBeGreaterThan(japan(before).distancePercent)
  })

  it('leaves the EU as a whole off the chart (its member States are on it) and says so', () => {
    const y = incomeCutYardstick(shippedData)
    expect(y.rows.some((r) => r.party === 'European Union')).toBe(false)
    expect(y.omitted).toEqual([{ party: 'European Union', reason: 'aggregate of member States already on the chart' }])
  })
})

describe('income/cut yardstick on the real inscriptions, against the seed', () => {
  // Expected figures from numpy.polyfit on templates/yardsticks/*.csv (test/yardsticks/independent-figures.py).
  it('Kyoto (cp1, cut against 2008–2012 emissions, 1997 income): slope 3.00, R² 0.673, n 38', () => {
    const y = incomeCutYardstick(shippedData, shippedData.inscriptions, defaultYardstickOptions.cp1)
    expect(y.line.n).toBe(38)
    expect(y.cutPer10PercentIncome).toBeCloseTo(2.9986, 3)
    expect(y.line.rSquared).toBeCloseTo(0.6727, 3)
    // The seed's Kyoto figure is about 1.4. The sign agrees — richer Parties cut more — but
    // ours is about twice as steep and 1.4 lies outside our 95 % interval (± 2 s.e.):
    // our "BAU" is actual 2008–2012 emissions, in which the transition economies' collapse
    // and the 2009 recession show as large negative cuts for the poorest Parties.
    const se = y.line.slopeStandardError * Math.log(1.1)
    expect(y.cutPer10PercentIncome).toBeGreaterThan(0)
    expect(y.cutPer10PercentIncome - 2 * se).toBeGreaterThan(1.4)
    expect(y.cutPer10PercentIncome).toBeLessThan(1.4 * 2.5)
  })

  it('against the base year alone there is no income gradient at all: the progressivity is in the baseline', () => {
    const y = incomeCutYardstick(shippedData, shippedData.inscriptions, {
      ...defaultYardstickOptions.cp1,
      baseline: { kind: 'base-year' },
    })
    expect(y.cutPer10PercentIncome).toBeCloseTo(0.0064, 3)
    expect(y.line.rSquared).toBeLessThan(0.01)
  })

  it("Doha (cp2, cut against 2013–2019 emissions, 2012 income): slope 2.71, R² 0.386, n 37; the seed's 1.6 (Cancún) is within 2 s.e.", () => {
    const y = incomeCutYardstick(shippedData, shippedData.inscriptions, defaultYardstickOptions.cp2)
    expect(y.line.n).toBe(37)
    expect(y.cutPer10PercentIncome).toBeCloseTo(2.7078, 3)
    expect(y.line.rSquared).toBeCloseTo(0.3855, 3)
    const se = y.line.slopeStandardError * Math.log(1.1)
    expect(Math.abs(y.cutPer10PercentIncome - 1.6)).toBeLessThan(2 * se)
  })
})

describe('yardstick data', () => {
  it('names file, line and column of a malformed cell', () => {
    const bad = () =>
      parseYardstickData({
        inscriptions:
          'party,region,eit,aggregate,qelrc_cp1_pct,qelrc_cp2_pct,base_year_kt\nJapan,CAJAZ,,,ninety-four,,1',
        partyYears: 'party,year,population,population_wb,gdp_current_usd_wb,ghg_excl_lulucf_kt\n',
        world: 'year,population,ghg_excl_lucf_mt_cait\n',
      })
    expect(bad).toThrow('inscriptions.csv: line 2, column qelrc_cp1_pct: "ninety-four" is not a number')
  })

  it('ships every Annex B Party of the first period with its Kyoto percentage', () => {
    const cp1 = shippedData.inscriptions.filter((i) => i.qelrc.cp1 !== undefined)
    expect(cp1).toHaveLength(39) // Kyoto Protocol Annex B lists 39 Parties, the EC among them
    expect(shippedData.inscriptions.find((i) => i.party === 'Iceland')!.qelrc.cp1).toBe(110)
    expect(shippedData.inscriptions.find((i) => i.party === 'Australia')!.qelrc).toEqual({ cp1: 108, cp2: 99.5 })
  })
})
