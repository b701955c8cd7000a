/**
 * Bracket-aware comparison of real revisions of the non-paper: between Rev.1 and Rev.2 a
 * co-chair resolves `[2013 to 2017][2013 to 2020]`, drops Option 1 of Annex B by
 * resolution and takes Option 3 out of the text, merges Option 3 of 1 bis into Option 2,
 * and accepts Canada's proposal; the comparison names each of these by id, and nothing else.
 */
import { describe, expect, it } from 'vitest'
import { compareRevisions } from '../../shared/compare/index.ts'
import { dropOption, mergeOptions } from '../../shared/streamline/index.ts'
import type { Proposal } from '../../shared/proposals/proposal.ts'
import { Draft } from './revision-fixture.ts'

const proposal: Proposal = {
  id: 'pr1',
  party: 'Canada',
  by: 'canada',
  kind: 'resolution',
  target: 'g39',
  value: 'g39.2',
  at: '2009-11-02T10:00:00Z',
  status: 'open',
}

describe('structural findings between two revisions of the non-paper', () => {
  const draft = new Draft().propose(proposal)
  const rev1 = draft.snapshot('Rev.1')
  draft
    .resolve('g39', 'g39.2')
    .resolve('o1', 'dropped')
    .step((s) => dropOption(s, 'o3'))
    .step((s) => mergeOptions(s, 'o7', 'o8'))
    .propose({ ...proposal, status: 'accepted', decision: { by: 'chair', at: '2009-11-03T09:00:00Z' } })
  const rev2 = draft.snapshot('Rev.2')
  const { findings, remaining } = compareRevisions(rev1, rev2)

  it('names the bracket resolved, with the alternative chosen and where it stands', () => {
    expect(findings.bracketsResolved).toEqual([
      {
        id: 'g39',
        text: '[2013 to 2017][2013 to 2020]',
        outcome: '[2013 to 2020] chosen',
        location: 'ARTICLE 1: AMENDMENT › D. Article 3, paragraph 7 bis › Option 1',
      },
    ])
    expect(findings.bracketsReopened).toEqual([])
  })

  it('tells an option dropped by resolution from one taken out of the text, and a merge from a drop', () => {
    expect(findings.optionsDropped.map((o) => [o.id, o.name, o.how])).toEqual([
      ['o1', 'Option 1', 'resolution'],
      ['o3', 'Option 3', 'removed'],
    ])
    expect(findings.optionsMerged).toEqual([
      expect.objectContaining({
        id: 'o8',
        name: 'Option 3',
        into: expect.objectContaining({ id: 'o7', name: 'Option 2' }),
      }),
    ])
    expect(findings.optionsChosen).toEqual([])
    expect(findings.optionsAdded).toEqual([])
  })

  it('accounts for brackets that went with the dropped option and those the merge wrote', () => {
    expect(findings.bracketsRemoved.length).toBeGreaterThan(0)
    for (const gone of findings.bracketsRemoved)
      expect(gone.reason === 'with Option 3' || gone.location.includes('1 bis')).toBe(true)
    // The merge writes where Option 2 and Option 3 of 1 bis differ as new brackets in Option 2.
    expect(findings.bracketsAdded.length).toBeGreaterThan(0)
    for (const added of findings.bracketsAdded)
      expect(added.location).toContain('B. Article 3, paragraph 1 bis › Option 2')
  })

  it('lists the proposal accepted between the revisions', () => {
    expect(findings.proposalsAccepted).toEqual([
      expect.objectContaining({
        id: 'pr1',
        party: 'Canada',
        target: 'g39',
        status: 'accepted',
        words: 'choose [2013 to 2020] in paragraph 7 bis',
      }),
    ])
  })

  it('counts what remains open per section at each revision', () => {
    const section = (r: typeof remaining.from, name: string) => r.sections.find((s) => s.name === name)!
    expect(remaining.from.brackets).toBe(50)
    expect(section(remaining.to, 'D').brackets).toBe(section(remaining.from, 'D').brackets - 1)
    // Annex B: five options open; Option 1 dropped and Option 3 gone leave three.
    expect(section(remaining.from, 'A').options).toBe(5)
    expect(section(remaining.to, 'A').options).toBe(3)
    expect(section(remaining.to, 'A').title).toContain('Annex B')
  })

  it('finds nothing between a revision and itself', () => {
    const again = compareRevisions(rev2, draft.snapshot('draft'))
    expect(Object.values(again.findings).every((list) => list.length === 0)).toBe(true)
    expect(again.lines.every((l) => l.kind === 'same')).toBe(true)
  })
})
