/**
 * The step cache on its own, with a clock the test turns: what a joiner with an empty
 * document is sent, and when the room's state is encoded again.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { StepCache } from '../../server/sync/step-cache.ts'
import { MESSAGE_SYNC } from '../../shared/document/protocol.ts'

/** A room's document (4 kB of content), its cache and a clock advanced by `tick` on every reading. */
function cachedRoom() {
  const doc = new Y.Doc()
  doc.getText('bulk').insert(0, 'x'.repeat(4000))
  const clock = { t: 0, tick: 0 }
  const cache = new StepCache(doc, () => (clock.t += clock.tick))
  doc.on('update', (update: Uint8Array) => cache.extend(update))
  return { doc, clock, cache }
}

/** A fresh client's document after the messages, in order, and the sync steps they were. */
function join(messages: Uint8Array[]): { doc: Y.Doc; steps: number[] } {
  const doc = new Y.Doc()
  const steps: number[] = []
  for (const message of messages) {
    const decoder = decoding.createDecoder(message)
    expect(decoding.readVarUint(decoder)).toBe(MESSAGE_SYNC)
    steps.push(syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, null))
  }
  return { doc, steps }
}

describe('step cache', () => {
  it('sends one step 2 when nothing came after the state, the tail merged before it otherwise', () => {
    const { doc, clock, cache } = cachedRoom()
    doc.getText('t').insert(0, 'state')
    const first = join(cache.messagesForEmptyClient())
    expect(first.steps).toEqual([syncProtocol.messageYjsSyncStep2])
    expect(first.doc.getText('t').toString()).toBe('state')

    for (let i = 0; i < 5; i++) doc.getText('t').insert(0, `${i}`)
    clock.t += 500
    const second = join(cache.messagesForEmptyClient())
    // Five updates, one message; the step 2 last, so a client is complete when it takes it.
    expect(second.steps).toEqual([syncProtocol.messageYjsUpdate, syncProtocol.messageYjsSyncStep2])
    expect(cache.tailLength).toBe(1)
    expect(Y.encodeStateVector(second.doc)).toEqual(Y.encodeStateVector(doc))
    expect(second.doc.getText('t').toString()).toBe(doc.getText('t').toString())
  })

  it('encodes the state again once the tail is a second old, so a joiner after a quiet spell gets one message', () => {
    const { doc, clock, cache } = cachedRoom()
    doc.getText('t').insert(0, 'state')
    cache.messagesForEmptyClient()
    doc.getText('t').insert(0, 'later ')
    clock.t += 999
    expect(cache.messagesForEmptyClient()).toHaveLength(2)
    clock.t += 1
    const joined = join(cache.messagesForEmptyClient())
    expect(joined.steps).toEqual([syncProtocol.messageYjsSyncStep2])
    expect(cache.tailLength).toBe(0)
    expect(joined.doc.getText('t').toString()).toBe('later state')
  })

  it('re-encodes a room whose encoding is costly at most once per hundred encodings of time', () => {
    const { doc, clock, cache } = cachedRoom()
    doc.getText('t').insert(0, 'large')
    // Every clock reading advances 25 ms: the encoding is measured at 25 ms.
    clock.tick = 25
    cache.messagesForEmptyClient()
    clock.tick = 0
    doc.getText('t').insert(0, 'x')
    clock.t += 2000
    expect(cache.messagesForEmptyClient()).toHaveLength(2)
    clock.t += 500
    expect(cache.messagesForEmptyClient()).toHaveLength(1)
  })

  it('encodes the state again when the tail reaches a quarter of it', () => {
    const { doc, cache } = cachedRoom()
    cache.messagesForEmptyClient()
    doc.getText('t').insert(0, 'b'.repeat(300))
    expect(cache.messagesForEmptyClient()).toHaveLength(2)
    doc.getText('t').insert(0, 'c'.repeat(900))
    const joined = join(cache.messagesForEmptyClient())
    expect(joined.steps).toEqual([syncProtocol.messageYjsSyncStep2])
    expect(joined.doc.getText('t').toString()).toBe(doc.getText('t').toString())
  })
})
