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
import { modelMaps } from '../../shared/model/shared-state.ts'
import { connectProvider, eventually, RawClient, repoRoot, startTestServer, testServerSuite } from './server-fixture.ts'

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
    expect(modelMaps(doc).bindings.size).toBeGreaterThan(0)
    provider.destroy()
  })

  it('converges two co-chairs editing concurrently, and relays presence', async () => {
    const a = await connectProvider(t.syncUrl, 'non-paper', await t.account('co-chair'))
    const b = await connectProvider(t.syncUrl, 'non-paper', await t.account('co-chair'))
    a.provider.awareness.setLocalStateField('user', { name: 'Co-chair A' })
    for (let i = 0; i < 20; i++) {
      a.doc.getMap('resolutions').set(`a${i}`, { option: i })
      b.doc.getMap('resolutions').set(`b${i}`, { option: i })
    }
    await eventually(
      () => a.doc.getMap('resolutions').size === 40 && b.doc.getMap('resolutions').size === 40,
      5000,
      'convergence',
    )
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc))
    expect(b.doc.getMap('resolutions').toJSON()).toEqual(a.doc.getMap('resolutions').toJSON())
    await eventually(
      () => [...b.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Co-chair A'),
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
      writer.doc.getMap('resolutions').set('forbidden', role)
      await eventually(() => writer.denials.length === 1, 5000, 'permission denied message')
      expect(writer.denials[0]).toContain(`${role} accounts may not change non-paper`)
      // A later, permitted edit overtakes the refused one: ordering proves it was dropped.
      const cochair = await RawClient.connect(t.syncUrl, 'non-paper', probeAfter)
      cochair.doc.getMap('resolutions').set('allowed', 'co-chair')
      await eventually(() => witness.doc.getMap('resolutions').has('allowed'), 5000, 'permitted edit')
      expect(witness.doc.getMap('resolutions').has('forbidden')).toBe(false)
      const fresh = await RawClient.connect(t.syncUrl, 'non-paper', probeAfter)
      expect(fresh.doc.getMap('resolutions').has('forbidden')).toBe(false)
      expect(fresh.doc.getMap('resolutions').get('allowed')).toBe('co-chair')
      // Repeated offences close the socket with 4403, which y-websocket treats as permanent.
      writer.doc.getMap('resolutions').set('forbidden-2', role)
      writer.doc.getMap('resolutions').set('forbidden-3', role)
      await eventually(() => writer.closed !== undefined, 5000, 'close')
      expect(writer.closed!.code).toBe(4403)
      for (const c of [witness, cochair, fresh]) c.close()
    })
  }

  it('lets a read-only provider complete sync (its step 2 carries nothing new)', async () => {
    const { doc, provider } = await connectProvider(t.syncUrl, 'non-paper', await t.account('observer'))
    expect(provider.synced).toBe(true)
    expect(doc.getXmlFragment('text').length).toBeGreaterThan(0)
    // Stays connected: nothing it sent was treated as a write.
    await new Promise((r) => setTimeout(r, 200))
    expect(provider.wsconnected).toBe(true)
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
      at: '2009-11-02T10:00:00Z',
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
    await new Promise((r) => setTimeout(r, 200))
    expect(witness.doc.getMap('proposals').has('pr9')).toBe(false)
    expect(witness.doc.getMap('stances').size).toBe(0)
    hostile.close()
    witness.close()
  })

  it('refuses upgrades without a valid token, to unknown documents and unknown paths', async () => {
    const base = t.syncUrl
    expect(await upgradeStatus(`${base}/non-paper`)).toBe(401)
    expect(await upgradeStatus(`${base}/non-paper?token=not-a-token`)).toBe(401)
    const token = await t.account('observer')
    expect(await upgradeStatus(`${base}/no-such-doc?token=${token}`)).toBe(404)
    expect(await upgradeStatus(`${base}/non-paper/other?token=${token}`)).toBe(404)
    expect(await upgradeStatus(`${t.url.replace('http', 'ws')}/elsewhere?token=${token}`)).toBe(404)
    expect(await upgradeStatus(`${base}/non-paper?token=${token}`)).toBe(101)
    expect(await upgradeStatus(`${base}/non-paper`, { headers: { authorization: `Bearer ${token}` } })).toBe(101)
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
