// Who may write what in the proposals document: every forbidden change is refused with a reason.
import { describe, expect, it } from 'vitest'
import { refuseProposalChanges, type Actor } from '../../shared/proposals/rights.ts'
import type { Proposal } from '../../shared/proposals/proposal.ts'
import type { LogEntry } from '../../shared/proposals/log-entry.ts'

const tuvalu: Actor = { username: 'tv', role: 'delegation', party: 'Tuvalu' }
const norway: Actor = { username: 'no', role: 'delegation', party: 'Norway' }
const chair: Actor = { username: 'chair', role: 'co-chair' }
const observer: Actor = { username: 'press', role: 'observer' }

const proposal: Proposal = {
  id: 'pr1',
  party: 'Tuvalu',
  by: 'tv',
  kind: 'resolution',
  target: 'g39',
  value: 'g39.1',
  at: '2009-11-02T10:00:00Z',
  status: 'open',
  rationale: 'a five-year period keeps ambition under review',
}
const make = (actor: Actor, p: Proposal) =>
  refuseProposalChanges(actor, [{ map: 'proposals', key: p.id, before: undefined, after: p }])
const update = (actor: Actor, after: Proposal) =>
  refuseProposalChanges(actor, [{ map: 'proposals', key: after.id, before: proposal, after }])

describe('proposal rights', () => {
  it('lets a delegation propose for its own Party', () => {
    expect(make(tuvalu, proposal)).toBeNull()
  })

  it('refuses a proposal for another Party, unsigned, pre-accepted, or an inscription for another Party', () => {
    expect(make(norway, proposal)).toMatch(/own Party \(Norway\), not Tuvalu/)
    expect(make(tuvalu, { ...proposal, by: 'someone' })).toMatch(/signed by the account/)
    expect(make(tuvalu, { ...proposal, status: 'accepted' })).toMatch(/open and undecided/)
    expect(make(tuvalu, { ...proposal, kind: 'inscription', target: 'cp2/Norway', value: 70 })).toMatch(
      /inscribes only for its own Party/,
    )
    expect(make(chair, { ...proposal, party: 'Tuvalu', by: 'chair' })).toMatch(/only delegations make proposals/)
    expect(make(observer, proposal)).toMatch(/observers cannot write/)
  })

  it('caps what one proposal may carry: new text, a target, a signature', () => {
    const text = (n: number) => 'shall '.repeat(n)
    expect(make(tuvalu, { ...proposal, kind: 'alternative', value: text(3000) })).toBeNull()
    expect(make(tuvalu, { ...proposal, kind: 'alternative', value: text(200_000) })).toMatch(
      /malformed proposal: value/,
    )
    expect(make(tuvalu, { ...proposal, target: 'g'.repeat(500) })).toMatch(/malformed proposal: target/)
    expect(make(tuvalu, { ...proposal, at: 'x'.repeat(100) })).toMatch(/malformed proposal: at/)
  })

  it('refuses malformed proposals and deletion', () => {
    expect(
      refuseProposalChanges(tuvalu, [
        { map: 'proposals', key: 'pr1', before: undefined, after: { ...proposal, kind: 'rewrite' } },
      ]),
    ).toMatch(/malformed proposal: kind/)
    expect(
      refuseProposalChanges(tuvalu, [{ map: 'proposals', key: 'pr1', before: proposal, after: undefined }]),
    ).toMatch(/never deleted/)
    expect(refuseProposalChanges(tuvalu, [{ map: 'other', key: 'x', before: undefined, after: 1 }])).toMatch(
      /unknown map/,
    )
  })

  it('lets only the proposer withdraw, and only co-chairs decide, signing the decision', () => {
    expect(update(tuvalu, { ...proposal, status: 'withdrawn' })).toBeNull()
    expect(update(norway, { ...proposal, status: 'withdrawn' })).toMatch(/only the proposing delegation/)
    expect(update(tuvalu, { ...proposal, status: 'accepted', decision: { by: 'tv', at: 'x' } })).toMatch(
      /only co-chairs/,
    )
    expect(
      update(chair, { ...proposal, status: 'accepted', decision: { by: 'chair', at: '2009-11-03T09:00:00Z' } }),
    ).toBeNull()
    expect(update(chair, { ...proposal, status: 'accepted', decision: { by: 'other', at: 'x' } })).toMatch(
      /signed by the account that makes it/,
    )
    expect(update(chair, { ...proposal, status: 'set-aside', decision: { by: 'chair', at: 'x' } })).toMatch(
      /needs a reason/,
    )
  })

  it('refuses editing a proposal once made, and deciding twice', () => {
    expect(update(tuvalu, { ...proposal, value: 'g39.2' })).toMatch(/cannot be edited/)
    const accepted = { ...proposal, status: 'accepted' as const, decision: { by: 'chair', at: 'x' } }
    expect(
      refuseProposalChanges(chair, [
        {
          map: 'proposals',
          key: 'pr1',
          before: accepted,
          after: { ...accepted, status: 'set-aside', decision: { by: 'chair', at: 'y', reason: 'r' } },
        },
      ]),
    ).toMatch(/already accepted/)
  })

  it('lets a delegation take one stance for its own Party only', () => {
    const stance = { stance: 'support', by: 'no', at: 'x' }
    expect(
      refuseProposalChanges(norway, [{ map: 'stances', key: 'pr1/Norway', before: undefined, after: stance }]),
    ).toBeNull()
    expect(
      refuseProposalChanges(norway, [{ map: 'stances', key: 'pr1/Tuvalu', before: undefined, after: stance }]),
    ).toMatch(/own Party \(Norway\), not Tuvalu/)
    expect(
      refuseProposalChanges(chair, [{ map: 'stances', key: 'pr1/Norway', before: undefined, after: stance }]),
    ).toMatch(/only delegations/)
    expect(
      refuseProposalChanges(norway, [
        { map: 'stances', key: 'pr1/Norway', before: undefined, after: { stance: 'veto', by: 'no', at: 'x' } },
      ]),
    ).toMatch(/malformed stance/)
  })
})

describe('reopening a decided proposal', () => {
  const accepted: Proposal = { ...proposal, status: 'accepted', decision: { by: 'chair', at: '2009-11-03T09:00:00Z' } }
  const reopened: Proposal = { ...proposal, status: 'open' }

  it('is for co-chairs (undoing their acceptance), never for delegations, never of a withdrawal', () => {
    expect(
      refuseProposalChanges(chair, [{ map: 'proposals', key: 'pr1', before: accepted, after: reopened }]),
    ).toBeNull()
    expect(
      refuseProposalChanges(tuvalu, [{ map: 'proposals', key: 'pr1', before: accepted, after: reopened }]),
    ).toMatch(/only co-chairs and the secretariat reopen/)
    expect(
      refuseProposalChanges(chair, [
        { map: 'proposals', key: 'pr1', before: { ...proposal, status: 'withdrawn' }, after: reopened },
      ]),
    ).toMatch(/already withdrawn/)
    expect(
      refuseProposalChanges(chair, [
        { map: 'proposals', key: 'pr1', before: accepted, after: { ...reopened, value: 'g39.2' } },
      ]),
    ).toMatch(/cannot be edited/)
  })
})

describe('log rights', () => {
  const entry: LogEntry = {
    id: 'l-1',
    op: 'merge-options',
    ids: ['o1', 'o2'],
    summary: 'merged Option 2 into Option 1 of section A',
    notes: [],
    by: 'chair',
    at: '2009-11-04T09:00:00Z',
  }
  const add = (actor: Actor, e: unknown, key = 'l-1') =>
    refuseProposalChanges(actor, [{ map: 'log', key, before: undefined, after: e }])

  it('lets co-chairs and the secretariat sign their own steps', () => {
    expect(add(chair, entry)).toBeNull()
    expect(add({ username: 'sec', role: 'secretariat' }, { ...entry, by: 'sec' })).toBeNull()
  })

  it('refuses entries by delegations and observers, signed by someone else, stored under another key, or malformed', () => {
    expect(add(tuvalu, { ...entry, by: 'tv' })).toMatch(/only co-chairs and the secretariat write the log/)
    expect(add(observer, entry)).toMatch(/observers cannot write/)
    expect(add(chair, { ...entry, by: 'other-chair' })).toMatch(/signed by the account that writes it/)
    expect(add(chair, entry, 'l-2')).toMatch(/under its own id/)
    expect(add(chair, { ...entry, op: 'rewrite-history' })).toMatch(/malformed log entry: op/)
    expect(add(chair, { ...entry, extra: true })).toMatch(/malformed log entry/)
  })

  it('never lets an entry be changed or removed, even by its author', () => {
    expect(
      refuseProposalChanges(chair, [
        { map: 'log', key: 'l-1', before: entry, after: { ...entry, summary: 'did nothing' } },
      ]),
    ).toMatch(/only added to/)
    expect(refuseProposalChanges(chair, [{ map: 'log', key: 'l-1', before: entry, after: undefined }])).toMatch(
      /only added to/,
    )
  })
})
