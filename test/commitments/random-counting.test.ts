// Seeded random commitments of every kind: the totals never count a tonne twice.
import { describe, expect, it } from 'vitest'
import { impliedByTerms } from '../../shared/commitments/implied.ts'
import { greater, lesser, type Interval } from '../../shared/commitments/interval.ts'
import { readCommitmentTerms } from '../../shared/commitments/terms.ts'
import { cellsByParty } from '../../shared/model/commitment-rows.ts'
import { readInscriptions } from '../../shared/model/inscriptions.ts'
import { seededRandom } from '../seeded-random.ts'
import { compute, parties } from './annex-b1.ts'

const PERIOD = { start: 2013, end: 2020 }
const candidates = parties.filter(
  (p) => p.series && p.baseYearT && p.series.gdp.has(2005) && p.series.ghgKt.get(2005)! > 0,
)
const SECTORS = ['power', 'cement', 'Power', 'transport']

/** A random set of inscriptions, some Parties holding several commitments, some sharing sectors. */
function randomInscriptions(random: () => number): Record<string, Record<string, number | string>> {
  const out: Record<string, Record<string, number | string>> = {}
  const put = (column: string, party: string, value: number | string) => ((out[column] ??= {})[party] = value)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!
  const round = (x: number) => Math.round(x * 10) / 10
  for (let i = 0; i < 25; i++) {
    const p = pick(candidates).name
    if (random() < 0.5) {
      put('cp2', p, round(70 + random() * 40))
      if (random() < 0.4) put('cp2.conditional', p, round(50 + random() * 20))
    }
    if (random() < 0.4) {
      put('intensity.pct', p, round(10 + random() * 40))
      put('intensity.baseYear', p, 2005)
      put('intensity.gdpGrowthPct', p, round(random() * 8))
    }
    if (random() < 0.4) {
      const u = round(random() * 30)
      put('bau.pct', p, u)
      if (random() < 0.5) put('bau.pct.conditional', p, round(u + random() * 20))
    }
    for (let k = 0; k < 3; k++) {
      if (random() < 0.4) {
        const slug = `s${k}`
        put(`sectoral.${slug}`, p, pick(SECTORS))
        put(`sectoral.${slug}.cutMt`, p, round(0.1 + random() * 3))
        put(`sectoral.${slug}.counting`, p, random() < 0.5 ? 'toward' : 'additional')
      }
    }
    if (random() < 0.3) {
      put('pam.a', p, 'a policy')
      put('pam.a.effectMt', p, round(0.1 + random() * 5))
      put('pam.a.source', p, 'an estimate')
    }
  }
  return out
}

// The rule stated independently: the tightest economy-wide limit, less each sector's deepest additional cut once.
function expectedPeriod(
  party: (typeof parties)[number],
  cells: Map<string, number | string>,
  absolute: Interval | undefined,
) {
  let limit = absolute
  const additional = new Map<string, Interval>()
  for (const t of readCommitmentTerms(cells).terms) {
    const r = impliedByTerms(party, t, PERIOD)
    if (r.problem) continue
    if (r.periodT) limit = limit ? lesser(limit, r.periodT) : r.periodT
    if (r.kind === 'sectoral' && r.counting === 'additional') {
      const key = r.subject!.toLowerCase()
      additional.set(key, additional.has(key) ? greater(additional.get(key)!, r.cutT!) : r.cutT!)
    }
  }
  if (!limit) return undefined
  let cut = 0
  let cutC = 0
  for (const c of additional.values()) ((cut += c.unconditional), (cutC += c.conditional))
  return {
    unconditional: Math.max(0, limit.unconditional - 8 * cut),
    conditional: Math.max(0, limit.conditional - 8 * cutC),
  }
}

describe('the counting rule, on seeded random commitments', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`seed ${seed}: each Party once, each sector once, policies never added`, () => {
      const random = seededRandom(seed)
      const inscriptions = randomInscriptions(random)
      const c = compute(inscriptions)
      const t = c.results.commitments!
      const cells = cellsByParty(readInscriptions(inscriptions))
      // Every counted Party appears once, and the totals are the sum of the counted Parties' figures.
      expect(t.counted.length).toBeGreaterThan(5)
      expect(new Set(t.counted).size).toBe(t.counted.length)
      let sum = 0
      let sumC = 0
      for (const party of t.counted) {
        const row = c.results.rows.find((r) => r.party === party)!
        const f = row.commitments!
        sum += f.periodT!.unconditional
        sumC += f.periodT!.conditional
        // Independently: the tightest limit less each sector's deepest additional cut, once.
        const absolute = f.commitments.find((x) => x.kind === 'absolute' && !x.problem)?.periodT
        const expected = expectedPeriod(
          parties.find((p) => p.name === party)!,
          cells.get(party)!,
          absolute,
        )!
        expect(f.periodT!.unconditional, party).toBeCloseTo(expected.unconditional, 2)
        expect(f.periodT!.conditional, party).toBeCloseTo(expected.conditional, 2)
        // No figure is above the loosest of its own limits: nothing is added up.
        for (const x of f.commitments)
          if (x.periodT && !x.problem)
            expect(f.periodT!.unconditional).toBeLessThanOrEqual(x.periodT.unconditional + 1e-6)
        expect(f.periodT!.conditional).toBeLessThanOrEqual(f.periodT!.unconditional + 1e-6)
      }
      expect(t.periodT.unconditional).toBeCloseTo(sum, 0)
      expect(t.periodT.conditional).toBeCloseTo(sumC, 0)

      // Inscribing again what is already there counts no tonne more: a policy's effect, a cut toward
      // the economy-wide figure, the same additional cut under another name, a looser QELRC beside a tighter figure.
      const again = structuredClone(inscriptions)
      for (const party of t.counted) {
        const put = (column: string, value: number | string) => ((again[column] ??= {})[party] = value)
        put('pam.zz', 'the same policy again')
        put('pam.zz.effectMt', 99)
        put('pam.zz.source', 'a bold estimate')
        put('sectoral.zz', 'power')
        put('sectoral.zz.cutMt', 0.5)
        put('sectoral.zz.counting', 'toward')
      }
      const d = compute(again).results.commitments!
      expect(d.counted).toEqual(t.counted)
      for (const party of t.counted) {
        const before = c.results.rows.find((r) => r.party === party)!.commitments!
        const after = compute(again).results.rows.find((r) => r.party === party)!.commitments!
        // Toward cuts add nothing, and policies never change the emissions.
        expect(after.periodT!.unconditional, party).toBeCloseTo(before.periodT!.unconditional, 2)
      }
      expect(d.periodT.unconditional).toBeCloseTo(t.periodT.unconditional, 0)
      expect(d.policies.effectT.unconditional).toBeGreaterThan(t.policies.effectT.unconditional)
    })
  }
})
