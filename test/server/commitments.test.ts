/**
 * A non-Annex I Party's commitments over the wire: China's delegation proposes
 * its intensity target cell by cell, a co-chair accepts each and puts Annex B.I
 * on the table, and the document's summary, CSV export and side-by-side view
 * carry what the commitment implies.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { readNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { indexDocument } from '../../shared/model/document-index.ts'
import { writeSharedScenario } from '../../shared/document/model-state.ts'
import { applyAcceptance } from '../../shared/document/proposal-acceptance.ts'
import { ProposalRegister } from '../../shared/proposals/register.ts'
import { ANNEX_B1 } from '../commitments/annex-b1.ts'
import { connectProvider, eventually, testServerSuite } from './server-fixture.ts'

const t = testServerSuite()
const open: { provider: { destroy(): void } }[] = []
afterAll(() => {
  for (const c of open) c.provider.destroy()
})

describe('a non-Annex I Party’s commitment', () => {
  it(
    'is proposed by its delegation, accepted, and carried by the summary, the CSV and the side-by-side view',
    { timeout: 30_000 },
    async () => {
      const chinaToken = await t.account('delegation', 'China')
      const chairToken = await t.account('co-chair')
      const [china, chair, chairText] = await Promise.all([
        connectProvider(t.syncUrl, 'non-paper/proposals', chinaToken),
        connectProvider(t.syncUrl, 'non-paper/proposals', chairToken),
        connectProvider(t.syncUrl, 'non-paper', chairToken),
      ])
      open.push(china, chair, chairText)
      const me = async (token: string) => (await t.api('GET', '/api/me', token)).body.username as string
      const delegation = new ProposalRegister(china.doc, {
        username: await me(chinaToken),
        role: 'delegation',
        party: 'China',
      })
      const coChair = new ProposalRegister(chair.doc, { username: await me(chairToken), role: 'co-chair' })
      const cells: [string, number][] = [
        ['intensity.pct/China', 40],
        ['intensity.pct.conditional/China', 45],
        ['intensity.baseYear/China', 2005],
        ['intensity.targetYear/China', 2020],
        ['intensity.gdpGrowthPct/China', 8],
      ]
      const proposed = cells.map(([target, value]) => delegation.propose({ kind: 'inscription', target, value }))
      await eventually(() => proposed.every((p) => coChair.get(p.id)), 5000, 'the proposals at the chair')
      writeSharedScenario(chairText.doc, { resolutions: ANNEX_B1, values: {}, inscriptions: {} })
      for (const p of proposed) {
        const proposal = coChair.get(p.id)!
        const accepted = coChair.accept(p.id)
        applyAcceptance(chairText.doc, proposal, accepted.decision!, indexDocument(readNegotiationDoc(chairText.doc)))
      }

      const observer = await t.account('observer')
      let summary:
        | {
            computation: {
              results: { rows: { party: string; commitments?: { annualT: { unconditional: number } } }[] }
            }
          }
        | undefined
      await eventually(
        () => {
          void t.api('GET', '/api/documents/non-paper', observer).then((r) => (summary = r.body.summary))
          return summary?.computation.results.rows.some((r) => r.party === 'China' && r.commitments?.annualT) ?? false
        },
        10_000,
        'China’s figure in the summary',
      )
      // The hand-worked figure of test/commitments/intensity.test.ts: 92,148.252 Mt over 2013–2020, 11,518.53 Mt a year.
      const row = summary!.computation.results.rows.find((r) => r.party === 'China')!
      expect(row.commitments!.annualT.unconditional / 1e6).toBeCloseTo(92_148.252 / 8, 2)

      const csv = await fetch(`${t.url}/api/documents/non-paper/export?format=csv`, {
        headers: { authorization: `Bearer ${observer}` },
      })
      const line = (await csv.text()).split('\r\n').find((l) => l.startsWith('China,'))!
      expect(line).toContain('intensity: 40–45 % below 2005 emissions per unit of GDP by 2020')
      expect(line).toMatch(/,yes,/)

      const side = await t.api('GET', '/api/documents/non-paper/side-by-side?party=China', observer)
      expect(side.status).toBe(200)
      expect(side.body.input).toMatchObject({
        pct: 40,
        baseYear: 2005,
        targetYear: 2020,
        period: { start: 2013, end: 2020 },
      })
      expect(side.body.rows.map((r: { kind: string }) => r.kind)).toEqual([
        'base-year',
        'absolute',
        'intensity',
        'bau-deviation',
        'bau-reference',
      ])
      expect(side.body.rows[2].targetYearT / 1e6).toBeCloseTo(13_050.196, 2)
      const unknown = await t.api('GET', '/api/documents/non-paper/side-by-side?party=Atlantis', observer)
      expect(unknown.status).toBe(404)
      expect(unknown.body.details[0].field).toBe('query.party')
    },
  )
})
