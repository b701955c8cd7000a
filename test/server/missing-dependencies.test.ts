/**
 * Updates with missing dependencies (issue 20, item 9): Yjs would hold such an update in
 * memory as pending structs — never stored, outside the size limit — and send it to every
 * joiner in sync step 2. The server refuses it instead: the socket is told why, closed
 * after its third, and the room that joiners sync from stays as it was.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { defaultLimits } from '../../server/limits.ts'
import { CLOSE } from '../../shared/document/protocol.ts'
import { appendedParagraphs, appendParagraph, eventually, RawClient, testServerSuite } from './server-fixture.ts'

const t = testServerSuite({ limits: { ...defaultLimits, maxMessageBytes: 8 * 1024 * 1024 } })

/** Two updates of one client, the second building on the first: sent alone, the second misses its dependency. */
function dependentPair(base: Y.Doc, size: number): { first: Uint8Array; second: Uint8Array } {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  const before = Y.encodeStateVector(doc)
  appendParagraph(doc, 'the dependency')
  const first = Y.encodeStateAsUpdate(doc, before)
  const middle = Y.encodeStateVector(doc)
  appendParagraph(doc, 'z'.repeat(size))
  return { first, second: Y.encodeStateAsUpdate(doc, middle) }
}

/** An item whose origin is another client's item that the server never saw. */
function foreignOrigin(base: Y.Doc, size: number): Uint8Array {
  const unseen = new Y.Doc()
  Y.applyUpdate(unseen, Y.encodeStateAsUpdate(base))
  appendParagraph(unseen, 'never sent')
  const writer = new Y.Doc()
  Y.applyUpdate(writer, Y.encodeStateAsUpdate(unseen))
  const before = Y.encodeStateVector(writer)
  appendParagraph(writer, 'y'.repeat(size))
  return Y.encodeStateAsUpdate(writer, before)
}

/** A deletion, and nothing else, of content the server does not have. */
function unknownDeletion(base: Y.Doc): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  appendParagraph(doc, 'to be deleted')
  const text = doc.getXmlFragment('text')
  text.delete(text.length - 1, 1)
  // No structs, only the delete set: it names an item the server never received.
  return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc))
}

describe('updates with missing dependencies', () => {
  it('are refused with a reason and closed after the third; the room joiners sync from stays small', async () => {
    const room = () => t.server.services.rooms.get('non-paper')!
    // Keeps the room open, as honest editors do, so what the refused socket left would stay.
    const keeper = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
    const writer = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
    const before = Y.encodeStateAsUpdate(room().doc).length
    const stored = room().storedBytes

    const crafted = [
      dependentPair(writer.doc, 3_000_000).second,
      foreignOrigin(writer.doc, 3_000_000),
      unknownDeletion(writer.doc),
    ]
    for (const update of crafted) writer.sendUpdate(update)
    await eventually(() => writer.closed !== undefined, 10_000, 'the socket closed')

    expect(writer.refusalCodes).toEqual(['incomplete', 'incomplete', 'incomplete'])
    expect(writer.denials[0]).toMatch(/builds on changes the server does not have/)
    expect(writer.closed).toEqual({ code: CLOSE.writeForbidden, reason: 'incomplete' })

    // Nothing of 6 MB was kept: not pending, not stored, not in what a joiner is sent.
    expect(room().doc.store.pendingStructs).toBeNull()
    expect(room().doc.store.pendingDs).toBeNull()
    expect(room().storedBytes).toBe(stored)
    const joiner = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
    expect(Y.encodeStateAsUpdate(joiner.doc).length).toBe(before)
    expect(Y.encodeStateAsUpdate(room().doc).length).toBe(before)

    // The joiner goes on: its edit reaches another newcomer.
    appendParagraph(joiner.doc, 'after the refusals')
    const witness = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
    await eventually(() => appendedParagraphs(witness.doc).includes('after the refusals'), 5000, 'relay')
    expect(appendedParagraphs(witness.doc)).toEqual(['after the refusals'])
    for (const client of [keeper, joiner, witness]) client.close()
  })

  it('never stay pending in a room, even past the judge: the room drops them and closes the sender', async () => {
    const keeper = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
    const room = t.server.services.rooms.get('non-paper')!
    const before = Y.encodeStateAsUpdate(room.doc).length
    const closed: string[] = []
    const { second } = dependentPair(keeper.doc, 100_000)
    // Straight to the relay, as if the judge had let it through.
    t.server.services.rooms.relay.submit(room, { closeMalformed: (reason) => closed.push(reason) }, second)
    t.server.services.rooms.relay.flush()
    expect(closed).toEqual(['malformed update'])
    expect(room.doc.store.pendingStructs).toBeNull()
    expect(Y.encodeStateAsUpdate(room.doc).length).toBe(before)
    keeper.close()
  })
})
