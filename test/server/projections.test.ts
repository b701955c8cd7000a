// Projection links against a real server: made and listed by co-chairs and the secretariat only,
// read-only on the wire (a write is refused), one document's text room and nothing else, dark
// as soon as they are revoked; and nobody presents in another's name or without the right.
import { describe, expect, it } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { textRoom } from '../../shared/document/text-room.ts'
import { PRESENTING_FIELD } from '../../shared/projection/presenting.ts'
import { bearerSocket } from '../bearer-socket.ts'
import { connectProvider, eventually, RawClient, testServerSuite } from './server-fixture.ts'

const t = testServerSuite()
const presenting = { since: 1, movedAt: 1, caret: null }

/** A provider whose upgrade may be refused: resolves with the close it got, or 'synced'. */
function tryConnect(room: string, token: string): Promise<'synced' | number> {
  const provider = new WebsocketProvider(t.syncUrl, room, new Y.Doc(), {
    disableBc: true,
    WebSocketPolyfill: bearerSocket(token),
  })
  return new Promise((resolve) => {
    provider.once('sync', () => resolve('synced'))
    provider.on('connection-close', (event) => resolve(event?.code ?? 0))
  }).finally(() => provider.destroy()) as Promise<'synced' | number>
}

describe('projection links', () => {
  it('are made and listed by co-chairs and the secretariat only, never showing a token again', async () => {
    const chair = await t.account('co-chair')
    const made = await t.api('POST', '/api/documents/non-paper/projections', chair)
    expect(made.status).toBe(201)
    expect(made.body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/)
    for (const role of ['delegation', 'observer'] as const) {
      const other = await t.account(role, role === 'delegation' ? 'Tuvalu' : undefined)
      expect((await t.api('POST', '/api/documents/non-paper/projections', other)).status).toBe(403)
      expect((await t.api('GET', '/api/documents/non-paper/projections', other)).status).toBe(403)
    }
    const listed = await t.api('GET', '/api/documents/non-paper/projections', t.secretariatToken)
    expect(listed.body).toContainEqual(expect.objectContaining({ id: made.body.id, documentId: 'non-paper' }))
    expect(JSON.stringify(listed.body)).not.toContain(made.body.token)
    const shown = await t.api('GET', '/api/projection', made.body.token)
    expect(shown.body).toEqual({ document: { id: 'non-paper', title: expect.any(String) }, room: 'non-paper' })
    expect((await t.api('GET', '/api/projection', 'not-a-token')).status).toBe(401)
  })

  it('read the text room and write nothing; open no other room; go dark when revoked', async () => {
    const chair = await t.account('co-chair')
    const { id, token } = (await t.api('POST', '/api/documents/non-paper/projections', chair)).body
    const screen = await RawClient.connect(t.syncUrl, 'non-paper', token)
    expect(textRoom(screen.doc).text.length).toBeGreaterThan(0)
    textRoom(screen.doc).resolutions.set('g39', 'g39.2')
    await eventually(() => screen.refusalCodes.length > 0, 5000, 'the refusal')
    expect(screen.refusalCodes[0]).toBe('read-only')
    // A fresh reader shows the server never took it.
    const reader = await connectProvider(t.syncUrl, 'non-paper', chair)
    expect(textRoom(reader.doc).resolutions.get('g39')).toBeUndefined()
    reader.provider.destroy()

    expect(await tryConnect('non-paper/proposals', token)).not.toBe('synced')
    expect(await tryConnect('non-paper', token)).toBe('synced')

    const revoked = await t.api('DELETE', `/api/documents/non-paper/projections/${id}`, chair)
    expect(revoked.status).toBe(204)
    await eventually(() => screen.closed !== undefined, 5000, 'the screen closed')
    expect(screen.closed!.code).toBe(4401)
    expect(await tryConnect('non-paper', token)).not.toBe('synced')
    expect((await t.api('GET', '/api/projection', token)).status).toBe(401)
    expect((await t.api('DELETE', `/api/documents/non-paper/projections/${id}`, chair)).status).toBe(404)
  })

  it('relays a co-chair presenting under their name, and drops anyone else’s claim to present', async () => {
    const chair = await t.account('co-chair')
    const me = (await t.api('GET', '/api/me', chair)).body.username
    const delegation = await t.account('delegation', 'Tuvalu')
    const watcher = await connectProvider(t.syncUrl, 'non-paper', t.secretariatToken)
    const seen = (name: string) =>
      [...watcher.provider.awareness.getStates().values()].find((s) => s.user?.name === name)

    const forger = await connectProvider(t.syncUrl, 'non-paper', delegation)
    forger.provider.awareness.setLocalState({ user: { name: 'tuvalu' }, [PRESENTING_FIELD]: presenting })
    const impostor = await connectProvider(t.syncUrl, 'non-paper', chair)
    impostor.provider.awareness.setLocalState({ user: { name: 'someone-else' }, [PRESENTING_FIELD]: presenting })
    const presenter = await connectProvider(t.syncUrl, 'non-paper', chair)
    presenter.provider.awareness.setLocalState({ user: { name: me }, [PRESENTING_FIELD]: presenting })

    // The presenter, announced last, arrives; the two before it never did.
    await eventually(() => seen(me)?.[PRESENTING_FIELD] !== undefined, 5000, 'the presenter')
    expect(seen('tuvalu')).toBeUndefined()
    expect(seen('someone-else')).toBeUndefined()
    for (const c of [watcher, forger, impostor, presenter]) c.provider.destroy()
  })
})
