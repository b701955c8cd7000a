// Exports through the API, from the live document: consolidated under the decisions a
// co-chair has made over a real socket, or as negotiated; errors name the field.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readScenario } from '../../shared/model/scenario.ts'
import { writeSharedScenario } from '../../shared/document/model-state.ts'
import { connectProvider, repoRoot, testServerSuite } from './server-fixture.ts'

const t = testServerSuite()

const get = (route: string, token?: string) =>
  fetch(t.url + route, { headers: token ? { authorization: `Bearer ${token}` } : {} })

describe('export API', () => {
  it('exports the consolidated text under the decisions in the document', async () => {
    const observer = await t.account('observer')
    const before = await (await get('/api/documents/non-paper/export?format=txt', observer)).text()
    expect(before).toContain('from [2013 to 2017][2013 to 2020]')
    const chair = await connectProvider(t.syncUrl, 'non-paper', await t.account('co-chair'))
    writeSharedScenario(
      chair.doc,
      readScenario(JSON.parse(readFileSync(path.join(repoRoot, 'templates/non-paper/doha.json'), 'utf8'))),
    )
    let after = ''
    for (let i = 0; i < 50 && !after.includes('from 2013 to 2020'); i++) {
      after = await (await get('/api/documents/non-paper/export?format=txt', observer)).text()
      await new Promise((r) => setTimeout(r, 50))
    }
    expect(after).toContain(
      '7 bis. In the second quantified emission limitation and reduction commitment period, from 2013 to 2020,',
    )
    expect(after).toContain('multiplied by eight.')
    const res = await get('/api/documents/non-paper/export?format=csv', observer)
    expect(res.headers.get('content-type')).toMatch(/text\/csv/)
    expect(await res.text()).toMatch(/Australia.*99\.5/)
    chair.provider.destroy()
  })

  it('exports as negotiated, in Word and Akoma Ntoso, with the right types and file names', async () => {
    const token = await t.account('delegation', 'Tuvalu')
    const docx = await get('/api/documents/non-paper/export?format=docx&consolidated=false', token)
    expect(docx.status).toBe(200)
    expect(docx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    expect(docx.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.docx"/)
    const bytes = new Uint8Array(await docx.arrayBuffer())
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]) // a ZIP package
    const akn = await (await get('/api/documents/non-paper/export?format=akn&consolidated=false', token)).text()
    expect(akn).toMatch(/<akomaNtoso[^>]*>/)
    // Options and alternatives are said by their names; alternativeTo is AKN4UN's for language versions.
    expect(akn).toContain('<hcontainer name="option" eId="o1">')
    expect(akn).not.toContain('alternativeTo')
  })

  it('refuses an unknown format naming the field, and an unauthenticated request', async () => {
    const bad = await get('/api/documents/non-paper/export?format=rtf', t.secretariatToken)
    expect(bad.status).toBe(400)
    expect((await bad.json()).details[0].field).toBe('query.format')
    expect((await get('/api/documents/non-paper/export?format=txt')).status).toBe(401)
  })
})
