/**
 * The REST API against a real server: login and tokens, accounts, documents, revisions,
 * and errors as `{ error, details }` naming the offending field.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDocumentTemplate } from '../../server/templates/read-template.ts'
import {
  callApi,
  connectProvider,
  login,
  repoRoot,
  secretariatPassword,
  startTestServer,
  testServerSuite,
} from './server-fixture.ts'
import { readScenario } from '../../shared/model/scenario.ts'
import { writeSharedScenario } from '../../shared/document/model-state.ts'

const t = testServerSuite()

const template = () => readDocumentTemplate().text

describe('login and tokens', () => {
  it('returns a token in JSON and as an HttpOnly cookie, accepted by Bearer and by cookie', async () => {
    const res = await t.api('POST', '/api/login', undefined, { username: 'secretariat', password: secretariatPassword })
    expect(res.status).toBe(200)
    expect(res.body.account).toMatchObject({ username: 'secretariat', role: 'secretariat' })
    const cookie = res.headers.get('set-cookie')!
    expect(cookie).toMatch(/accord_token=[^;]+;.*HttpOnly/i)
    expect((await t.api('GET', '/api/me', res.body.token)).body.username).toBe('secretariat')
    const viaCookie = await fetch(t.url + '/api/me', { headers: { cookie: cookie.split(';')[0]! } })
    expect(viaCookie.status).toBe(200)
  })

  it('answers 401 without a token, with a bad token, after logout and after expiry', async () => {
    expect((await t.api('GET', '/api/documents')).status).toBe(401)
    const bad = await t.api('GET', '/api/documents', 'nonsense')
    expect(bad.status).toBe(401)
    expect(bad.body.details[0].field).toBe('token')
    const token = await login(t.url, 'secretariat', secretariatPassword)
    expect((await t.api('POST', '/api/logout', token)).status).toBe(204)
    expect((await t.api('GET', '/api/me', token)).status).toBe(401)

    const short = await startTestServer({ tokenTtlMs: 300 })
    try {
      const expiring = short.secretariatToken
      expect((await short.api('GET', '/api/me', expiring)).status).toBe(200)
      await new Promise((r) => setTimeout(r, 400))
      expect((await short.api('GET', '/api/me', expiring)).status).toBe(401)
    } finally {
      await short.close()
    }
  })

  it('refuses a wrong password with 401 and throttles repeated attempts with 429', async () => {
    const wrong = await t.api('POST', '/api/login', undefined, { username: 'secretariat', password: 'wrong' })
    expect(wrong.status).toBe(401)
    const limited = await startTestServer({
      limits: { ...t.server.services.options.limits, loginFreeFailures: 2 },
    })
    try {
      const statuses: number[] = []
      for (let i = 0; i < 5; i++)
        statuses.push(
          (await limited.api('POST', '/api/login', undefined, { username: 'secretariat', password: 'x' })).status,
        )
      // Two failures are free; the third try comes before its one-second wait is over.
      expect(statuses).toEqual([401, 401, 429, 429, 429])
    } finally {
      await limited.close()
    }
  })

  it('names the offending field in validation errors', async () => {
    const res = await t.api('POST', '/api/login', undefined, { username: 'secretariat' })
    expect(res.status).toBe(400)
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['body.password'])
    const malformed = await fetch(t.url + '/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"user',
    })
    expect(malformed.status).toBe(400)
    expect((await malformed.json()).details[0].field).toBe('body')
  })
})

describe('accounts', () => {
  /** Asks the server to create an account (as the secretariat unless `token` says otherwise). */
  const createAccount = (body: Record<string, string>, token = t.secretariatToken) =>
    t.api('POST', '/api/accounts', token, { password: 'long-enough-pw', ...body })

  it('lets only the secretariat create accounts; a delegation must name its Party', async () => {
    const noParty = await createAccount({ username: 'tuvalu', role: 'delegation' })
    expect(noParty.status).toBe(400)
    expect(noParty.body.details[0].field).toBe('body.party')
    const badRole = await createAccount({ username: 'x1', role: 'king' })
    expect(badRole.body.details[0].field).toBe('body.role')
    const created = await createAccount({ username: 'tuvalu', role: 'delegation', party: 'Tuvalu' })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ username: 'tuvalu', role: 'delegation', party: 'Tuvalu' })
    expect(created.body.password_hash).toBeUndefined()
    const again = await createAccount({ username: 'tuvalu', role: 'observer' })
    expect(again.status).toBe(409)
    const delegation = await login(t.url, 'tuvalu', 'long-enough-pw')
    const forbidden = await createAccount({ username: 'x2', role: 'observer' }, delegation)
    expect(forbidden.status).toBe(403)
  })

  it('binds a delegation to a Party of the party table, stored as the table names it', async () => {
    const atlantis = await createAccount({ username: 'atlantis', role: 'delegation', party: 'Atlantis' })
    expect(atlantis.status).toBe(422)
    expect(atlantis.body.details).toEqual([
      { field: 'body.party', message: '"Atlantis" is not a Party to the Convention in the party table' },
    ])
    const near = await createAccount({ username: 'aus', role: 'delegation', party: 'Austrai' })
    expect(near.body.details[0].message).toMatch(/did you mean Australia, Austria\?/)
    // Non-Annex I Parties are Parties like any other; other spellings find the table's name.
    for (const [username, party, stored] of [
      ['china', 'China', 'China'],
      ['korea', 'South Korea', 'Republic of Korea'],
      ['czechia', 'Czechia', 'Czech Republic'],
    ]) {
      const res = await createAccount({ username, role: 'delegation', party })
      expect(res.status, party).toBe(201)
      expect(res.body.party).toBe(stored)
    }
    expect(
      (await t.api('GET', '/api/accounts', t.secretariatToken)).body.map((a: { party: string }) => a.party),
    ).not.toContain('Atlantis')
  })
})

describe('documents', () => {
  it('lists the template imported on first start and exports it as the same text', async () => {
    const list = await t.api('GET', '/api/documents', t.secretariatToken)
    expect(list.status).toBe(200)
    expect(list.body).toEqual([expect.objectContaining({ id: 'non-paper', title: expect.any(String) })])
    const text = await fetch(t.url + '/api/documents/non-paper/text', {
      headers: { authorization: `Bearer ${t.secretariatToken}` },
    })
    expect(text.headers.get('content-type')).toMatch(/text\/plain/)
    expect(await text.text()).toBe(template())
  })

  it("gives a summary with counts, what remains open, and the model's numbers as decisions arrive", async () => {
    const observer = await t.account('observer')
    const res = await t.api('GET', '/api/documents/non-paper', observer)
    expect(res.status).toBe(200)
    const summary = res.body.summary
    expect(summary).toMatchObject({
      options: 22,
      bracketGroups: 19,
      optionalBrackets: 31,
      remaining: { brackets: 50, options: 22 },
    })
    expect(summary.diagnostics).toHaveLength(2)
    expect(summary.computation.results.years).toBeNull()
    // A co-chair enters the Doha decisions over a real socket; the summary follows.
    const chair = await connectProvider(t.syncUrl, 'non-paper', await t.account('co-chair'))
    writeSharedScenario(
      chair.doc,
      readScenario(JSON.parse(readFileSync(path.join(repoRoot, 'templates/non-paper/doha.json'), 'utf8'))),
    )
    let after: any
    for (let i = 0; i < 50; i++) {
      after = (await t.api('GET', '/api/documents/non-paper', observer)).body.summary
      if (after.computation.results.years === 8) break
      await new Promise((r) => setTimeout(r, 50))
    }
    expect(after.computation.results.years).toBe(8)
    expect(after.computation.results.aggregate.reductionPct).toBeGreaterThanOrEqual(18)
    expect(after.remaining.options).toBeLessThan(22)
    chair.provider.destroy()
    expect(res.body.storage.rows).toBeGreaterThanOrEqual(1)
    const missing = await t.api('GET', '/api/documents/nope', t.secretariatToken)
    expect(missing.status).toBe(404)
    expect(missing.body.details[0].field).toBe('params.id')
  })

  it('creates documents from a template, from JSON text and from a plain-text upload', async () => {
    const fromTemplate = await t.api('POST', '/api/documents', t.secretariatToken, {
      title: 'Non-paper copy',
      template: 'non-paper',
    })
    expect(fromTemplate.status).toBe(201)
    expect(fromTemplate.body.document.id).toBe('non-paper-copy')
    expect(Array.isArray(fromTemplate.body.diagnostics)).toBe(true)

    const text = 'ARTICLE 1: AMENDMENT\n\nThe Parties shall reduce emissions by [X][25] per cent [below 1990 levels].\n'
    const fromJson = await t.api('POST', '/api/documents', t.secretariatToken, { id: 'small', title: 'Small', text })
    expect(fromJson.status).toBe(201)
    const exported = await fetch(t.url + '/api/documents/small/text', {
      headers: { authorization: `Bearer ${t.secretariatToken}` },
    })
    expect(await exported.text()).toBe(text)

    const upload = await t.api(
      'POST',
      '/api/documents?title=Unbalanced',
      t.secretariatToken,
      'Text with a stray closer satisfied]].\n',
    )
    expect(upload.status).toBe(201)
    expect(upload.body.document.id).toBe('unbalanced')
    expect(upload.body.diagnostics.length).toBeGreaterThan(0)
    expect(upload.body.diagnostics[0]).toMatchObject({ line: 1, message: expect.any(String) })

    const both = await t.api('POST', '/api/documents', t.secretariatToken, {
      title: 'x',
      text: 'a',
      template: 'non-paper',
    })
    expect(both.status).toBe(400)
    expect(both.body.details[0].field).toBe('body.text')
    const noTitle = await t.api('POST', '/api/documents?id=x', t.secretariatToken, 'text')
    expect(noTitle.body.details[0].field).toBe('query.title')
    const taken = await t.api('POST', '/api/documents', t.secretariatToken, { id: 'small', title: 'Again', text })
    expect(taken.status).toBe(409)
    expect(taken.body.details[0].field).toBe('body.id')
    const asCoChair = await t.api('POST', '/api/documents', await t.account('co-chair'), { title: 'Mine', text })
    expect(asCoChair.status).toBe(403)
  })

  it('snapshots named revisions, lists them and returns their text', async () => {
    const cochair = await t.account('co-chair')
    const created = await t.api('POST', '/api/documents/non-paper/revisions', cochair, { name: 'Rev.1' })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ name: 'Rev.1', createdBy: expect.stringMatching(/^co-chair/) })
    expect((await t.api('POST', '/api/documents/non-paper/revisions', cochair, { name: 'Rev.1' })).status).toBe(409)
    const bad = await t.api('POST', '/api/documents/non-paper/revisions', cochair, { name: '' })
    expect(bad.body.details[0].field).toBe('body.name')
    const observer = await t.account('observer')
    expect((await t.api('POST', '/api/documents/non-paper/revisions', observer, { name: 'Rev.2' })).status).toBe(403)
    const list = await t.api('GET', '/api/documents/non-paper/revisions', observer)
    // Rev.0 is the text as tabled, recorded when the document was imported.
    expect(list.body.map((r: { name: string }) => r.name)).toEqual(['Rev.0', 'Rev.1'])
    const rev = await t.api('GET', '/api/documents/non-paper/revisions/Rev.1', observer)
    expect(rev.status).toBe(200)
    expect(rev.body.text).toBe(template())
    expect((await t.api('GET', '/api/documents/non-paper/revisions/Rev.9', observer)).body.details[0].field).toBe(
      'params.name',
    )
  })

  it('answers unknown API routes with { error, details } and serves a page at /', async () => {
    const res = await callApi(t.url, 'GET', '/api/nothing-here', t.secretariatToken)
    expect(res.status).toBe(404)
    expect(res.body).toMatchObject({ error: expect.any(String), details: [{ field: 'path' }] })
    const page = await fetch(t.url + '/')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Accord')
  })
})
