// The export API never issues a consolidated text that loses words no decision rejects:
// a co-chair's edit puts a new numbered paragraph inside the last option of a run (as an
// editor would, typing at its end); choosing the other option would drop it with the
// option. The export is refused with 409, naming the option and the words.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { textRoom } from '../../shared/document/text-room.ts'
import { connectProvider, eventually, testServerSuite } from './server-fixture.ts'

const t = testServerSuite()

describe('export API and the removal check', () => {
  it('refuses a consolidation that would drop a paragraph no decision rejects', async () => {
    const text = '4. Option A: Parties shall report.\nOption B: Parties may report.\n5. The Fund serves.\n'
    const created = await t.api('POST', '/api/documents', t.secretariatToken, { id: 'runs', title: 'Runs', text })
    expect(created.status).toBe(201)
    const chair = await connectProvider(t.syncUrl, created.body.document.rooms.text, await t.account('co-chair'))
    const fragment = chair.doc.getXmlFragment('text')
    const last = fragment
      .toArray()
      .find((n) => n instanceof Y.XmlElement && n.getAttribute('id') === 'o2') as Y.XmlElement
    chair.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.setAttribute('gap', 0 as unknown as string)
      paragraph.insert(0, [new Y.XmlText('6. The review is annual.')])
      last.insert(last.length, [paragraph])
      textRoom(chair.doc).resolutions.set('o1', 'chosen')
    })
    const get = () =>
      fetch(`${t.url}/api/documents/runs/export?format=txt`, {
        headers: { authorization: `Bearer ${t.secretariatToken}` },
      })
    let res = await get()
    await eventually(() => res.status === 409 || (void get().then((r) => (res = r)), false), 5000, 'a refusal')
    const body = await res.json()
    expect(body.error).toBe('consolidation refused: it would remove words no decision rejects')
    expect(body.details).toEqual([
      {
        field: 'o2',
        message:
          'dropping option o2 would remove 5 words no decision rejects, from line 3, column 1 to line 3, column 18: "6 The review is annual"',
      },
    ])
    // As negotiated, the text is issued.
    const asIs = await fetch(`${t.url}/api/documents/runs/export?format=txt&consolidated=false`, {
      headers: { authorization: `Bearer ${t.secretariatToken}` },
    })
    expect(await asIs.text()).toBe(
      '4. Option A: Parties shall report.\nOption B: Parties may report.\n6. The review is annual.\n5. The Fund serves.\n',
    )
    chair.provider.destroy()
  })
})
