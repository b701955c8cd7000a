// What an update writes, read from the update itself: roots, entries with their values,
// sequences and nested types, and whether it builds on structs the document lacks.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { clientUpdate } from './client-update.ts'
import { writesOfUpdate } from '../../shared/document/update-writes.ts'

/** `server` after applying `change` made on a replica. */
function applied(server: Y.Doc, change: (doc: Y.Doc) => void): Y.Doc {
  Y.applyUpdate(server, clientUpdate(server, change))
  return server
}

describe('the writes of an update', () => {
  it('lists map entries set, overwritten and removed, with their values, leaving the document untouched', () => {
    const server = new Y.Doc()
    const set = clientUpdate(server, (d) => d.getMap('resolutions').set('g39', 'g39.2'))
    expect(writesOfUpdate(server, set)).toEqual({
      entries: [{ root: 'resolutions', key: 'g39', shape: 'json', value: 'g39.2' }],
      sequences: new Set(),
      nested: new Set(),
      incomplete: false,
    })
    expect(server.getMap('resolutions').size).toBe(0)
    Y.applyUpdate(server, set)
    // Overwriting: the new item's parent is not in the update, only its origin (the old value).
    const overwrite = clientUpdate(server, (d) => d.getMap('resolutions').set('g39', 'g39.1'))
    expect(writesOfUpdate(server, overwrite).entries).toEqual([
      { root: 'resolutions', key: 'g39', shape: 'json', value: 'g39.1' },
    ])
    const remove = clientUpdate(server, (d) => d.getMap('resolutions').delete('g39'))
    expect(writesOfUpdate(server, remove).entries).toEqual([{ root: 'resolutions', key: 'g39', shape: 'removed' }])
  })

  it('tells nested shared types and binary values from plain JSON', () => {
    const server = new Y.Doc()
    const nested = clientUpdate(server, (d) => d.getMap('resolutions').set('g1', new Y.Map()))
    expect(writesOfUpdate(server, nested).entries).toEqual([{ root: 'resolutions', key: 'g1', shape: 'type' }])
    const binary = clientUpdate(server, (d) => d.getMap('values').set('X', new Uint8Array([1, 2])))
    expect(writesOfUpdate(server, binary).entries).toEqual([{ root: 'values', key: 'X', shape: 'other' }])
    // Writing inside a nested type that is already there: reported as nested, under its root.
    applied(server, (d) => d.getMap('bindings').set('b', new Y.Map()))
    const inner = clientUpdate(server, (d) => (d.getMap('bindings').get('b') as Y.Map<number>).set('x', 1))
    const writes = writesOfUpdate(server, inner)
    expect(writes.entries).toEqual([])
    expect([...writes.nested]).toEqual(['bindings'])
  })

  it('reports text edits as sequence and nested changes of the text root, at any depth', () => {
    const server = applied(new Y.Doc(), (d) => {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText('hello')])
      d.getXmlFragment('text').push([paragraph])
    })
    const typing = clientUpdate(server, (d) => {
      const text = (d.getXmlFragment('text').get(0) as Y.XmlElement).get(0) as Y.XmlText
      text.insert(5, ' world')
    })
    const writes = writesOfUpdate(server, typing)
    expect(writes.entries).toEqual([])
    expect([...writes.nested]).toEqual(['text'])
    const deleting = clientUpdate(server, (d) => d.getXmlFragment('text').delete(0, 1))
    expect([...writesOfUpdate(server, deleting).sequences]).toEqual(['text'])
  })

  it('reports writes to roots of any name, so they can be refused', () => {
    const server = new Y.Doc()
    const sneaky = clientUpdate(server, (d) => d.getText('notes').insert(0, 'hello'))
    expect([...writesOfUpdate(server, sneaky).sequences]).toEqual(['notes'])
  })

  it('finds the place of a long pasted chain without recursion', () => {
    const server = applied(new Y.Doc(), (d) => d.getText('notes').insert(0, 'x'))
    const pasted = clientUpdate(server, (d) => {
      const text = d.getText('notes')
      // Typed backwards, one character per transaction: 20,000 items, each the right origin of the next.
      for (let i = 0; i < 20_000; i++) text.insert(0, String(i % 10))
    })
    expect(Y.decodeUpdate(pasted).structs.length).toBeGreaterThan(19_000)
    expect([...writesOfUpdate(server, pasted).sequences]).toEqual(['notes'])
  })

  it('says an echo of what the document has writes nothing', () => {
    const server = applied(new Y.Doc(), (d) => d.getMap('resolutions').set('g39', 'g39.2'))
    const echo = Y.encodeStateAsUpdate(server)
    expect(writesOfUpdate(server, echo)).toEqual({
      entries: [],
      sequences: new Set(),
      nested: new Set(),
      incomplete: false,
    })
  })
})

describe('an update that builds on what the document lacks', () => {
  it('is incomplete: a second update whose first was never applied', () => {
    const server = new Y.Doc()
    const client = new Y.Doc()
    const updates: Uint8Array[] = []
    client.on('update', (u: Uint8Array) => updates.push(u))
    client.getMap('proposals').set('pr9', { party: 'Norway' }) // refused by the server, never applied there
    client.getMap('stances').set('pr1/Tuvalu', { stance: 'object' })
    expect(writesOfUpdate(server, updates[1]!).incomplete).toBe(true)
    expect(writesOfUpdate(server, updates[0]!).incomplete).toBe(false)
  })

  it('is incomplete: an item whose origin belongs to another client the server never saw', () => {
    const other = new Y.Doc()
    other.getText('notes').insert(0, 'abc')
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(other))
    const vector = Y.encodeStateVector(client)
    client.getText('notes').insert(2, 'X')
    const update = Y.encodeStateAsUpdate(client, vector)
    expect(writesOfUpdate(new Y.Doc(), update).incomplete).toBe(true)
  })

  it('is incomplete: a deletion of content the server does not have', () => {
    const client = new Y.Doc()
    client.getText('notes').insert(0, 'abc')
    const vector = Y.encodeStateVector(client)
    client.getText('notes').delete(0, 1)
    const deletion = Y.encodeStateAsUpdate(client, vector)
    expect(writesOfUpdate(new Y.Doc(), deletion).incomplete).toBe(true)
  })
})
