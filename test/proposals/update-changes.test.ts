// Judging a proposals update before applying it: the entries it touches, before and after.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { changesOfUpdate, readProposalsState } from '../../shared/proposals/update-changes.ts'
import { refuseProposalChanges } from '../../shared/proposals/rights.ts'

const proposal = {
  id: 'pr1',
  party: 'Tuvalu',
  by: 'tv',
  kind: 'resolution',
  target: 'g39',
  value: 'g39.1',
  at: 't',
  status: 'open',
}

/** An update made on a client replica of `server`. */
function clientUpdate(server: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const vector = Y.encodeStateVector(client)
  change(client)
  return Y.encodeStateAsUpdate(client, vector)
}

describe('changes of an update', () => {
  it('lists new and changed entries with their values, leaving the document untouched', () => {
    const server = new Y.Doc()
    const add = clientUpdate(server, (d) => d.getMap('proposals').set('pr1', proposal))
    expect(changesOfUpdate(server, add)).toEqual([{ map: 'proposals', key: 'pr1', before: undefined, after: proposal }])
    expect(readProposalsState(server).proposals).toEqual({})
    Y.applyUpdate(server, add)
    const withdraw = clientUpdate(server, (d) => d.getMap('proposals').set('pr1', { ...proposal, status: 'withdrawn' }))
    expect(changesOfUpdate(server, withdraw)).toEqual([
      { map: 'proposals', key: 'pr1', before: proposal, after: { ...proposal, status: 'withdrawn' } },
    ])
  })

  it('reports writes outside the two maps so they can be refused', () => {
    const server = new Y.Doc()
    const sneaky = clientUpdate(server, (d) => d.getText('text').insert(0, 'hello'))
    const changes = changesOfUpdate(server, sneaky)
    expect(changes).toEqual([{ map: 'text', key: '', before: undefined, after: true }])
    expect(refuseProposalChanges({ username: 'tv', role: 'delegation', party: 'Tuvalu' }, changes)).toMatch(
      /unknown map "text"/,
    )
  })

  it("lets a hostile delegation's forged proposal be refused before anyone sees it", () => {
    const server = new Y.Doc()
    const forged = clientUpdate(server, (d) => d.getMap('proposals').set('pr1', { ...proposal, party: 'Norway' }))
    expect(
      refuseProposalChanges({ username: 'tv', role: 'delegation', party: 'Tuvalu' }, changesOfUpdate(server, forged)),
    ).toMatch(/own Party \(Tuvalu\), not Norway/)
  })
})

describe('an update that builds on a refused one', () => {
  it('is reported incomplete and refused, not silently kept', () => {
    const server = new Y.Doc()
    const client = new Y.Doc()
    const updates: Uint8Array[] = []
    client.on('update', (u: Uint8Array) => updates.push(u))
    client.getMap('proposals').set('pr9', { ...proposal, party: 'Norway' }) // refused by the server, never applied there
    client.getMap('stances').set('pr1/Tuvalu', { stance: 'object', by: 'tv', at: 't' })
    const changes = changesOfUpdate(server, updates[1])
    expect(changes).toEqual([{ map: '(incomplete)', key: '', before: undefined, after: true }])
    expect(refuseProposalChanges({ username: 'tv', role: 'delegation', party: 'Tuvalu' }, changes)).toMatch(
      /builds on changes the server does not have/,
    )
  })
})
