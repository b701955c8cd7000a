/**
 * No memory left behind (issue 20, item 8): a storm of short-lived connections — clean,
 * garbage frames, unauthenticated, silent, dropped without a close, refused at the upgrade —
 * against a room an honest client keeps open. Once they are gone, every structure the server
 * keeps per socket, per account and per presence is back to its size, and the heap is back
 * within 20 % after a full collection. (`bench/server/connection-storm.ts` runs 50,000 against
 * a server child and reports its RSS.)
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { connectionStorm, STORM_KINDS } from '../../bench/server/connection-storm.ts'
import { defaultLimits } from '../../server/limits.ts'
import { appendedParagraphs, appendParagraph, eventually, RawClient, testServerSuite } from './server-fixture.ts'

const t = testServerSuite({ limits: { ...defaultLimits, maxConnectionsPerAccount: 1000 } })

// A full collection, without starting the test process with --expose-gc.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

function heapAfterCollection(): number {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

describe('a connection storm', () => {
  it('leaves every per-socket structure at its size and the heap within 20 %', { timeout: 120_000 }, async () => {
    const keeper = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
    const room = t.server.services.rooms.get('non-paper')!
    const counts = () => ({
      endpoint: t.server.sync.counts(),
      presence: room.presence.counts(),
      members: room.members.size,
      rooms: t.server.services.rooms.size,
    })
    const storm = (count: number, seed: number) =>
      connectionStorm({ syncUrl: t.syncUrl, room: 'non-paper', token: t.secretariatToken, count, seed })

    // Warm up (code paths compiled, pools filled), then the baseline.
    await storm(600, 1)
    await eventually(() => t.server.sync.counts().sockets === 1, 10_000, 'the warm-up gone')
    // The one clock Awareness keeps then is the server's own (it announces no presence).
    await eventually(() => room.presence.counts().meta === 1, 5_000, 'warm-up presences forgotten')
    const before = counts()
    expect(before.endpoint).toEqual({ open: 1, sessions: 1, accounts: 1, unauthenticated: 0, sockets: 1 })
    expect(before.presence).toEqual({ speakers: 0, holders: 0, states: 0, meta: 1 })
    const heapBefore = heapAfterCollection()

    const ran = await storm(5000, 2)
    for (const kind of STORM_KINDS) expect(ran[kind]).toBeGreaterThan(800)
    // The server has seen every close once only the keeper's socket is left.
    await eventually(() => t.server.sync.counts().sockets === 1, 20_000, 'the storm gone')
    // Removals are relayed (and their clocks forgotten) on the next presence relay.
    await eventually(() => room.presence.counts().meta === before.presence.meta, 5_000, 'presence clocks forgotten')
    expect(counts()).toEqual(before)
    const heapAfter = heapAfterCollection()
    expect(heapAfter / heapBefore).toBeLessThan(1.2)

    // The room still works for the one who stayed and for a newcomer.
    appendParagraph(keeper.doc, 'after the storm')
    const newcomer = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
    await eventually(() => appendedParagraphs(newcomer.doc).includes('after the storm'), 5000, 'relay')
    keeper.close()
    newcomer.close()
  })
})
