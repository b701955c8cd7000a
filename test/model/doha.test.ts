// The real outcome as an end-to-end case: Doha's choices through `accord compute`.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { computeScenario } from '../../shared/model/compute.ts'
import { doha, parties, template, templateIndex } from './template-model.ts'

const root = new URL('../../', import.meta.url).pathname

describe('the Doha scenario', () => {
  it('runs end to end through the CLI', () => {
    const run = spawnSync(
      process.execPath,
      ['bin/accord.mjs', 'compute', 'templates/non-paper', '--resolutions', 'templates/non-paper/doha.json', '--json'],
      { cwd: root, encoding: 'utf8' },
    )
    expect(run.status, run.stderr).toBe(0)
    const { evaluation, results } = JSON.parse(run.stdout)
    expect(evaluation.values['cp2.period']).toEqual({ start: 2013, end: 2020 })
    expect(results.years).toBe(8)
    // Germany: its base year is 4,868,096,694 t ÷ (79 % × 5) = 1,232,429,542.785 t; × 80 % × 8
    // = 7,887,549,073.82 t, worked by hand, and 7,887,549,074 t as whole tonnes.
    expect(results.rows.find((r: { party: string }) => r.party === 'Germany').assignedAmountT).toBe(7_887_549_074)
    // Ukraine: 76 % × 920,836,932.6 t × 8 = 5,598,688,550 t.
    expect(results.rows.find((r: { party: string }) => r.party === 'Ukraine').assignedAmountT).toBe(5_598_688_550)
    // Doha's Article 3.1 bis asks for "at least 18 per cent below 1990 levels"; the inscriptions imply it.
    expect(results.aggregate.reductionPct).toBeGreaterThanOrEqual(18)
    expect(results.aggregate.reductionPct).toBeLessThan(18.5)
    expect(results.aggregate.fallsShort).toBe(false)
  })

  it('prints a table a secretariat officer can read', () => {
    const run = spawnSync(
      process.execPath,
      ['bin/accord.mjs', 'compute', 'templates/non-paper', '--resolutions', 'templates/non-paper/doha.json'],
      { cwd: root, encoding: 'utf8' },
    )
    expect(run.stdout).toMatch(/Second commitment period: 2013–2020, 8 years/)
    expect(run.stdout).toMatch(/Ukraine\s+76 %\s+920,836,933\s+8\s+5,598,688,550/)
    expect(run.stdout).toMatch(/Aggregate reduction below base year: 18\.\d\d % over 37 Parties; X = 18 %: met/)
  })

  it('flags [five] chosen with 2013–2020 as linked brackets resolved inconsistently', () => {
    const { evaluation, results } = computeScenario(
      templateIndex,
      template.bindings,
      { ...doha, resolutions: { ...doha.resolutions, g40: 'g40.1' } },
      parties,
    )
    expect(evaluation.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'period-years', ids: expect.arrayContaining(['g39', 'g40']) }),
    )
    // The explicit multiplier wins for the figures, and the conflict stays visible.
    expect(results.years).toBe(5)
  })

  it('recomputes every amount for the five-year alternative', () => {
    const five = computeScenario(
      templateIndex,
      template.bindings,
      { ...doha, resolutions: { ...doha.resolutions, g39: 'g39.1', g40: 'g40.1', g1: 'g1.1', g3: 'g3.1' } },
      parties,
    )
    expect(
      five.evaluation.diagnostics.filter((d) => d.code === 'period-years' || d.code === 'linked-conflict'),
    ).toEqual([])
    // Ukraine, 2013–2017: 76 % × 920,836,932.6 t × 5 = 3,499,180,344 t.
    expect(five.results.rows.find((r) => r.party === 'Ukraine')!.assignedAmountT).toBe(3_499_180_344)
  })

  it("changes Australia's base year and amount with the 7 bis LULUCF sentence", () => {
    const kept = computeScenario(templateIndex, template.bindings, doha, parties).results.rows.find(
      (r) => r.party === 'Australia',
    )!
    const deleted = computeScenario(
      templateIndex,
      template.bindings,
      { ...doha, resolutions: { ...doha.resolutions, g41: 'deleted' } },
      parties,
    ).results.rows.find((r) => r.party === 'Australia')!
    // Kept: the official base year, which includes 1990 land-use change (2,957,579,143 t ÷ (108 % × 5)).
    expect(kept.baseYearT).toBeCloseTo(547_699_841.3, 0)
    // Deleted: the inventory base year without LULUCF, 423,672,225 t (UNFCCC 2021 submission), approximate.
    expect(deleted.baseYearT).toBeCloseTo(423_672_225, 0)
    expect(deleted.approximate).toBe(true)
    // 99.5 % × 423,672,225 × 8 = 3,372,430,911 t.
    expect(deleted.assignedAmountT).toBe(3_372_430_911)
  })
})
