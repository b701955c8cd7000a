// One Party's cut under each kind side by side, in the library and through `accord compute`.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { sideBySide } from '../../shared/commitments/side-by-side.ts'
import { readInscriptions } from '../../shared/model/inscriptions.ts'
import { parties } from './annex-b1.ts'

const root = new URL('../../', import.meta.url).pathname
const china = parties.find((p) => p.name === 'China')!

describe('side by side', () => {
  const s = sideBySide(china, {
    pct: 40,
    baseYear: 2005,
    targetYear: 2020,
    period: { start: 2013, end: 2020 },
    gdpGrowthPct: 8,
  })
  const row = (kind: string) => s.rows.find((r) => r.kind === kind)!

  it('puts an absolute cap, an intensity target and a BAU deviation of the same 40 % beside BAU', () => {
    expect(s.rows.map((r) => r.kind)).toEqual(['base-year', 'absolute', 'intensity', 'bau-deviation', 'bau-reference'])
    // Absolute: 60 % of China's 1990 CAIT total, 2,901,780,000 t = 1,741,068,000 t a year.
    expect(row('absolute').targetYearT).toBeCloseTo(1_741_068_000, 0)
    expect(row('absolute').belowBaseYearPct).toBeCloseTo(40, 9)
    // Intensity: the hand-worked 13,050.196 Mt in 2020 (intensity.test.ts).
    expect(row('intensity').targetYearT! / 1e6).toBeCloseTo(13_050.196, 2)
    // Below BAU: 60 % of the BAU path in 2020, and 40 % below it by construction.
    expect(row('bau-deviation').targetYearT).toBeCloseTo(0.6 * row('bau-reference').targetYearT!, 3)
    expect(row('bau-deviation').belowBauPct).toBeCloseTo(40, 9)
    expect(row('bau-reference').assumptions[0]).toMatch(/log-linear trend over 2007–2016 .*Frankel’s BAU method/)
  })

  it('runs from the CLI on the multi-track scenario, with the Party’s own figures', () => {
    const run = spawnSync(
      process.execPath,
      [
        'bin/accord.mjs',
        'compute',
        'templates/non-paper',
        '--resolutions',
        'templates/non-paper/multi-track.json',
        '--side-by-side',
        'China',
      ],
      { cwd: root, encoding: 'utf8' },
    )
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/China: 10,849\.1–11,518\.5 a year, 86,793\.0–92,148\.3 over the period ~/)
    expect(run.stdout).toMatch(/China side by side: 40 % by 2020 \(intensity from 2005\), period 2013–2020/)
    expect(run.stdout).toMatch(/40 % below 2005 emissions per unit of GDP by 2020\s+13,050\.2\s+11,518\.5\s+92,148\.3/)
    expect(run.stdout).toMatch(/Policies and measures: 1 listed, 0 with an estimate/)
  })
})

describe('the resolution file', () => {
  it('reads the new columns and names the cell of a bad value', () => {
    expect(
      readInscriptions({ 'intensity.pct': { China: 40 }, 'sectoral.cement.counting': { China: 'toward' } }),
    ).toEqual({
      'intensity.pct/China': 40,
      'sectoral.cement.counting/China': 'toward',
    })
    expect(() => readInscriptions({ 'sectoral.cement.counting': { China: 'both' } })).toThrow(
      'inscriptions.sectoral.cement.counting.China: must be "toward" or "additional", got "both"',
    )
    expect(() => readInscriptions({ 'intensity.pct': { China: 140 } })).toThrow(
      /intensity\.pct\.China: must be a percentage below the reference/,
    )
    expect(() => readInscriptions({ 'sectoral.Cement.cutMt': { China: 1 } })).toThrow(
      /sectoral\.Cement\.cutMt: unknown column/,
    )
  })
})
