/**
 * Limits and bad input on the sync endpoint: each closes the offending socket with a
 * reason and leaves everyone else — and the process — running.
 */
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { defaultLimits } from '../../server/limits.ts'
import {
  appendedParagraphs,
  appendParagraph,
  eventually,
  RawClient,
  startTestServer,
  testServerSuite,
} from './server-fixture.ts'

const t = testServerSuite({
  limits: {
    ...defaultLimits,
    maxMessageBytes: 64 * 1024,
    maxConnectionsPerAccount: 3,
    maxDocumentBytes: 10 * 1024 * 1024,
  },
})

describe('limits', () => {
  it('closes a socket that sends an oversized frame with 1009; others keep working', async () => {
    const token = await t.account('co-chair')
    const big = await RawClient.connect(t.syncUrl, 'non-paper', token)
    const other = await RawClient.connect(t.syncUrl, 'non-paper', token)
    appendParagraph(big.doc, 'x'.repeat(100 * 1024))
    await eventually(() => big.closed !== undefined, 5000, 'close')
    expect(big.closed!.code).toBe(1009)
    appendParagraph(other.doc, 'still alive')
    const third = await RawClient.connect(t.syncUrl, 'non-paper', token)
    await eventually(() => appendedParagraphs(third.doc).includes('still alive'), 5000, 'server still relays')
    expect(appendedParagraphs(third.doc)).toEqual(['still alive'])
    other.close()
    third.close()
  })

  it('tells any account the limits its client must respect (GET /api/limits)', async () => {
    const observer = await t.account('observer')
    const res = await t.api('GET', '/api/limits', observer)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ maxMessageBytes: 64 * 1024, maxDocumentBytes: 10 * 1024 * 1024 })
    expect((await t.api('GET', '/api/limits')).status).toBe(401)
  })

  it('closes malformed, unknown and text messages with a reason, one socket at a time', async () => {
    const token = await t.account('co-chair')
    const cases: [Uint8Array | string, number][] = [
      [new Uint8Array([0, 2, 200, 1, 2, 3]), 1007], // update whose length runs past the end
      [new Uint8Array([0, 2, 5, 255, 255, 255, 255, 255]), 1007], // garbage Yjs update
      [new Uint8Array([0, 9]), 1007], // unknown sync step
      [new Uint8Array([42]), 1003], // unknown message type
      ['hello', 1003], // text frame
    ]
    for (const [payload, code] of cases) {
      const client = await RawClient.connect(t.syncUrl, 'non-paper', token)
      client.ws.send(payload)
      await eventually(() => client.closed !== undefined, 5000, `close for ${String(payload)}`)
      expect(client.closed!.code).toBe(code)
      expect(client.closed!.reason.length).toBeGreaterThan(0)
    }
    const healthy = await RawClient.connect(t.syncUrl, 'non-paper', token)
    expect(healthy.doc.getXmlFragment('text').length).toBeGreaterThan(0)
    healthy.close()
  })

  it('refuses a connection beyond the per-account budget with 429', async () => {
    const token = await t.account('observer')
    const open = [] as RawClient[]
    for (let i = 0; i < 3; i++) open.push(await RawClient.connect(t.syncUrl, 'non-paper', token))
    await expect(RawClient.connect(t.syncUrl, 'non-paper', token)).rejects.toThrow(/429/)
    const leaving = open.pop()!
    leaving.close()
    await eventually(() => leaving.closed !== undefined, 5000, 'close')
    // The freed slot can be used again once the server has seen the close.
    let again: RawClient | undefined
    for (let i = 0; !again && i < 50; i++) {
      again = await RawClient.connect(t.syncUrl, 'non-paper', token).catch(() => undefined)
      if (!again) await new Promise((r) => setTimeout(r, 20))
    }
    expect(again).toBeDefined()
    for (const c of [...open, again!]) c.close()
  })

  it('refuses updates once a document reaches its size limit', async () => {
    const small = await startTestServer({ limits: { ...defaultLimits, maxDocumentBytes: 120 * 1024 } })
    try {
      const writer = await RawClient.connect(small.syncUrl, 'non-paper', small.secretariatToken)
      appendParagraph(writer.doc, 'y'.repeat(60 * 1024))
      await eventually(() => writer.denials.length === 1, 5000, 'size refusal')
      expect(writer.denials[0]).toMatch(/size limit/)
      expect(writer.refusalCodes[0]).toBe('size-limit')
      const reader = await RawClient.connect(small.syncUrl, 'non-paper', small.secretariatToken)
      expect(appendedParagraphs(reader.doc)).toEqual([])
    } finally {
      await small.close()
    }
  })

  it('closes sockets with 1001 and a reason on graceful shutdown', async () => {
    const own = await startTestServer()
    const client = await RawClient.connect(own.syncUrl, 'non-paper', own.secretariatToken)
    appendParagraph(client.doc, 'before shutdown')
    const witness = await RawClient.connect(own.syncUrl, 'non-paper', own.secretariatToken)
    await eventually(() => appendedParagraphs(witness.doc).length === 1, 5000, 'the edit relayed')
    await own.server.close()
    await eventually(() => client.closed !== undefined, 5000, 'close on shutdown')
    expect(client.closed).toEqual({ code: 1001, reason: 'server shutting down' })
    const ws = new WebSocket(own.syncUrl + '/non-paper')
    await new Promise((resolve) => ws.once('error', resolve))
    await own.close()
  })
})
