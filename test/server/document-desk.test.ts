/**
 * The secretariat's documents over the API of a real server: a preview that stores
 * nothing and shows what creating would store, creation that insists on the file
 * previewed and records Rev.0 "as tabled", uploads refused whole (white space, binary),
 * rename, archive (hidden, closed to sync and exports, sockets closed with 4404, kept,
 * restorable), deletion of a document nobody edited (and refusal of one with a
 * history), and the UN header kept per document. Every route refuses other roles.
 */
import { describe, expect, it } from 'vitest'
import { CLOSE } from '../../shared/document/protocol.ts'
import { connectProvider, eventually, RawClient, testServerSuite } from './server-fixture.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { unHeader } from '../export/un-header.ts'

const t = testServerSuite()

const TEXT =
  'ARTICLE 1: AMENDMENT\n\nThe Parties shall reduce emissions by [X][25] per cent [below 1990 levels] [by 2020].\n'

const upload = (route: string, body: BodyInit, type: string, token = t.secretariatToken) =>
  fetch(t.url + route, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body })

describe('previewing and creating a document', () => {
  it('previews counts, diagnostics with line and column and the guesses, storing nothing', async () => {
    const before = (await t.api('GET', '/api/documents', t.secretariatToken)).body.length
    const res = await upload('/api/documents/preview?title=Draft%20A', TEXT + 'satisfied]].\n', 'text/plain')
    expect(res.status).toBe(200)
    const preview = await res.json()
    expect(preview).toMatchObject({ id: 'draft-a', title: 'Draft A', import: { kind: 'text' }, lines: 5 })
    expect(preview.summary).toMatchObject({ articles: 1, bracketGroups: 1, optionalBrackets: 2 })
    expect(preview.diagnostics[0]).toMatchObject({ line: 4, column: expect.any(Number), message: expect.any(String) })
    // "[below 1990 levels] [by 2020]": two brackets a space apart, read as independent — a guess.
    const line3 = TEXT.split('\n')[2]
    expect(preview.guesses).toEqual([
      expect.objectContaining({
        kind: 'bracketGroup',
        line: 3,
        column: line3.indexOf('[below') + 1,
        text: '[below 1990 levels]',
      }),
      expect.objectContaining({ kind: 'bracketGroup', line: 3, column: line3.indexOf('[by') + 1, text: '[by 2020]' }),
    ])
    expect(preview.digest).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect((await t.api('GET', '/api/documents', t.secretariatToken)).body.length).toBe(before)
    expect((await t.api('GET', '/api/documents/draft-a', t.secretariatToken)).status).toBe(404)
  })

  it('creates only the file previewed, with Rev.0 "as tabled" holding what was tabled', async () => {
    const preview = await (await upload('/api/documents/preview?title=Draft%20B', TEXT, 'text/plain')).json()
    const other = await upload(`/api/documents?title=Draft%20B&digest=${preview.digest}`, TEXT + 'more\n', 'text/plain')
    expect(other.status).toBe(409)
    expect((await other.json()).details[0].field).toBe('query.digest')
    expect((await t.api('GET', '/api/documents/draft-b', t.secretariatToken)).status).toBe(404)

    const created = await upload(`/api/documents?title=Draft%20B&digest=${preview.digest}`, TEXT, 'text/plain')
    expect(created.status).toBe(201)
    expect((await created.json()).document.id).toBe('draft-b')
    const revisions = (await t.api('GET', '/api/documents/draft-b/revisions', t.secretariatToken)).body
    expect(revisions).toEqual([
      expect.objectContaining({ name: 'Rev.0', description: 'as tabled', restoredFrom: null }),
    ])
    const rev0 = await t.api('GET', '/api/documents/draft-b/revisions/Rev.0', t.secretariatToken)
    expect(rev0.body.text).toBe(TEXT)
    // The next revision a co-chair makes is Rev.1.
    const chair = await t.account('co-chair')
    expect((await t.api('POST', '/api/documents/draft-b/revisions', chair, {})).body.name).toBe('Rev.1')
  })

  it('refuses empty and white-space texts, and binary, whole: nothing is stored', async () => {
    const count = () => t.api('GET', '/api/documents', t.secretariatToken).then((r) => r.body.length as number)
    const before = await count()
    const json = await t.api('POST', '/api/documents', t.secretariatToken, { title: 'Blank', text: ' \n\t \n' })
    expect(json.status).toBe(400)
    expect(json.body.details).toEqual([
      { field: 'body.text', message: 'the text holds only white space: give the negotiation text itself' },
    ])
    const plain = await upload('/api/documents?title=Blank', '   \n\n  ', 'text/plain')
    expect(plain.status).toBe(400)
    expect((await plain.json()).details[0].message).toMatch(/holds no text \(only white space\)/)
    const preview = await upload('/api/documents/preview?title=Blank', '   \n', 'text/plain')
    expect(preview.status).toBe(400)
    const binary = await upload(
      '/api/documents?title=Png',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'application/octet-stream',
    )
    expect(binary.status).toBe(415)
    expect(await count()).toBe(before)
  })

  it('lets only the secretariat preview, create, rename, archive, delete and set headers', async () => {
    const chair = await t.account('co-chair')
    const delegation = await t.account('delegation', 'Tuvalu')
    for (const token of [chair, delegation]) {
      expect((await upload('/api/documents/preview?title=x', TEXT, 'text/plain', token)).status).toBe(403)
      expect((await t.api('PATCH', '/api/documents/non-paper', token, { title: 'Mine' })).status).toBe(403)
      expect((await t.api('POST', '/api/documents/non-paper/archive', token)).status).toBe(403)
      expect((await t.api('DELETE', '/api/documents/non-paper', token)).status).toBe(403)
      expect((await t.api('PUT', '/api/documents/non-paper/header', token, {})).status).toBe(403)
      expect((await t.api('GET', '/api/documents?archived=true', token)).status).toBe(403)
    }
    expect((await t.api('GET', '/api/documents/non-paper/header', delegation)).status).toBe(200)
  })
})

describe('renaming, archiving and deleting', () => {
  it('renames a document; the new title is listed', async () => {
    await t.api('POST', '/api/documents', t.secretariatToken, { id: 'rename-me', title: 'Old', text: TEXT })
    const renamed = await t.api('PATCH', '/api/documents/rename-me', t.secretariatToken, { title: '  New title ' })
    expect(renamed.body).toMatchObject({ id: 'rename-me', title: 'New title' })
    const listed = (await t.api('GET', '/api/documents', t.secretariatToken)).body
    expect(listed.find((d: { id: string }) => d.id === 'rename-me').title).toBe('New title')
    const blank = await t.api('PATCH', '/api/documents/rename-me', t.secretariatToken, { title: ' ' })
    expect(blank.status).toBe(400)
    expect(blank.body.details[0].field).toBe('body.title')
  })

  it('archives: hidden, closed to sync and exports, open sockets closed with 4404; restored whole', async () => {
    await t.api('POST', '/api/documents', t.secretariatToken, { id: 'to-archive', title: 'Archive me', text: TEXT })
    const chair = await t.account('co-chair')
    const editor = await connectProvider(t.syncUrl, 'to-archive', chair)
    textRoom(editor.doc).resolutions.set('g1', 'g1.2')
    const raw = await RawClient.connect(t.syncUrl, 'to-archive', chair)
    await eventually(() => textRoom(raw.doc).resolutions.get('g1') === 'g1.2', 5000, 'the resolution stored')

    const archived = await t.api('POST', '/api/documents/to-archive/archive', t.secretariatToken)
    expect(archived.status).toBe(200)
    expect(archived.body.archivedAt).toEqual(expect.any(Number))
    await eventually(() => raw.closed !== undefined, 5000, 'the socket closed')
    expect(raw.closed).toEqual({ code: CLOSE.noSuchDocument, reason: 'document archived' })
    // y-websocket treats 4404 as permanent: the provider stops reconnecting.
    await eventually(
      () => !editor.provider.wsconnected && !editor.provider.shouldConnect,
      5000,
      'the provider giving up',
    )
    const ids = (await t.api('GET', '/api/documents', chair)).body.map((d: { id: string }) => d.id)
    expect(ids).not.toContain('to-archive')
    expect((await t.api('GET', '/api/documents/to-archive', chair)).status).toBe(404)
    expect((await t.api('GET', '/api/documents/to-archive/export?format=txt', chair)).status).toBe(404)
    await expect(RawClient.connect(t.syncUrl, 'to-archive', chair)).rejects.toThrow('upgrade refused: 404')
    const archive = (await t.api('GET', '/api/documents?archived=true', t.secretariatToken)).body
    expect(archive.map((d: { id: string }) => d.id)).toContain('to-archive')
    // Its id stays taken: a new document cannot take an archived one's place.
    const again = await t.api('POST', '/api/documents', t.secretariatToken, {
      id: 'to-archive',
      title: 'x',
      text: TEXT,
    })
    expect(again.status).toBe(409)
    expect(again.body.details[0].message).toBe('a document "to-archive" already exists (archived)')

    const restored = await t.api('POST', '/api/documents/to-archive/unarchive', t.secretariatToken)
    expect(restored.body.archivedAt).toBeNull()
    const back = await connectProvider(t.syncUrl, 'to-archive', chair)
    expect(textRoom(back.doc).resolutions.get('g1')).toBe('g1.2')
    back.provider.destroy()
    editor.provider.destroy()
  })

  it('deletes a document nobody edited, and refuses to delete one with a history', async () => {
    await t.api('POST', '/api/documents', t.secretariatToken, { id: 'untouched', title: 'Untouched', text: TEXT })
    // Reading it, even over sync, is not editing it.
    const reader = await RawClient.connect(t.syncUrl, 'untouched', await t.account('observer'))
    const deleted = await t.api('DELETE', '/api/documents/untouched', t.secretariatToken)
    expect(deleted.status).toBe(204)
    await eventually(() => reader.closed !== undefined, 5000, 'the reader closed')
    expect(reader.closed!.code).toBe(CLOSE.noSuchDocument)
    expect((await t.api('GET', '/api/documents/untouched', t.secretariatToken)).status).toBe(404)
    expect((await t.api('GET', '/api/documents?archived=true', t.secretariatToken)).body).not.toContainEqual(
      expect.objectContaining({ id: 'untouched' }),
    )
    // The id is free again, and the new document starts from its own text alone.
    await t.api('POST', '/api/documents', t.secretariatToken, { id: 'untouched', title: 'Again', text: 'Other.\n' })
    expect(
      await (
        await fetch(`${t.url}/api/documents/untouched/text`, {
          headers: { authorization: `Bearer ${t.secretariatToken}` },
        })
      ).text(),
    ).toBe('Other.\n')

    await t.api('POST', '/api/documents', t.secretariatToken, { id: 'decided', title: 'Decided', text: TEXT })
    const chair = await connectProvider(t.syncUrl, 'decided', await t.account('co-chair'))
    textRoom(chair.doc).resolutions.set('g1', 'g1.1')
    const probe = await RawClient.connect(t.syncUrl, 'decided', t.secretariatToken)
    await eventually(() => textRoom(probe.doc).resolutions.size === 1, 5000, 'the decision stored')
    const refused = await t.api('DELETE', '/api/documents/decided', t.secretariatToken)
    expect(refused.status).toBe(409)
    expect(refused.body.details[0].message).toBe(
      'its text has been edited or decided on; archive it instead (archived documents are kept and can be restored)',
    )
    expect(probe.closed).toBeUndefined()
    const withRevision = await t.api('DELETE', '/api/documents/draft-b', t.secretariatToken)
    expect(withRevision.body.details[0].message).toMatch(/^revisions were made after Rev\.0 \(Rev\.1\)/)
    chair.provider.destroy()
    probe.close()
  })
})

describe('the UN document header', () => {
  it('is kept per document, validated field by field', async () => {
    expect((await t.api('GET', '/api/documents/non-paper/header', t.secretariatToken)).body).toMatchObject({
      symbol: '',
      distribution: 'LIMITED',
    })
    const header = unHeader
    expect((await t.api('PUT', '/api/documents/non-paper/header', t.secretariatToken, header)).body).toEqual(header)
    expect((await t.api('GET', '/api/documents/non-paper', t.secretariatToken)).body.header).toEqual(header)
    const bad = await t.api('PUT', '/api/documents/non-paper/header', t.secretariatToken, {
      ...header,
      distribution: 'SECRET',
      date: '2009-02-30',
      symbol: 'not a symbol',
    })
    expect(bad.status).toBe(400)
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'body.date',
      'body.distribution',
      'body.symbol',
    ])
    expect((await t.api('GET', '/api/documents/non-paper/header', t.secretariatToken)).body).toEqual(header)
  })
})
