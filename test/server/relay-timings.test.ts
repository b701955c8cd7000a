/**
 * The relay's phase timings (`ACCORD_RELAY_TIMINGS=1`): every committed batch is measured
 * on the real server, and shutdown logs one summary line; without the setting nothing is kept.
 */
import { describe, expect, it } from 'vitest'
import { optionsFromEnv } from '../../server/config.ts'
import { RelayTimings } from '../../server/sync/relay-timings.ts'
import { appendedParagraphs, appendParagraph, eventually, RawClient, startTestServer } from './server-fixture.ts'

describe('relay timings', () => {
  it('reports quantiles and the maximum of each phase', () => {
    const timings = new RelayTimings()
    expect(timings.quantiles('commit')).toBeUndefined()
    for (let i = 1; i <= 1000; i++) timings.record({ apply: i / 100, commit: i, relay: 2 })
    expect(timings.batches).toBe(1000)
    expect(timings.quantiles('commit')).toEqual({ p50: 501, p99: 991, 'p99.9': 1000, max: 1000 })
    expect(timings.quantiles('relay')).toEqual({ p50: 2, p99: 2, 'p99.9': 2, max: 2 })
    expect(timings.summary()).toBe(
      'relay timings: 1000 batches; apply p50 5.01 p99 9.91 p99.9 10.00 max 10.00 ms; ' +
        'commit p50 501.00 p99 991.00 p99.9 1000.00 max 1000.00 ms; relay p50 2.00 p99 2.00 p99.9 2.00 max 2.00 ms',
    )
  })

  it('is switched on by ACCORD_RELAY_TIMINGS=1 only', () => {
    expect(optionsFromEnv({ ACCORD_RELAY_TIMINGS: '1' }).relayTimings).toBe(true)
    expect(optionsFromEnv({}).relayTimings).toBe(false)
  })

  it('measures every batch a real server commits and logs them at shutdown', async () => {
    const lines: string[] = []
    const t = await startTestServer({ relayTimings: true, log: (line) => lines.push(line) })
    let closed = false
    try {
      const timings = t.server.services.rooms.relay.timings!
      const writer = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
      const reader = await RawClient.connect(t.syncUrl, 'non-paper', t.secretariatToken)
      const before = timings.batches
      for (let i = 0; i < 5; i++) {
        appendParagraph(writer.doc, `timed ${i}`)
        await eventually(() => appendedParagraphs(reader.doc).length === i + 1, 5000, `edit ${i} relayed`)
      }
      // Each edit was relayed after its own commit: one batch each, at least.
      expect(timings.batches - before).toBeGreaterThanOrEqual(5)
      const commit = timings.quantiles('commit')!
      expect(commit.max).toBeGreaterThan(0)
      expect(commit.p50).toBeLessThanOrEqual(commit.max)
      writer.close()
      reader.close()
      await t.close()
      closed = true
      expect(lines.filter((line) => line.startsWith('accord: relay timings: '))).toEqual([
        `accord: ${timings.summary()}`,
      ])
    } finally {
      if (!closed) await t.close()
    }
  })

  it('keeps nothing when not asked', async () => {
    const t = await startTestServer()
    try {
      expect(t.server.services.rooms.relay.timings).toBeUndefined()
    } finally {
      await t.close()
    }
  })
})
