/**
 * Uploads that cannot stall the server (issue 20, item 6): imports run in the import
 * thread, so while a 10 MB text imports the server keeps answering others; a text the
 * importer cannot finish within its budget is refused with the reason and stores nothing;
 * the 60,000-numbered-paragraph text that once failed with a 500 is created and opens.
 */
import { describe, expect, it } from 'vitest'
import { defaultLimits } from '../../server/limits.ts'
import { roomName } from '../../shared/document/rooms.ts'
import { quantile, witnessLoop } from './loop-witness.ts'
import { RawClient, testServerSuite, type TestServer } from './server-fixture.ts'

const t = testServerSuite()
const tight = testServerSuite({ limits: { ...defaultLimits, importTimeMs: 1, maxBodyBytes: 1024 * 1024 } })

// `n` numbered paragraphs of about `size` characters each.
function numberedParagraphs(n: number, size: number): string {
  const filler = ' The Parties shall take note of the provisions on mitigation and adaptation, as appropriate.'
  const body = filler.repeat(Math.max(1, Math.round(size / filler.length)))
  const lines: string[] = []
  for (let i = 1; i <= n; i++) lines.push(`${i}.${body}`)
  return lines.join('\n\n')
}

// Documents listed, and the rows and revisions stored for `id`.
async function stored(server: TestServer, id: string) {
  const list = await server.api('GET', '/api/documents', server.secretariatToken)
  const services = server.server.services
  return {
    ids: (list.body as { id: string }[]).map((d) => d.id),
    rows: services.updates.size(roomName(id, 'text')).rows + services.updates.size(roomName(id, 'proposals')).rows,
    revisions: services.revisions.list(id).length,
    entry: services.documents.find(id) !== undefined,
  }
}

describe('uploads that cannot stall the server', () => {
  it('keeps answering HTTP and WebSocket round trips while a 10 MB text imports', async () => {
    const text = numberedParagraphs(5_000, 2_000)
    expect(text.length).toBeGreaterThan(10_000_000)
    const observer = await t.account('observer')
    const socket = await RawClient.connect(t.syncUrl, 'non-paper', observer)
    const witness = witnessLoop(t.url, socket.ws)
    const started = performance.now()
    const created = await t.api('POST', '/api/documents?title=Ten%20megabytes', t.secretariatToken, text)
    const importMs = performance.now() - started
    const report = await witness.stop()
    socket.close()
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    // The witness asked throughout the import, not only after it.
    expect(report.http.length).toBeGreaterThan(importMs / 200)
    const p99 = { http: quantile(report.http, 0.99), ws: quantile(report.ws, 0.99) }
    console.log(
      `10 MB import ${importMs.toFixed(0)} ms; witness p99 http ${p99.http.toFixed(1)} ms, ws ${p99.ws.toFixed(1)} ms`,
    )
    // The goal is 100 ms. The bound is looser because the 2-core machine is shared by several
    // suites (load 16 measured 330 ms here), yet it still fails the import on the event loop,
    // which held every answer for the whole import (20 s for this text).
    expect(p99.ws).toBeLessThan(600)
    expect(p99.http).toBeLessThan(600)
    const text2 = await t.api('GET', `/api/documents/${created.body.document.id}/text`, t.secretariatToken)
    expect(text2.status).toBe(200)
    expect((text2.body as string).length).toBe(text.length)
  }, 60_000)

  it('creates and opens the text of 60,000 numbered paragraphs', async () => {
    const text = numberedParagraphs(60_000, 100)
    const created = await t.api('POST', '/api/documents?title=Sixty%20thousand', t.secretariatToken, text)
    expect(created.status, JSON.stringify(created.body).slice(0, 500)).toBe(201)
    const opened = await t.api('GET', `/api/documents/${created.body.document.id}`, t.secretariatToken)
    expect(opened.status).toBe(200)
    expect(opened.body.summaryError).toBeUndefined()
    const observer = await t.account('observer')
    const reader = await RawClient.connect(t.syncUrl, created.body.document.id, observer)
    expect(reader.doc.getXmlFragment('text').length).toBe(60_000)
    reader.close()
  }, 60_000)

  it('refuses a text the importer cannot finish within its time budget with 422, storing nothing', async () => {
    const before = await stored(tight, 'over-budget')
    for (const [route, body, field] of [
      ['/api/documents/preview?title=Over%20budget', numberedParagraphs(200, 200), 'body'],
      ['/api/documents?title=Over%20budget', numberedParagraphs(200, 200), 'body'],
      ['/api/documents', { title: 'Over budget', text: numberedParagraphs(200, 200) }, 'body.text'],
    ] as const) {
      const res = await tight.api('POST', route, tight.secretariatToken, body)
      expect(res.status, JSON.stringify(res.body)).toBe(422)
      expect(res.body.details[0]).toEqual({
        field,
        message: expect.stringMatching(/did not finish within its 0.001 s budget/),
      })
    }
    const after = await stored(tight, 'over-budget')
    expect(after).toEqual({ ...before, entry: false, rows: 0, revisions: 0 })
    const health = await fetch(tight.url + '/healthz')
    expect(health.status).toBe(200)
  })

  it('refuses a body over the limit with 413', async () => {
    const res = await tight.api('POST', '/api/documents?title=Too%20big', tight.secretariatToken, 'x '.repeat(600_000))
    expect(res.status).toBe(413)
    expect(res.body.error).toBe('body too large')
    expect((await stored(tight, 'too-big')).entry).toBe(false)
  })
})
