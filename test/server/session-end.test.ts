/**
 * A session that ends, ends everywhere at once: logout, expiry, a password reset, the
 * account disabled or its role changed close that account's sync sockets with 4401 within
 * a second, and nothing the socket sends after the end is applied. And the token stays
 * out of the sync URL: browsers send it as the socket's first message, Node clients as a
 * Bearer header; `?token=` is refused.
 */
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import {
  accountPassword,
  appendedParagraphs,
  appendParagraph,
  eventually,
  login,
  RawClient,
  testServerSuite,
} from './server-fixture.ts'
import { sessionTokenMessage } from '../../shared/document/session-message.ts'
import { CLOSE } from '../../shared/document/protocol.ts'
import { syncStep1Message } from '../sync-messages.ts'

const t = testServerSuite()

/** Opens a raw socket to `room` with `options`, resolving once it is open (or with the refusal status). */
function openSocket(url: string, options: WebSocket.ClientOptions = {}): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options)
    ws.binaryType = 'nodebuffer'
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    ws.once('error', reject)
  })
}

/** Resolves with the first message a socket receives, or with its close code. */
function firstAnswer(ws: WebSocket): Promise<{ message?: Buffer; close?: number }> {
  return new Promise((resolve) => {
    ws.once('message', (data: Buffer) => resolve({ message: data }))
    ws.once('close', (code) => resolve({ close: code }))
  })
}

async function coChair(): Promise<{ token: string; username: string }> {
  const token = await t.account('co-chair')
  return { token, username: (await t.api('GET', '/api/me', token)).body.username }
}

describe('a session that ends closes its sockets', () => {
  it('logout: the socket closes with 4401 within a second, and an edit sent after the end never reaches a witness', async () => {
    const writer = await coChair()
    const witness = await RawClient.connect(t.syncUrl, 'non-paper', (await coChair()).token)
    const socket = await RawClient.connect(t.syncUrl, 'non-paper', writer.token)
    const other = await RawClient.connect(t.syncUrl, 'non-paper', writer.token)
    // The writer's client stops reading, so it cannot see the close and still sends.
    ;(socket.ws as unknown as { _socket: { pause(): void } })._socket.pause()
    const started = performance.now()
    expect((await t.api('POST', '/api/logout', writer.token)).status).toBe(204)
    appendParagraph(socket.doc, 'after-logout')
    await eventually(() => other.closed !== undefined, 1000, 'the close after logout')
    const closeMs = performance.now() - started
    expect(other.closed).toEqual({ code: CLOSE.sessionEnded, reason: 'logged out' })
    expect(closeMs).toBeLessThan(1000)
    console.log(`close after logout: ${closeMs.toFixed(1)} ms (logout request sent to close event)`)
    // A later permitted edit by someone else arrives; the one sent after the end never does.
    const later = await RawClient.connect(t.syncUrl, 'non-paper', (await coChair()).token)
    appendParagraph(later.doc, 'later')
    await eventually(() => appendedParagraphs(witness.doc).includes('later'), 5000, 'the later edit')
    expect(appendedParagraphs(witness.doc)).not.toContain('after-logout')
    const fresh = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
    expect(appendedParagraphs(fresh.doc)).not.toContain('after-logout')
    for (const c of [witness, socket, later, fresh]) c.close()
  })

  it('closes only the session that logged out, not the same account’s other sessions', async () => {
    const chair = await coChair()
    const secondToken = await login(t.url, chair.username, accountPassword)
    const first = await RawClient.connect(t.syncUrl, 'non-paper', chair.token)
    const second = await RawClient.connect(t.syncUrl, 'non-paper', secondToken)
    await t.api('POST', '/api/logout', chair.token)
    await eventually(() => first.closed !== undefined, 1000, 'the logged-out socket')
    appendParagraph(second.doc, 'still-here')
    const witness = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
    await eventually(() => appendedParagraphs(witness.doc).includes('still-here'), 5000, 'the other session’s edit')
    expect(second.closed).toBeUndefined()
    for (const c of [second, witness]) c.close()
  })

  for (const [action, reason] of [
    ['disable', 'account disabled'],
    ['password', 'password reset'],
    ['role', 'role changed'],
  ] as const) {
    it(`${reason}: every socket of the account closes with 4401 within a second and its token stops working`, async () => {
      const chair = await coChair()
      const sockets = [
        await RawClient.connect(t.syncUrl, 'non-paper', chair.token),
        await RawClient.connect(t.syncUrl, 'non-paper/proposals', chair.token),
      ]
      const id = (await t.api('GET', '/api/me', chair.token)).body.id
      const started = performance.now()
      const res =
        action === 'role'
          ? await t.api('PATCH', `/api/accounts/${id}`, t.secretariatToken, { role: 'observer' })
          : await t.api('POST', `/api/accounts/${id}/${action}`, t.secretariatToken)
      expect(res.status).toBe(200)
      await eventually(() => sockets.every((s) => s.closed !== undefined), 1000, 'every socket closed')
      expect(performance.now() - started).toBeLessThan(1000)
      for (const s of sockets) expect(s.closed).toEqual({ code: CLOSE.sessionEnded, reason })
      expect((await t.api('GET', '/api/me', chair.token)).status).toBe(401)
    })
  }
})

describe('the token stays out of the sync URL', () => {
  it('refuses ?token= with 400 and says where the token goes', async () => {
    expect(await openSocket(`${t.syncUrl}/non-paper?token=${t.secretariatToken}`)).toBe(400)
  })

  it('lets a browser socket authenticate with its first message, and then syncs it', async () => {
    const ws = (await openSocket(`${t.syncUrl}/non-paper`)) as WebSocket
    ws.send(sessionTokenMessage(t.secretariatToken))
    ws.send(syncStep1Message(new Y.Doc()))
    const answer = await firstAnswer(ws)
    expect(answer.message?.[0]).toBe(0) // the server's sync step 1: the socket joined its room
    ws.close()
  })

  it('falls back to the upgrade’s cookie when the first message is the protocol’s own', async () => {
    const ws = (await openSocket(`${t.syncUrl}/non-paper`, {
      headers: { cookie: `accord_token=${t.secretariatToken}` },
    })) as WebSocket
    ws.send(syncStep1Message(new Y.Doc()))
    expect((await firstAnswer(ws)).message?.[0]).toBe(0)
    ws.close()
  })

  it('closes with 4401 a socket that names no live session, and never joins it to the room', async () => {
    const anonymous = (await openSocket(`${t.syncUrl}/non-paper`)) as WebSocket
    anonymous.send(syncStep1Message(new Y.Doc()))
    expect(await firstAnswer(anonymous)).toEqual({ close: CLOSE.sessionEnded })
    const forged = (await openSocket(`${t.syncUrl}/non-paper`)) as WebSocket
    forged.send(sessionTokenMessage('not-a-token'))
    expect(await firstAnswer(forged)).toEqual({ close: CLOSE.sessionEnded })
    const missing = (await openSocket(`${t.syncUrl}/no-such-document`)) as WebSocket
    missing.send(sessionTokenMessage(t.secretariatToken))
    expect(await firstAnswer(missing)).toEqual({ close: CLOSE.noSuchDocument })
  })
})
