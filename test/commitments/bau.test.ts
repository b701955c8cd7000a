// A deviation below business as usual, conditional and not, worked by hand.
import { describe, expect, it } from 'vitest'
import { compute, rowOf } from './annex-b1.ts'

describe('a deviation below BAU', () => {
  // Indonesia: 26 % below BAU by 2020, 41 % with international support, against its own 2020 BAU of 2,950 Mt.
  const c = compute({
    'bau.pct': { Indonesia: 26 },
    'bau.pct.conditional': { Indonesia: 41 },
    'bau.targetYear': { Indonesia: 2020 },
    'bau.targetMt': { Indonesia: 2950 },
  })
  const figure = rowOf(c, 'Indonesia').commitments!
  const bau = figure.commitments[0]!

  it('follows the data to its last year, then grows to the Party’s own BAU', () => {
    // CAIT (with land use), Mt: 2013 2,294.46; 2014 2,732.16; 2015 2,779.09; 2016 2,229.00 (the last year).
    // To 2,950 in 2020: (2,950 / 2,229)^(1/4) − 1 = 7.2576 % a year → 2017 2,390.77, 2018 2,564.28, 2019 2,750.39, 2020 2,950.
    // BAU over 2013–2020: 20,690.153 Mt.
    expect(bau.assumptions[0]).toBe('BAU: the data to 2016, then the Party’s own 2020 BAU of 2950 Mt (7.26 % a year)')
    // Target year: 2,950 × 0.74 = 2,183.0 Mt; conditional 2,950 × 0.59 = 1,740.5 Mt.
    expect(bau.targetYearT!.unconditional / 1e6).toBeCloseTo(2183.0, 6)
    expect(bau.targetYearT!.conditional / 1e6).toBeCloseTo(1740.5, 6)
    // The period: 20,690.153 × 0.74 = 15,310.713 Mt; × 0.59 = 12,207.190 Mt.
    expect(bau.periodT!.unconditional / 1e6).toBeCloseTo(15_310.713, 2)
    expect(bau.periodT!.conditional / 1e6).toBeCloseTo(12_207.19, 2)
    // A year on average: 1,913.839 Mt (conditional 1,525.899 Mt), an interval in the totals too.
    expect(figure.annualT!.unconditional / 1e6).toBeCloseTo(1913.839, 2)
    expect(c.results.commitments!.annualT.conditional / 1e6).toBeCloseTo(1525.899, 2)
  })

  it('takes the data’s log-linear trend when the Party states no BAU (Frankel’s method)', () => {
    const d = compute({ 'bau.pct': { Mexico: 30 }, 'bau.targetYear': { Mexico: 2020 } })
    const r = rowOf(d, 'Mexico').commitments!.commitments[0]!
    expect(r.assumptions[0]).toMatch(
      /^BAU: the data to 2016, then its log-linear trend over 2007–2016 \(-?\d+\.\d\d % a year; Frankel’s BAU method\)$/,
    )
    expect(r.problem).toBeUndefined()
  })

  it('refuses a conditional range upside down, naming the Party and the cell', () => {
    const bad = compute({ 'bau.pct': { Indonesia: 26 }, 'bau.pct.conditional': { Indonesia: 20 } })
    expect(bad.results.diagnostics.filter((d) => d.code === 'commitment-value')).toEqual([
      {
        code: 'commitment-value',
        message:
          'Indonesia: bau.pct.conditional is 20 % but bau.pct is 26 %: the conditional offer must go at least as far as the unconditional one (the range is upside down); swap the two cells',
        ids: ['bau.pct.conditional/Indonesia'],
      },
    ])
    expect(bad.results.commitments!.counted).toEqual([])
  })

  it('refuses an upside-down QELRC range the same way', () => {
    const bad = compute({ cp2: { Norway: 84 }, 'cp2.conditional': { Norway: 90 } })
    expect(bad.results.diagnostics.map((d) => d.message)).toContainEqual(
      expect.stringMatching(
        /^Norway: cp2\.conditional is 90, which allows more than the unconditional cp2: .*upside down/,
      ),
    )
  })
})
