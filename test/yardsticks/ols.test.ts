import { describe, expect, it } from 'vitest'
import { fitLine, predict } from '../../shared/yardsticks/ols.ts'

describe('fitLine', () => {
  // Worked by hand: x̄ 2.5, ȳ 3.5, Sxx 5, Sxy 4, Syy 5 → b 0.8, a 1.5, SSR 1.8, R² 0.64, s.e. √(1.8/2/5).
  const points = [
    { x: 1, y: 2 },
    { x: 2, y: 3 },
    { x: 3, y: 5 },
    { x: 4, y: 4 },
  ]

  it('reproduces the hand-checked fit of four points', () => {
    const line = fitLine(points)
    expect(line.slope).toBeCloseTo(0.8, 12)
    expect(line.intercept).toBeCloseTo(1.5, 12)
    expect(line.rSquared).toBeCloseTo(0.64, 12)
    expect(line.slopeStandardError).toBeCloseTo(0.424264068711928, 12)
    expect(line.n).toBe(4)
    expect(predict(line, 10)).toBeCloseTo(9.5, 12)
  })

  it('gives R² 1 and the exact line for collinear points, even around large x', () => {
    // Log incomes sit near 10; y = 3 − 2x exactly.
    const line = fitLine([10.1, 10.2, 10.7].map((x) => ({ x, y: 3 - 2 * x })))
    expect(line.slope).toBeCloseTo(-2, 10)
    expect(line.intercept).toBeCloseTo(3, 9)
    expect(line.rSquared).toBeCloseTo(1, 12)
  })

  it('refuses fits that are undefined, saying why', () => {
    expect(() => fitLine([{ x: 1, y: 1 }])).toThrow(/at least 2 observations, got 1/)
    expect(() =>
      fitLine([
        { x: 2, y: 1 },
        { x: 2, y: 3 },
      ]),
    ).toThrow(/same x \(2\)/)
    expect(() =>
      fitLine([
        { x: 1, y: 1 },
        { x: 2, y: Number.NaN, label: 'Monaco' },
      ]),
    ).toThrow(/Monaco is not a finite/)
  })
})
