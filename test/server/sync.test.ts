/**
 * Live sync over the y-websocket protocol: real providers and raw y-protocols sockets
 * against a real server, with the write policy enforced per message.
 */
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { documentText } from '../../server/documents/template.ts'
import {
  connectProvider,
  eventually,
  RawClient,
  repoRoot,
  startTestServer,
  templateResolutions,
  testServerSuite,
  appendParagraph,
  appendedParagraphs,
} from './server-fixture.ts'
import { textRoom } from '../../shared/document/text-room.ts'

const t = testServerSuite()

async function upgradeStatus(url: string, options: WebSocket.ClientOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options)
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    ws.once('open', () => {
      ws.close()
      resolve(101)
    })
    ws.once('error', reject)
  })
}

describe('sync', () => {
  it('gives a new client the whole stored template on its first sync', async () => {
    const token = await t.account('observer')
    const { doc, provider } = await connectProvider(t.syncUrl, 'non-paper', token)
    const template = readFileSync(path.join(repoRoot, 'templates/non-paper/text.txt'), 'utf8')
    expect(documentText(doc)).toBe(template)
    // The template's model bindings came with it, in the same room.
    expect(textRoom(doc).bindings.size).toBeGreaterThan(0)
    provider.destroy()
  })

  it('converges two co-chairs editing concurrently, and relays presence', async () => {
    const aToken = await t.account('co-chair')
    const a = await connectProvider(t.syncUrl, 'non-paper', aToken)
    const b = await connectProvider(t.syncUrl, 'non-paper', await t.account('co-chair'))
    const aName = (await t.api('GET', '/api/me', aToken)).body.username as string
    // The name a client claims is replaced by its account's: the server vouches for presence.
    a.provider.awareness.setLocalStateField('user', { name: 'Co-chair A' })
    // Each writes half the template's brackets, interleaved: 40 concurrent resolutions.
    const choices = templateResolutions.slice(0, 40)
    choices.forEach(([id, value], i) => textRoom(i % 2 ? a.doc : b.doc).resolutions.set(id, value))
    await eventually(
      () => textRoom(a.doc).resolutions.size === 40 && textRoom(b.doc).resolutions.size === 40,
      5000,
      'convergence',
    )
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc))
    expect(b.doc.getMap('resolutions').toJSON()).toEqual(a.doc.getMap('resolutions').toJSON())
    await eventually(
      () =>
        [...b.provider.awareness.getStates().values()].some(
          (s) => s.user?.name === aName && s.user?.role === 'co-chair',
        ),
      5000,
      'presence',
    )
    a.provider.destroy()
    b.provider.destroy()
  })

  for (const role of ['observer', 'delegation'] as const) {
    it(`refuses a ${role}'s write to the text room; others never see it`, async () => {
      const writer = await RawClient.connect(
        t.syncUrl,
        'non-paper',
        await t.account(role, role === 'delegation' ? 'Tuvalu' : undefined),
      )
      const witness = await RawClient.connect(t.syncUrl, 'non-paper', await t.account('co-chair'))
      const probeAfter = await t.account('co-chair')
      // Brackets the other tests leave alone: the first refused, the second permitted.
      const [[refusedId, refusedValue], [allowedId, allowedValue], [other, otherValue]] = templateResolutions.slice(44)
      textRoom(writer.doc).resolutions.set(refusedId, refusedValue)
      await eventually(() => writer.denials.length === 1, 5000, 'permission denied message')
      expect(writer.denials[0]).toContain(`${role} accounts may not change the text room`)
      expect(writer.refusalCodes[0]).toBe('read-only')
      // A later, permitted edit overtakes the refused one: ordering proves it was dropped.
      const cochair = await RawClient.connect(t.syncUrl, 'non-paper', probeAfter)
      textRoom(cochair.doc).resolutions.set(allowedId, allowedValue)
      await eventually(() => textRoom(witness.doc).resolutions.has(allowedId), 5000, 'permitted edit')
      expect(textRoom(witness.doc).resolutions.has(refusedId)).toBe(false)
      const fresh = await RawClient.connect(t.syncUrl, 'non-paper', probeAfter)
      expect(textRoom(fresh.doc).resolutions.has(refusedId)).toBe(false)
      expect(textRoom(fresh.doc).resolutions.get(allowedId)).toBe(allowedValue)
      // Repeated offences close the socket with 4403, which y-websocket treats as permanent.
      textRoom(writer.doc).resolutions.set(other, otherValue)
      textRoom(writer.doc).resolutions.delete(refusedId)
      await eventually(() => writer.closed !== undefined, 5000, 'close')
      expect(writer.closed!.code).toBe(4403)
      expect(writer.closed!.reason).toBe('read-only')
      textRoom(cochair.doc).resolutions.delete(allowedId)
      await eventually(() => !textRoom(witness.doc).resolutions.has(allowedId), 5000, 'cleanup')
      for (const c of [witness, cochair, fresh]) c.close()
    })
  }

  it("refuses a co-chair's write of a root the text room does not hold, or a value it refuses; nobody sees either", async () => {
    const chairToken = await t.account('co-chair')
    const witness = await RawClient.connect(t.syncUrl, 'non-paper', await t.account('observer'))
    const cases: [(doc: Y.Doc) => void, string, RegExp][] = [
      [(doc) => doc.getMap('backdoor').set('x', 1), 'unknown-root', /holds no "backdoor"/],
      [(doc) => textRoom(doc).resolutions.set('g39', 'g40.1'), 'invalid-value', /expected one of g39.1, g39.2/],
      [(doc) => textRoom(doc).inscriptions.set('cp2/Australia', 'lots' as never), 'invalid-value', /number greater/],
    ]
    for (const [write, code, message] of cases) {
      const chair = await RawClient.connect(t.syncUrl, 'non-paper', chairToken)
      write(chair.doc)
      await eventually(() => chair.denials.length === 1, 5000, `refusal ${code}`)
      expect(chair.refusalCodes[0]).toBe(code)
      expect(chair.denials[0]).toMatch(message)
      chair.close()
    }
    // A permitted write after them reaches the witness; none of the refused ones did, nor are they stored.
    const chair = await RawClient.connect(t.syncUrl, 'non-paper', chairToken)
    appendParagraph(chair.doc, 'after the refusals')
    await eventually(() => appendedParagraphs(witness.doc).includes('after the refusals'), 5000, 'permitted edit')
    const fresh = await RawClient.connect(t.syncUrl, 'non-paper', chairToken)
    for (const doc of [witness.doc, fresh.doc]) {
      expect(doc.share.has('backdoor')).toBe(false)
      expect(textRoom(doc).resolutions.get('g39')).not.toBe('g40.1')
      expect(textRoom(doc).inscriptions.has('cp2/Australia')).toBe(false)
    }
    for (const c of [witness, chair, fresh]) c.close()
  })

  it('lets a read-only provider complete sync (its step 2 carries nothing new)', async () => {
    const { doc, provider } = await connectProvider(t.syncUrl, 'non-paper', await t.account('observer'))
    expect(provider.synced).toBe(true)
    expect(doc.getXmlFragment('text').length).toBeGreaterThan(0)
    // Stays connected: nothing it sent was treated as a write. A co-chair's edit made
    // afterwards reaches it, and it was never refused.
    const refusals: string[] = []
    provider.messageHandlers[2] = () => refusals.push('refused')
    const chair = await RawClient.connect(t.syncUrl, 'non-paper', await t.account('co-chair'))
    appendParagraph(chair.doc, 'read-only sync')
    await eventually(() => appendedParagraphs(doc).includes('read-only sync'), 5000, 'a later edit')
    expect(provider.wsconnected).toBe(true)
    expect(refusals).toEqual([])
    chair.close()
    provider.destroy()
  })

  it('lets delegations propose for their own Party in the proposals room, not observers', async () => {
    const canadaToken = await t.account('delegation', 'Canada')
    const canada = (await t.api('GET', '/api/me', canadaToken)).body.username as string
    const delegation = await RawClient.connect(t.syncUrl, 'non-paper/proposals', canadaToken)
    const observer = await RawClient.connect(t.syncUrl, 'non-paper/proposals', await t.account('observer'))
    const proposal = {
      id: 'pr1',
      party: 'Canada',
      by: canada,
      kind: 'resolution',
      target: 'g50',
      value: 'deleted',
      at: new Date().toISOString(),
      status: 'open',
    }
    delegation.doc.getMap('proposals').set('pr1', proposal)
    await eventually(() => observer.doc.getMap('proposals').has('pr1'), 5000, 'proposal relayed')
    expect(delegation.denials).toEqual([])
    observer.doc.getMap('stances').set('pr1/Canada', { stance: 'support', by: 'press', at: 'x' })
    await eventually(() => observer.denials.length === 1, 5000, 'observer refused')
    delegation.close()
    observer.close()
  })

  it("refuses a hostile delegation's forged proposal, stance and acceptance; nobody else sees them", async () => {
    const tuvaluToken = await t.account('delegation', 'Tuvalu')
    const tuvalu = (await t.api('GET', '/api/me', tuvaluToken)).body.username as string
    const hostile = await RawClient.connect(t.syncUrl, 'non-paper/proposals', tuvaluToken)
    const witness = await RawClient.connect(t.syncUrl, 'non-paper/proposals', await t.account('observer'))
    const forged = {
      id: 'pr9',
      party: 'Norway',
      by: tuvalu,
      kind: 'inscription',
      target: 'cp2/Norway',
      value: 50,
      at: 't',
      status: 'open',
    }
    hostile.doc.getMap('proposals').set('pr9', forged)
    await eventually(() => hostile.denials.length === 1, 5000, 'forged proposal refused')
    expect(hostile.denials[0]).toMatch(/own Party \(Tuvalu\), not Norway/)
    hostile.doc.getMap('stances').set('pr1/Norway', { stance: 'object', by: tuvalu, at: 't' })
    await eventually(() => hostile.denials.length === 2, 5000, 'forged stance refused')
    expect(hostile.denials[1]).toMatch(/builds on changes the server does not have/)
    // A permitted proposal made afterwards overtakes the refused ones.
    const icelandToken = await t.account('delegation', 'Iceland')
    const iceland = (await t.api('GET', '/api/me', icelandToken)).body.username as string
    const honest = await RawClient.connect(t.syncUrl, 'non-paper/proposals', icelandToken)
    honest.doc.getMap('proposals').set('pr-honest', {
      ...forged,
      id: 'pr-honest',
      party: 'Iceland',
      by: iceland,
      target: 'cp2/Iceland',
      at: new Date().toISOString(),
    })
    await eventually(() => witness.doc.getMap('proposals').has('pr-honest'), 5000, 'the permitted proposal')
    expect(witness.doc.getMap('proposals').has('pr9')).toBe(false)
    expect(witness.doc.getMap('stances').size).toBe(0)
    expect(honest.denials).toEqual([])
    for (const c of [hostile, witness, honest]) c.close()
  })

  it('refuses upgrades with a bad Bearer token, to unknown documents and unknown paths', async () => {
    const base = t.syncUrl
    const token = await t.account('observer')
    const bearer = (value: string) => ({ headers: { authorization: `Bearer ${value}` } })
    expect(await upgradeStatus(`${base}/non-paper`, bearer('not-a-token'))).toBe(401)
    expect(await upgradeStatus(`${base}/no-such-doc`, bearer(token))).toBe(404)
    expect(await upgradeStatus(`${base}/non-paper/other`, bearer(token))).toBe(404)
    expect(await upgradeStatus(`${t.url.replace('http', 'ws')}/elsewhere`, bearer(token))).toBe(404)
    expect(await upgradeStatus(`${base}/non-paper`, bearer(token))).toBe(101)
    expect(await upgradeStatus(`${base}/non-paper`, { headers: { cookie: `accord_token=${token}` } })).toBe(101)
  })

  it('closes a socket with 4401 when its session expires', async () => {
    const short = await startTestServer({ tokenTtlMs: 800 })
    try {
      const client = await RawClient.connect(short.syncUrl, 'non-paper', short.secretariatToken)
      expect(client.closed).toBeUndefined()
      await eventually(() => client.closed !== undefined, 5000, 'expiry close')
      expect(client.closed).toEqual({ code: 4401, reason: 'session expired' })
      await expect(RawClient.connect(short.syncUrl, 'non-paper', short.secretariatToken)).rejects.toThrow(/401/)
    } finally {
      await short.close()
    }
  })
})
