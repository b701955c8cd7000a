// Decisions with their reasons, as the register writes them and the server judges them: an
// objection carries its reason, an acceptance over it names the objecting Party, a set-aside
// proposal can be reopened by a co-chair, and the tally shows the reason beside the objection.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ProposalRegister } from '../../shared/proposals/register.ts'
import { refuseProposalChanges, type Actor } from '../../shared/proposals/rights.ts'
import { proposalsRoom } from '../../shared/document/proposals-room.ts'

const norway: Actor = { username: 'no', role: 'delegation', party: 'Norway' }
const tuvalu: Actor = { username: 'tv', role: 'delegation', party: 'Tuvalu' }
const chair: Actor = { username: 'chair', role: 'co-chair' }

/** One proposals room written by three accounts; the tests judge the writes as the server does. */
function room() {
  const doc = new Y.Doc()
  const as = (actor: Actor) => new ProposalRegister(doc, actor)
  return { doc, norway: as(norway), tuvalu: as(tuvalu), chair: as(chair) }
}

describe('decisions with their reasons', () => {
  it('keeps an objection’s reason and tallies it beside the objection', () => {
    const r = room()
    const p = r.norway.propose({ kind: 'resolution', target: 'g39', value: 'g39.2' })
    r.tuvalu.takeStance(p.id, 'object', '  eight years lock in weak targets  ')
    const stance = proposalsRoom(r.doc).stances.get(`${p.id}/Tuvalu`)!
    expect(stance.reason).toBe('eight years lock in weak targets')
    expect(
      refuseProposalChanges(tuvalu, [{ map: 'stances', key: `${p.id}/Tuvalu`, before: undefined, after: stance }]),
    ).toBeNull()
    const [tallied] = r.chair.tally().get('g39')!
    expect(tallied.objection).toEqual(['Tuvalu'])
    expect(tallied.reasons).toEqual({ Tuvalu: 'eight years lock in weak targets' })
  })

  it('records an acceptance over an objection, and the server admits it signed by the co-chair', () => {
    const r = room()
    const p = r.norway.propose({ kind: 'resolution', target: 'g39', value: 'g39.2' })
    const accepted = r.chair.accept(p.id, [{ party: 'Tuvalu', reason: 'eight years lock in weak targets' }])
    expect(accepted.decision?.overObjections).toEqual([{ party: 'Tuvalu', reason: 'eight years lock in weak targets' }])
    expect(refuseProposalChanges(chair, [{ map: 'proposals', key: p.id, before: p, after: accepted }])).toBeNull()
    expect(
      refuseProposalChanges(chair, [
        {
          map: 'proposals',
          key: p.id,
          before: p,
          after: { ...accepted, decision: { ...accepted.decision!, overObjections: [{ party: '' }] } },
        },
      ]),
    ).toMatch(/malformed proposal: decision\.overObjections/)
  })

  it('lets a co-chair reopen a proposal set aside, and never a delegation', () => {
    const r = room()
    const p = r.norway.propose({ kind: 'value', target: 'X', value: 30 })
    const aside = r.chair.setAside(p.id, 'X is for the plenary')
    const reopened = r.chair.reopen(p.id)
    expect(reopened.status).toBe('open')
    expect(reopened.decision).toBeUndefined()
    expect(refuseProposalChanges(chair, [{ map: 'proposals', key: p.id, before: aside, after: reopened }])).toBeNull()
    expect(refuseProposalChanges(norway, [{ map: 'proposals', key: p.id, before: aside, after: reopened }])).toMatch(
      /only co-chairs and the secretariat reopen/,
    )
    // Once open again, there is nothing left to reopen.
    expect(() => r.chair.reopen(p.id)).toThrow(/nothing to change/)
  })
})
