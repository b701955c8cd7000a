// Accepting a proposal writes its decision and provenance into the text's room in one
// transaction; the register refuses locally what the server would refuse.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyAcceptance, refuseAcceptance } from '../../shared/document/proposal-acceptance.ts'
import type { Proposal } from '../../shared/proposals/proposal.ts'
import { ProposalRegister } from '../../shared/proposals/register.ts'
import { templateIndex } from '../model/template-model.ts'
import { textRoom } from '../../shared/document/text-room.ts'

const base = { party: 'Tuvalu', by: 'tv', at: '2009-11-02T10:00:00Z', status: 'open' as const }
const decision = { by: 'chair', at: '2009-11-03T09:00:00Z' }

describe('accepting a proposal', () => {
  it('chooses an option, dropping the section’s other choice, and records who proposed it, in one transaction', () => {
    const doc = new Y.Doc()
    textRoom(doc).resolutions.set('o2', 'chosen')
    const transactions: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => transactions.push(tr.origin))
    applyAcceptance(
      doc,
      { ...base, id: 'p1', kind: 'resolution', target: 'o1', value: 'chosen' },
      decision,
      templateIndex,
    )
    expect(textRoom(doc).resolutions.toJSON()).toEqual({ o1: 'chosen' })
    expect(textRoom(doc).provenance.get('o1')).toEqual({
      proposal: 'p1',
      party: 'Tuvalu',
      by: 'chair',
      at: decision.at,
    })
    expect(transactions).toEqual(['accord-acceptance'])
  })

  it('writes values and inscriptions, and refuses what does not fit the text or the model', () => {
    const doc = new Y.Doc()
    applyAcceptance(doc, { ...base, id: 'p2', kind: 'value', target: 'X', value: 25 }, decision, templateIndex)
    applyAcceptance(
      doc,
      { ...base, id: 'p3', kind: 'inscription', target: 'cp2/Tuvalu', value: 90 },
      decision,
      templateIndex,
    )
    expect(textRoom(doc).values.get('X')).toBe(25)
    expect(textRoom(doc).inscriptions.get('cp2/Tuvalu')).toBe(90)
    expect(
      refuseAcceptance({ ...base, id: 'a', kind: 'resolution', target: 'g39', value: 'g40.1' }, templateIndex),
    ).toMatch(/resolution of g39 is "g40.1"; expected one of g39.1, g39.2/)
    expect(
      refuseAcceptance({ ...base, id: 'b', kind: 'resolution', target: 'o1', value: 'kept' }, templateIndex),
    ).toMatch(/"chosen" or "dropped"/)
    expect(refuseAcceptance({ ...base, id: 'c', kind: 'value', target: 'X', value: 400 })).not.toBeNull()
    expect(refuseAcceptance({ ...base, id: 'd', kind: 'inscription', target: 'cp2/Tuvalu', value: -3 })).toMatch(
      /greater than zero/,
    )
    expect(
      refuseAcceptance(
        { ...base, id: 'e', kind: 'resolution', target: 'g39', value: 'g39.2', status: 'withdrawn' },
        templateIndex,
      ),
    ).toBe('the proposal is withdrawn')
    expect(() =>
      applyAcceptance(
        doc,
        { ...base, id: 'f', kind: 'alternative', target: 'g39', value: '2013 to 2025' },
        decision,
        templateIndex,
      ),
    ).toThrow(/edit of the text/)
  })
})

describe('the register', () => {
  it('proposes, takes and changes stances, withdraws and decides, refusing locally what the server refuses', () => {
    const doc = new Y.Doc()
    const tuvalu = new ProposalRegister(
      doc,
      { username: 'tv', role: 'delegation', party: 'Tuvalu' },
      () => '2009-11-02T10:00:00Z',
    )
    const norway = new ProposalRegister(doc, { username: 'no', role: 'delegation', party: 'Norway' })
    const chair = new ProposalRegister(doc, { username: 'chair', role: 'co-chair' })
    const p = tuvalu.propose({
      kind: 'resolution',
      target: 'g39',
      value: 'g39.1',
      rationale: '  keep ambition under review ',
    })
    expect(p).toMatchObject({
      party: 'Tuvalu',
      by: 'tv',
      status: 'open',
      rationale: 'keep ambition under review',
      at: '2009-11-02T10:00:00Z',
    })
    expect(() => tuvalu.takeStance(p.id, 'support')).toThrow(/own proposal/)
    norway.takeStance(p.id, 'object')
    norway.takeStance(p.id, 'support')
    expect(chair.tally().get('g39')![0]).toMatchObject({ support: ['Norway'], objection: [] })
    expect(() => norway.withdraw(p.id)).toThrow(/only the proposing delegation/)
    expect(() => tuvalu.accept(p.id)).toThrow(/only co-chairs/)
    expect(() => chair.propose({ kind: 'value', target: 'X', value: 20 })).toThrow(/only delegations/)
    expect(() => tuvalu.propose({ kind: 'inscription', target: 'cp2/Norway', value: 70 })).toThrow(
      /own Party \(Tuvalu\)/,
    )
    expect(chair.setAside(p.id, 'five years is the old period')).toMatchObject({
      status: 'set-aside',
      decision: { by: 'chair', reason: 'five years is the old period' },
    })
    expect(() => chair.accept(p.id)).toThrow(/already set-aside/)
  })
})
