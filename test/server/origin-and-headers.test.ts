/**
 * Origin and CSRF checks, and the security headers. A page on another site that rides
 * the session cookie is refused — on the sync upgrade and on state-changing API requests
 * — while Bearer clients are not affected; every response carries the headers that limit
 * what a page may do (CSP with frame-ancestors 'none', nosniff, no referrer), the API is
 * never cached, and https publication adds HSTS and Secure cookies.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { secretariatPassword, startTestServer, testServerSuite } from './server-fixture.ts'
import { allowFraming, securityHeaders } from '../../server/security-headers.ts'

const t = testServerSuite()

function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers })
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    ws.once('open', () => {
      ws.close()
      resolve(101)
    })
    ws.once('error', reject)
  })
}

/** A cookie-authenticated POST that makes a revision, from the page `origin` (or with other headers). */
function cookiePost(url: string, token: string, headers: Record<string, string>) {
  return fetch(`${url}/api/documents/non-paper/revisions`, {
    method: 'POST',
    headers: { cookie: `accord_token=${token}`, 'content-type': 'application/json', ...headers },
    body: '{}',
  })
}

describe('Origin checks', () => {
  it('refuses a sync upgrade with the session cookie from a foreign Origin; its own origin and Bearer clients pass', async () => {
    const cookie = `accord_token=${t.secretariatToken}`
    const room = `${t.syncUrl}/non-paper`
    expect(await upgradeStatus(room, { cookie, origin: 'http://evil.example' })).toBe(403)
    expect(await upgradeStatus(room, { cookie, origin: t.url })).toBe(101)
    expect(await upgradeStatus(room, { cookie, origin: t.url.replace('127.0.0.1', 'localhost') })).toBe(101)
    expect(
      await upgradeStatus(room, { authorization: `Bearer ${t.secretariatToken}`, origin: 'http://evil.example' }),
    ).toBe(101)
  })

  it('refuses a cookie-authenticated POST from a foreign Origin or a cross-site page; same origin and Bearer pass', async () => {
    const foreign = await cookiePost(t.url, t.secretariatToken, { origin: 'http://evil.example' })
    expect(foreign.status).toBe(403)
    expect((await foreign.json()).details[0].field).toBe('origin')
    expect((await cookiePost(t.url, t.secretariatToken, { 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    expect((await cookiePost(t.url, t.secretariatToken, { origin: t.url })).status).toBe(201)
    const bearer = await fetch(`${t.url}/api/documents/non-paper/revisions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${t.secretariatToken}`,
        origin: 'http://evil.example',
        'content-type': 'application/json',
      },
      body: '{}',
    })
    expect(bearer.status).toBe(201)
    // A login from another site's page (login CSRF) is refused too.
    const login = await fetch(`${t.url}/api/login`, {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'secretariat', password: secretariatPassword }),
    })
    expect(login.status).toBe(403)
    const audit = await t.api('GET', '/api/audit?kind=origin-refused', t.secretariatToken)
    expect(audit.body.length).toBeGreaterThanOrEqual(3)
  })

  it('puts a form upload (POST /api/documents, multipart) through the same session, Origin and role checks', async () => {
    const upload = (id: string, headers: Record<string, string>) => {
      const form = new FormData()
      form.append('title', id)
      form.append('id', id)
      form.append('file', new Blob(['Option 1: The Parties [shall][should] act.\n'], { type: 'text/plain' }), 'u.txt')
      return fetch(`${t.url}/api/documents`, { method: 'POST', headers, body: form })
    }
    const cookie = (token: string) => `accord_token=${token}`
    const foreign = await upload('from-evil', { cookie: cookie(t.secretariatToken), origin: 'http://evil.example' })
    expect(foreign.status).toBe(403)
    expect((await foreign.json()).details[0].field).toBe('origin')
    const crossSite = await upload('cross-site', { cookie: cookie(t.secretariatToken), 'sec-fetch-site': 'cross-site' })
    expect(crossSite.status).toBe(403)
    expect((await upload('anonymous', { origin: t.url })).status).toBe(401)
    const delegation = await t.account('delegation', 'Tuvalu')
    expect((await upload('by-delegation', { cookie: cookie(delegation), origin: t.url })).status).toBe(403)
    // The secretariat's own page uploads; none of the refused uploads was stored.
    expect((await upload('from-home', { cookie: cookie(t.secretariatToken), origin: t.url })).status).toBe(201)
    const ids = (await t.api('GET', '/api/documents', t.secretariatToken)).body.map((d: { id: string }) => d.id)
    expect(ids).toContain('from-home')
    for (const refused of ['from-evil', 'cross-site', 'anonymous', 'by-delegation']) expect(ids).not.toContain(refused)
  })

  it('allows exactly the origins ACCORD_ORIGIN lists', async () => {
    const configured = await startTestServer({ allowedOrigins: ['https://accord.example.org'] })
    try {
      const cookie = `accord_token=${configured.secretariatToken}`
      const room = `${configured.syncUrl}/non-paper`
      expect(await upgradeStatus(room, { cookie, origin: 'https://accord.example.org' })).toBe(101)
      expect(await upgradeStatus(room, { cookie, origin: configured.url })).toBe(403)
    } finally {
      await configured.close()
    }
  })
})

describe('security headers', () => {
  it('sends a strict CSP, frame-ancestors none, nosniff and no referrer on pages and the API; no-store on the API', async () => {
    for (const route of ['/', '/api/me', '/healthz']) {
      const res = await fetch(t.url + route, { headers: { authorization: `Bearer ${t.secretariatToken}` } })
      const csp = res.headers.get('content-security-policy')!
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("object-src 'none'")
      expect(csp).not.toContain('unsafe-inline')
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      expect(res.headers.get('strict-transport-security')).toBeNull()
    }
    expect((await fetch(t.url + '/api/me')).headers.get('cache-control')).toBe('no-store')
  })

  it('adds HSTS and Secure cookies when ACCORD_PUBLIC_URL is https', async () => {
    const published = await startTestServer({ publicUrl: 'https://accord.example.org/' })
    try {
      const res = await fetch(published.url + '/api/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'secretariat', password: secretariatPassword }),
      })
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
      const cookies = res.headers.getSetCookie()
      expect(cookies.length).toBe(2)
      for (const cookie of cookies) expect(cookie).toMatch(/; Secure/)
    } finally {
      await published.close()
    }
  })

  it('lets a route opt in to being framed by listed origins (the projection view)', async () => {
    const app = express()
    app.use(securityHeaders({ https: false }))
    app.get('/projection', allowFraming(['https://screen.example.org']), (_req, res) => void res.send('ok'))
    app.get('/other', (_req, res) => void res.send('ok'))
    const server = createServer(app).listen(0, '127.0.0.1')
    await new Promise((r) => server.once('listening', r))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const framed = await fetch(base + '/projection')
      expect(framed.headers.get('content-security-policy')).toContain('frame-ancestors https://screen.example.org')
      expect(framed.headers.get('x-frame-options')).toBeNull()
      expect((await fetch(base + '/other')).headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    } finally {
      server.close()
    }
  })
})
