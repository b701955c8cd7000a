/**
 * Revisions against a real server over real sockets: a co-chair snapshots the draft as
 * Rev.1, resolves a bracket, drops an option and accepts a delegation's proposal, snapshots
 * Rev.2; both are read back with their structure and compared; restoring Rev.1 makes the
 * draft (and every connected editor) say what Rev.1 said, as a new revision, with the
 * others kept; delegations and observers read but never make or restore revisions.
 */
import { EditorState } from 'prosemirror-state'
import { describe, expect, it } from 'vitest'
import { readDocumentTemplate } from '../../server/templates/read-template.ts'
import { negotiationDocText, readNegotiationDoc, writeNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import type { LogEntry } from '../../shared/proposals/log-entry.ts'
import { schema } from '../../shared/schema/index.ts'
import { dropOption, isStepError } from '../../shared/streamline/index.ts'
import { connectProvider, eventually, testServerSuite } from './server-fixture.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { parseRoomName } from '../../shared/document/rooms.ts'
import { proposalsRoom } from '../../shared/document/proposals-room.ts'

const t = testServerSuite()

const template = () => readDocumentTemplate().text

async function draftText(token: string): Promise<string> {
  const res = await fetch(t.url + '/api/documents/non-paper/text', { headers: { authorization: `Bearer ${token}` } })
  return res.text()
}

describe('revisions', () => {
  it('snapshots, reads, compares and restores without losing a revision; only co-chairs and the secretariat make them', async () => {
    const chairToken = await t.account('co-chair')
    const chairName = (await t.api('GET', '/api/me', chairToken)).body.username
    const observer = await t.account('observer')
    const canadaToken = await t.account('delegation', 'Canada')
    const canadaName = (await t.api('GET', '/api/me', canadaToken)).body.username

    // A proposal made before Rev.1 and accepted before Rev.2.
    const canada = await connectProvider(t.syncUrl, 'non-paper/proposals', canadaToken)
    const proposal = {
      id: 'pr-ca-1',
      party: 'Canada',
      by: canadaName,
      kind: 'resolution',
      target: 'g39',
      value: 'g39.2',
      at: new Date().toISOString(),
      status: 'open',
    }
    canada.doc.getMap('proposals').set(proposal.id, proposal)

    // Rev.1: the name is given by the server when none is asked for.
    const rev1 = await t.api('POST', '/api/documents/non-paper/revisions', chairToken, {})
    expect(rev1.status).toBe(201)
    expect(rev1.body).toMatchObject({ name: 'Rev.1', createdBy: chairName, restoredFrom: null })
    expect(rev1.body.createdAt).toBeGreaterThan(Date.now() - 60_000)

    // The co-chair's changes, over a real socket: g39 resolved, Option 3 of Annex B taken out, the proposal accepted.
    const chair = await connectProvider(t.syncUrl, 'non-paper', chairToken)
    const chairProposals = await connectProvider(t.syncUrl, 'non-paper/proposals', chairToken)
    await eventually(() => chairProposals.doc.getMap('proposals').has(proposal.id), 5000, 'proposal relayed')
    const dropped = dropOption(EditorState.create({ schema, doc: readNegotiationDoc(chair.doc) }), 'o3')
    if (isStepError(dropped)) throw new Error(dropped.error)
    writeNegotiationDoc(chair.doc, dropped.doc)
    textRoom(chair.doc).resolutions.set('g39', 'g39.2')
    chairProposals.doc
      .getMap('proposals')
      .set(proposal.id, { ...proposal, status: 'accepted', decision: { by: chairName, at: new Date().toISOString() } })
    const edited = negotiationDocText(chair.doc)
    expect(edited).not.toBe(template())
    for (let i = 0; i < 100 && (await draftText(observer)) !== edited; i++) await new Promise((r) => setTimeout(r, 30))
    expect(await draftText(observer)).toBe(edited)
    // The acceptance in the proposals room has reached the server too, before the snapshot.
    const proposalsAddress = parseRoomName('non-paper/proposals')!
    await eventually(
      () =>
        t.server.services.rooms.read(
          proposalsAddress,
          (doc) => proposalsRoom(doc).proposals.get(proposal.id)?.status,
        ) === 'accepted',
      5000,
      'the acceptance stored',
    )

    const rev2 = await t.api('POST', '/api/documents/non-paper/revisions', chairToken, {})
    expect(rev2.body.name).toBe('Rev.2')

    // Read back: text and structure of each revision.
    const one = await t.api('GET', '/api/documents/non-paper/revisions/Rev.1', observer)
    const two = await t.api('GET', '/api/documents/non-paper/revisions/Rev.2', observer)
    expect(one.body.text).toBe(template())
    expect(two.body.text).toBe(edited)
    expect(one.body.structure.summary.options).toBe(22)
    expect(two.body.structure.summary.options).toBe(21)
    expect(one.body.structure.remaining.brackets).toBe(50)
    expect(two.body.structure.remaining.brackets).toBeLessThan(50)
    const sectionD = (s: any) => s.remaining.sections.find((x: any) => x.name === 'D')
    expect(sectionD(two.body.structure).brackets).toBe(sectionD(one.body.structure).brackets - 1)

    // Compare: what a delegation looks for.
    const compared = await t.api('GET', '/api/documents/non-paper/compare?from=Rev.1&to=Rev.2', observer)
    expect(compared.status).toBe(200)
    const f = compared.body.findings
    expect(f.bracketsResolved).toEqual([expect.objectContaining({ id: 'g39', outcome: '[2013 to 2020] chosen' })])
    expect(f.optionsDropped).toEqual([expect.objectContaining({ id: 'o3', name: 'Option 3', how: 'removed' })])
    expect(f.proposalsAccepted).toEqual([
      expect.objectContaining({ id: 'pr-ca-1', party: 'Canada', status: 'accepted' }),
    ])
    expect(compared.body.lines.some((l: any) => l.kind === 'removed' && l.location.includes('Option 3'))).toBe(true)

    // Restore Rev.1: a new revision, the draft and the connected editor back to Rev.1's text and decisions.
    const restored = await t.api('POST', '/api/documents/non-paper/revisions/Rev.1/restore', chairToken, {})
    expect(restored.status).toBe(201)
    expect(restored.body).toMatchObject({ name: 'Rev.3', restoredFrom: 'Rev.1', createdBy: chairName })
    expect(await draftText(observer)).toBe(template())
    await eventually(() => negotiationDocText(chair.doc) === template(), 5000, 'restore relayed to the editor')
    expect(textRoom(chair.doc).resolutions.has('g39')).toBe(false)
    // The restore is a step on the text like any other: signed in the log by who asked for it.
    const record = await connectProvider(t.syncUrl, 'non-paper/proposals', observer)
    const logged = Object.values(proposalsRoom(record.doc).log.toJSON()) as LogEntry[]
    record.provider.destroy()
    expect(logged).toEqual([
      expect.objectContaining({
        op: 'restore',
        by: chairName,
        summary: 'restored Rev.1 as Rev.3: the working draft says what Rev.1 said',
      }),
    ])
    const list = await t.api('GET', '/api/documents/non-paper/revisions', observer)
    expect(list.body.map((r: any) => r.name)).toEqual(['Rev.0', 'Rev.1', 'Rev.2', 'Rev.3'])
    expect((await t.api('GET', '/api/documents/non-paper/revisions/Rev.2', observer)).body.text).toBe(edited)
    const same = await t.api('GET', '/api/documents/non-paper/compare?from=Rev.1&to=draft', observer)
    expect(same.body.counts).toEqual({ changed: 0, added: 0, removed: 0, wordsAdded: 0, wordsRemoved: 0 })
    expect(same.body.findings.bracketsResolved).toEqual([])

    // The restore is an ordinary change: the co-chair keeps editing the draft after it.
    textRoom(chair.doc).resolutions.set('g40', 'g40.2')
    let history: any
    for (let i = 0; i < 100; i++) {
      history = (await t.api('GET', '/api/documents/non-paper/bracket-history', observer)).body
      if (history.revisions.at(-1).remaining.brackets === 49) break
      await new Promise((r) => setTimeout(r, 30))
    }
    expect(history.revisions.map((r: any) => r.name)).toEqual(['Rev.0', 'Rev.1', 'Rev.2', 'Rev.3', 'draft'])
    expect(history.revisions.map((r: any) => r.remaining.brackets)).toEqual([
      50,
      50,
      two.body.structure.remaining.brackets,
      50,
      49,
    ])

    // Rights: delegations and observers read, never make or restore.
    for (const token of [canadaToken, observer]) {
      expect((await t.api('POST', '/api/documents/non-paper/revisions', token, { name: 'Rev.9' })).status).toBe(403)
      expect((await t.api('POST', '/api/documents/non-paper/revisions/Rev.2/restore', token, {})).status).toBe(403)
    }
    expect((await t.api('GET', '/api/documents/non-paper/revisions', observer)).body).toHaveLength(4)
    expect(await draftText(observer)).not.toBe(edited)

    chair.provider.destroy()
    chairProposals.provider.destroy()
    canada.provider.destroy()
  })

  it('answers errors as { error, details } naming the field', async () => {
    const chair = await t.account('co-chair')
    const missing = await t.api('GET', '/api/documents/non-paper/compare?to=draft', chair)
    expect(missing.status).toBe(400)
    expect(missing.body.details[0].field).toBe('query.from')
    const unknown = await t.api('GET', '/api/documents/non-paper/compare?from=Rev.1&to=Rev.77', chair)
    expect(unknown.status).toBe(404)
    expect(unknown.body.details[0].field).toBe('query.to')
    const draftName = await t.api('POST', '/api/documents/non-paper/revisions', chair, { name: 'draft' })
    expect(draftName.status).toBe(400)
    expect(draftName.body.details[0].field).toBe('body.name')
    const noRevision = await t.api('POST', '/api/documents/non-paper/revisions/Rev.77/restore', chair, {})
    expect(noRevision.status).toBe(404)
    expect(noRevision.body.details[0].field).toBe('params.name')
    const taken = await t.api('POST', '/api/documents/non-paper/revisions/Rev.1/restore', chair, { name: 'Rev.2' })
    expect(taken.status).toBe(409)
  })
})
