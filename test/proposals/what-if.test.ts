// Proposals beside what they concern, and what accepting one would do to the numbers.
import { describe, expect, it } from 'vitest'
import { tallyProposals } from '../../shared/proposals/tally.ts'
import { whatIf } from '../../shared/proposals/what-if.ts'
import { computeScenario } from '../../shared/model/compute.ts'
import type { Proposal } from '../../shared/proposals/proposal.ts'
import { doha, parties, template, templateIndex } from '../model/template-model.ts'

const base = { party: 'Norway', by: 'no', at: '2012-12-01T10:00:00Z', status: 'open' as const }

describe('proposals', () => {
  it('are gathered by target with support and objection by Party', () => {
    const p1: Proposal = { ...base, id: 'a', kind: 'resolution', target: 'g39', value: 'g39.2' }
    const p2: Proposal = {
      ...base,
      id: 'b',
      party: 'Tuvalu',
      by: 'tv',
      at: '2012-12-01T11:00:00Z',
      kind: 'resolution',
      target: 'g39',
      value: 'g39.1',
    }
    const tally = tallyProposals({
      proposals: { b: p2, a: p1 },
      stances: {
        'a/Tuvalu': { stance: 'object', by: 'tv', at: 'x' },
        'a/Iceland': { stance: 'support', by: 'is', at: 'x' },
        'b/Norway': { stance: 'object', by: 'no', at: 'x' },
      },
    })
    expect(tally.get('g39')!.map((t) => [t.proposal.id, t.support, t.objection])).toEqual([
      ['a', ['Iceland'], ['Tuvalu']],
      ['b', [], ['Norway']],
    ])
  })

  it('show what an inscription would do to the Party and the aggregate', () => {
    const now = computeScenario(templateIndex, template.bindings, doha, parties)
    const proposal: Proposal = { ...base, id: 'c', kind: 'inscription', target: 'cp2/Norway', value: 70 }
    const then = whatIf(templateIndex, template.bindings, doha, parties, proposal)
    const norway = (c: typeof now) => c.results.rows.find((r) => r.party === 'Norway')!
    expect(norway(now).assignedAmountT).toBe(345_912_712)
    // 70 % × 51,475,106.1 t × 8, worked by hand: 288,260,594 t.
    expect(norway(then).assignedAmountT).toBe(288_260_594)
    expect(then.results.aggregate!.reductionPct).toBeGreaterThan(now.results.aggregate!.reductionPct)
    // The live scenario itself is untouched.
    expect(doha.inscriptions['cp2/Norway']).toBe(84)
  })
})
