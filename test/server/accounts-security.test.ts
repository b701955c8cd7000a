/**
 * Accounts that hold: weak passwords and look-alike names refused, the bootstrap password
 * held to the same policy, scrypt at OWASP's cost; login throttling that slows a guesser
 * without locking out the right password for anyone else; the secretariat's account
 * management (list with last login and failed logins, disable and re-enable, password
 * reset shown once) and the audit trail of it all, as JSON and CSV.
 */
import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import {
  accountPassword,
  login,
  RawClient,
  secretariatPassword,
  startTestServer,
  testServerSuite,
} from './server-fixture.ts'
import { startServer } from '../../server/app.ts'
import { hashPassword, needsRehash, owaspScryptCost } from '../../server/auth/passwords.ts'
import { optionsFromEnv } from '../../server/config.ts'
import { tempDir } from './server-fixture.ts'
import { textRoom } from '../../shared/document/text-room.ts'

const t = testServerSuite()

/** POST /api/login from the local address `from` (127.0.0.x), with an optional cookie header. */
function loginFrom(
  url: string,
  from: string,
  username: string,
  password: string,
  cookie?: string,
): Promise<{ status: number; retryAfter?: string; cookies: string[] }> {
  const { hostname, port } = new URL(url)
  const body = JSON.stringify({ username, password })
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port,
        localAddress: from,
        method: 'POST',
        path: '/api/login',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      },
      (res) => {
        res.resume()
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'],
            cookies: res.headers['set-cookie'] ?? [],
          }),
        )
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** The `accord_device=…` pair a login answer set. */
function deviceCookieOf(answer: { cookies: string[] }): string {
  const device = answer.cookies.map((c) => c.split(';')[0]!).find((c) => c.startsWith('accord_device='))
  expect(device).toBeDefined()
  return device!
}

const create = (username: string, password: string, role = 'observer') =>
  t.api('POST', '/api/accounts', t.secretariatToken, { username, password, role })

describe('passwords and names', () => {
  it('refuses short, common, repetitive and derived passwords, naming the field and why', async () => {
    for (const weak of [
      'aaaaaaaaaa',
      '1234567890',
      'password12',
      '          ',
      'aaaaaaaaaaaa',
      '123456789012',
      'password1234',
      'qwertyuiop12',
      'observer-kim-2024',
      'Accord-UNFCCC-2012!',
    ]) {
      const res = await create('observer-kim', weak)
      expect(res.status, weak).toBe(400)
      expect(res.body.details[0].field).toBe('body.password')
      expect(res.body.details[0].message.length).toBeGreaterThan(10)
    }
    expect((await create('observer-kim', 'violet kestrel under harbour')).status).toBe(201)
  })

  it('treats usernames alike after case folding and NFKC: Secretariat and a full-width one are refused', async () => {
    for (const name of [
      'Secretariat',
      'SECRETARIAT',
      '\uff53\uff45\uff43\uff52\uff45\uff54\uff41\uff52\uff49\uff41\uff54',
    ]) {
      const res = await create(name, 'violet kestrel under harbour')
      expect(res.status, name).toBe(409)
    }
    expect(
      (await t.api('POST', '/api/login', undefined, { username: 'SECRETARIAT', password: secretariatPassword })).status,
    ).toBe(200)
  })

  it('refuses to start with a weak bootstrap password', async () => {
    const temp = tempDir()
    try {
      const options = { ...optionsFromEnv({}), port: 0, host: '127.0.0.1', dataDir: temp.dir, log: () => {} }
      await expect(startServer({ ...options, secretariatPassword: 'password1234' })).rejects.toThrow(
        /ACCORD_SECRETARIAT_PASSWORD is refused/,
      )
    } finally {
      temp.cleanup()
    }
  })

  it('hashes at OWASP’s scrypt cost by default and marks weaker hashes to be rehashed at the next login', async () => {
    expect(optionsFromEnv({}).passwordCost).toEqual({ N: 2 ** 17, r: 8, p: 1 })
    expect(await hashPassword('violet kestrel under harbour')).toMatch(/^scrypt\$131072\$8\$1\$/)
    expect(needsRehash(await hashPassword('x', { N: 1024, r: 8, p: 1 }), owaspScryptCost)).toBe(true)
    expect(needsRehash(await hashPassword('x', { N: 1024, r: 8, p: 1 }), { N: 1024, r: 8, p: 1 })).toBe(false)
  })
})

describe('login throttling', () => {
  it('slows a guesser with growing waits, and never stops the right password from another address', async () => {
    const s = await startTestServer({ limits: { ...t.server.services.options.limits, loginFreeFailures: 3 } })
    try {
      const statuses: number[] = []
      for (let i = 0; i < 6; i++)
        statuses.push((await loginFrom(s.url, '127.0.0.2', 'secretariat', 'wrong guess')).status)
      expect(statuses).toEqual([401, 401, 401, 429, 429, 429])
      const retry = await loginFrom(s.url, '127.0.0.2', 'secretariat', 'wrong guess')
      expect(Number(retry.retryAfter)).toBeGreaterThanOrEqual(1)
      // Even the right password waits out the backoff from the guesser's address…
      expect((await loginFrom(s.url, '127.0.0.2', 'secretariat', secretariatPassword)).status).toBe(429)
      // …but the secretariat elsewhere logs in at once.
      expect((await loginFrom(s.url, '127.0.0.1', 'secretariat', secretariatPassword)).status).toBe(200)
    } finally {
      await s.close()
    }
  })

  it('stops a password spray at its address ceiling; the secretariat from elsewhere, or with its device cookie from the same address, still logs in', async () => {
    const s = await startTestServer({ limits: { ...t.server.services.options.limits, loginAddressFailures: 30 } })
    try {
      // The secretariat logged in from the hall yesterday: its browser has a device cookie.
      const earlier = await loginFrom(s.url, '127.0.0.3', 'secretariat', secretariatPassword)
      const device = deviceCookieOf(earlier)
      const statuses: number[] = []
      for (let i = 0; i < 40; i++)
        statuses.push((await loginFrom(s.url, '127.0.0.3', `user${i}`, 'spray-password-1')).status)
      expect(statuses.slice(0, 30).every((x) => x === 401)).toBe(true)
      expect(statuses.slice(30).every((x) => x === 429)).toBe(true)
      expect((await loginFrom(s.url, '127.0.0.3', 'secretariat', secretariatPassword)).status).toBe(429)
      expect((await loginFrom(s.url, '127.0.0.3', 'secretariat', secretariatPassword, device)).status).toBe(200)
      expect((await loginFrom(s.url, '127.0.0.1', 'secretariat', secretariatPassword)).status).toBe(200)
    } finally {
      await s.close()
    }
  })
  it('honours a device cookie after a restart: its key is kept in the store', async () => {
    const temp = tempDir()
    const limits = { ...t.server.services.options.limits, loginAddressFailures: 3 }
    try {
      const before = await startTestServer({ dataDir: temp.dir, limits })
      const device = deviceCookieOf(await loginFrom(before.url, '127.0.0.4', 'secretariat', secretariatPassword))
      await before.close()
      const after = await startTestServer({ dataDir: temp.dir, limits })
      try {
        for (let i = 0; i < 3; i++)
          expect((await loginFrom(after.url, '127.0.0.4', `user${i}`, 'spray-password-1')).status).toBe(401)
        expect((await loginFrom(after.url, '127.0.0.4', 'secretariat', secretariatPassword)).status).toBe(429)
        expect((await loginFrom(after.url, '127.0.0.4', 'secretariat', secretariatPassword, device)).status).toBe(200)
      } finally {
        await after.close()
      }
    } finally {
      temp.cleanup()
    }
  })
})

describe('account management and the audit trail', () => {
  it('lists accounts with role, Party, last login and failed logins', async () => {
    await create('observer-lee', 'violet kestrel under harbour')
    for (let i = 0; i < 2; i++)
      await t.api('POST', '/api/login', undefined, { username: 'observer-lee', password: 'nope' })
    const list = await t.api('GET', '/api/accounts', t.secretariatToken)
    const lee = list.body.find((a: { username: string }) => a.username === 'observer-lee')
    expect(lee).toMatchObject({ role: 'observer', party: null, lastLoginAt: null, disabledAt: null })
    expect(lee.failedLogins).toEqual({ sinceLastLogin: 2, lastDay: 2 })
    await login(t.url, 'observer-lee', 'violet kestrel under harbour')
    const after = (await t.api('GET', '/api/accounts', t.secretariatToken)).body.find(
      (a: { username: string }) => a.username === 'observer-lee',
    )
    expect(after.lastLoginAt).toBeGreaterThan(0)
    expect(after.failedLogins).toEqual({ sinceLastLogin: 0, lastDay: 2 })
    const observer = await t.account('observer')
    expect((await t.api('GET', '/api/accounts', observer)).status).toBe(403)
  })

  it('disables and re-enables an account; resets a password shown once; refuses to disable oneself', async () => {
    const token = await t.account('delegation', 'Tuvalu')
    const me = (await t.api('GET', '/api/me', token)).body
    expect((await t.api('POST', `/api/accounts/${me.id}/disable`, t.secretariatToken)).body.disabledAt).toBeGreaterThan(
      0,
    )
    const refused = await t.api('POST', '/api/login', undefined, { username: me.username, password: accountPassword })
    expect(refused.status).toBe(403)
    expect((await t.api('POST', `/api/accounts/${me.id}/enable`, t.secretariatToken)).body.disabledAt).toBeNull()
    await login(t.url, me.username, accountPassword)
    const reset = await t.api('POST', `/api/accounts/${me.id}/password`, t.secretariatToken)
    expect(reset.status).toBe(200)
    expect(reset.body.password).toMatch(/^\S{20,}$/)
    expect(JSON.stringify((await t.api('GET', '/api/accounts', t.secretariatToken)).body)).not.toContain(
      reset.body.password,
    )
    expect(
      (await t.api('POST', '/api/login', undefined, { username: me.username, password: accountPassword })).status,
    ).toBe(401)
    await login(t.url, me.username, reset.body.password)
    const trail = (await t.api('GET', `/api/audit?account=${me.id}`, t.secretariatToken)).body as { kind: string }[]
    expect(trail.map((e) => e.kind).filter((k) => k.startsWith('account-') || k === 'password-reset')).toEqual([
      'password-reset',
      'account-enabled',
      'account-disabled',
      'account-created',
    ])
    const own = (await t.api('GET', '/api/me', t.secretariatToken)).body.id
    expect((await t.api('POST', `/api/accounts/${own}/disable`, t.secretariatToken)).status).toBe(409)
    expect((await t.api('POST', '/api/accounts/99999/disable', t.secretariatToken)).status).toBe(404)
  })

  it('changes a role: a delegation names a Party of the party table, an unknown Party changes nothing', async () => {
    const token = await t.account('observer')
    const me = (await t.api('GET', '/api/me', token)).body
    const change = (body: object) => t.api('PATCH', `/api/accounts/${me.id}`, t.secretariatToken, body)
    const atlantis = await change({ role: 'delegation', party: 'Atlantis' })
    expect(atlantis.status).toBe(422)
    expect(atlantis.body.details[0]).toMatchObject({ field: 'body.party', message: expect.stringMatching(/Atlantis/) })
    expect((await change({ role: 'delegation' })).status).toBe(400)
    expect((await change({ role: 'co-chair', party: 'Tuvalu' })).status).toBe(400)
    const unchanged = (await t.api('GET', '/api/accounts', t.secretariatToken)).body.find(
      (a: { id: number }) => a.id === me.id,
    )
    expect(unchanged).toMatchObject({ role: 'observer', party: null })
    // The refused changes left the session alone; the accepted one ends it.
    expect((await t.api('GET', '/api/me', token)).status).toBe(200)
    const korea = await change({ role: 'delegation', party: 'South Korea' })
    expect(korea.status).toBe(200)
    expect(korea.body).toMatchObject({ role: 'delegation', party: 'Republic of Korea' })
    expect((await t.api('GET', '/api/me', token)).status).toBe(401)
    const trail = (await t.api('GET', `/api/audit?account=${me.id}&kind=role-changed`, t.secretariatToken)).body
    expect(trail).toEqual([
      expect.objectContaining({
        actor: 'secretariat',
        detail: { from: 'observer', to: 'delegation', party: 'Republic of Korea' },
      }),
    ])
  })

  it('keeps logins, failures, logouts, account changes and refused writes in the trail, exported as CSV', async () => {
    const token = await t.account('observer')
    const me = (await t.api('GET', '/api/me', token)).body
    await t.api('POST', '/api/login', undefined, { username: me.username, password: 'wrong' })
    await t.api('POST', '/api/login', undefined, { username: '=HYPERLINK("http://evil")', password: 'wrong' })
    // An observer's write is refused by the server and recorded against the account.
    const writer = await RawClient.connect(t.syncUrl, 'non-paper', token)
    textRoom(writer.doc).resolutions.set('g39', 'g39.2')
    const deadline = Date.now() + 5000
    while (writer.refusalCodes.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    writer.close()
    await t.api('POST', `/api/accounts/${me.id}/disable`, t.secretariatToken)
    await t.api('POST', '/api/logout', await t.account('observer'))
    const trail = (await t.api('GET', `/api/audit?account=${me.id}`, t.secretariatToken)).body as { kind: string }[]
    expect(trail.map((e) => e.kind).reverse()).toEqual([
      'account-created',
      'login',
      'login-failed',
      'write-refused',
      'account-disabled',
    ])
    const kinds = new Set(
      ((await t.api('GET', '/api/audit?limit=1000', t.secretariatToken)).body as { kind: string }[]).map((e) => e.kind),
    )
    for (const kind of ['login', 'login-failed', 'logout', 'account-created', 'account-disabled', 'write-refused'])
      expect(kinds.has(kind), kind).toBe(true)
    const csv = await fetch(`${t.url}/api/audit.csv?limit=1000`, {
      headers: { authorization: `Bearer ${t.secretariatToken}` },
    })
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/)
    const text = await csv.text()
    expect(text.split('\r\n')[0]).toBe('id,time,kind,account_id,username,address,by,detail')
    expect(text).toContain(`write-refused,${me.id},${me.username}`)
    // A username typed at the login form cannot become a spreadsheet formula.
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`)
    expect((await t.api('GET', '/api/audit', token)).status).toBe(401)
  })
})
