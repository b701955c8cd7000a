/**
 * Presence that cannot be forged or turned into a flood: a socket speaks for one awareness
 * client id and never changes or removes another's; the server sets the account's name,
 * role and Party in the state; a state has a size cap; queries are answered at most once
 * per few seconds; and a 60,000-presence message with a query flood neither reaches the
 * honest clients nor holds up their edits (`bench/server/presence-flood.ts`).
 */
import { describe, expect, it } from 'vitest'
import { eventually, testServerSuite } from './server-fixture.ts'
import { fakePresences, measurePresenceFlood } from '../../bench/server/presence-flood.ts'
import { RawClient } from '../raw-client.ts'
import { maxStateBytes, queryIntervalMs, stateBurst, statesPerSecond } from '../../server/sync/presence.ts'

const t = testServerSuite()

async function person(role: 'co-chair' | 'delegation' | 'observer', party?: string) {
  const token = await t.account(role, party)
  const username = (await t.api('GET', '/api/me', token)).body.username as string
  return { token, username, client: await RawClient.connect(t.syncUrl, 'non-paper', token) }
}

describe('presence', () => {
  it('carries the account’s real name, role and Party, whatever the client claims', async () => {
    const witness = await person('observer')
    const liar = await person('delegation', 'Tuvalu')
    liar.client.send(
      fakePresences(liar.client.doc.clientID, 1, 1, '{"user":{"name":"chair2","role":"co-chair","color":"#ff0000"}}'),
    )
    await eventually(() => witness.client.presences.has(liar.client.doc.clientID), 5000, 'the presence')
    expect(witness.client.presences.get(liar.client.doc.clientID)).toEqual({
      user: { name: liar.username, role: 'delegation', party: 'Tuvalu', color: '#ff0000' },
    })
    for (const p of [witness, liar]) p.client.close()
  })

  it('lets a socket set only its own id: another’s presence is neither changed nor removed', async () => {
    const witness = await person('observer')
    const honest = await person('co-chair')
    const hostile = await person('delegation', 'Iceland')
    const honestId = honest.client.doc.clientID
    honest.client.send(fakePresences(honestId, 1, 1, '{"cursor":null}'))
    await eventually(() => witness.client.presences.has(honestId), 5000, 'the honest presence')
    hostile.client.send(fakePresences(hostile.client.doc.clientID, 1, 1, '{"cursor":null}'))
    // Bound to its own id, the hostile socket tries to overwrite, then remove, the honest one.
    hostile.client.send(fakePresences(honestId, 1, 50, '{"user":{"name":"hijacked"}}'))
    hostile.client.send(fakePresences(honestId, 1, 60, 'null'))
    // A later permitted change of its own arrives; the forgeries never did.
    hostile.client.send(fakePresences(hostile.client.doc.clientID, 1, 2, '{"cursor":"later"}'))
    await eventually(
      () => (witness.client.presences.get(hostile.client.doc.clientID) as { cursor?: string })?.cursor === 'later',
      5000,
      'the later change',
    )
    expect(witness.client.presences.get(honestId)).toEqual({
      cursor: null,
      user: { name: honest.username, role: 'co-chair', party: null },
    })
    for (const p of [witness, honest, hostile]) p.client.close()
  })

  it('drops a state over the size cap', async () => {
    const witness = await person('observer')
    const big = await person('co-chair')
    const id = big.client.doc.clientID
    big.client.send(fakePresences(id, 1, 1, JSON.stringify({ cursor: 'x'.repeat(maxStateBytes) })))
    big.client.send(fakePresences(id, 1, 2, '{"cursor":"small"}'))
    await eventually(() => witness.client.presences.has(id), 5000, 'the small state')
    expect((witness.client.presences.get(id) as { cursor: string }).cursor).toBe('small')
    for (const p of [witness, big]) p.client.close()
  })

  it('rate-limits a socket’s own presence changes, and the latest one still arrives', async () => {
    const witness = await person('observer')
    const busy = await person('co-chair')
    const id = busy.client.doc.clientID
    const room = t.server.services.rooms.get('non-paper')!
    let applied = 0
    const count = ({ added, updated }: { added: number[]; updated: number[] }) => {
      if ([...added, ...updated].includes(id)) applied += 1
    }
    room.presence.awareness.on('change', count)
    const started = performance.now()
    // 90 changes at once: within the socket's message burst (none is dropped unread), far
    // over the burst its own state may change by.
    const changes = 90
    for (let clock = 1; clock <= changes; clock++) busy.client.send(fakePresences(id, 1, clock, `{"cursor":${clock}}`))
    await eventually(
      () => (witness.client.presences.get(id) as { cursor?: number } | undefined)?.cursor === changes,
      10_000,
      'the latest presence',
    )
    room.presence.awareness.off('change', count)
    const seconds = (performance.now() - started) / 1000
    // The burst, then the steady rate; without the budget every change would be applied.
    expect(applied).toBeLessThanOrEqual(stateBurst + Math.ceil(statesPerSecond * seconds) + 1)
    expect(applied).toBeLessThan(changes / 2)
    for (const p of [witness, busy]) p.client.close()
  })

  it(
    'keeps 60,000 fake presences and a query flood from the honest clients, and their edits on time',
    { timeout: 60_000 },
    async () => {
      const writers: [string, string] = [await t.account('co-chair'), await t.account('co-chair')]
      const result = await measurePresenceFlood(t.syncUrl, writers, await t.account('delegation', 'Tuvalu'), 150)
      console.log(
        `presence flood: quiet p50 ${result.baseline.p50.toFixed(1)} ms p99 ${result.baseline.p99.toFixed(1)} ms; ` +
          `flood p50 ${result.flood.p50.toFixed(1)} ms p99 ${result.flood.p99.toFixed(1)} ms; ` +
          `${result.answersToFlooder} answers to ${result.queriesSent} queries`,
      )
      expect(result.fakeRelayed).toBe(0)
      expect(result.flood.edits).toBe(150)
      // Under 50 ms; on a machine too loaded for that even when quiet (2 cores shared by
      // other jobs: the quiet p99 alone is often 50–100 ms here), within three times the
      // quiet p99 of the same run. Before presence was budgeted, a flood like this one held
      // honest edits back by seconds (p99 2.4 s against 2 ms quiet).
      expect(result.flood.p99).toBeLessThan(Math.max(50, 3 * result.baseline.p99))
      // Each flood phase's socket gets the greeting and its first answer; then one answer per interval at most.
      expect(result.answersToFlooder).toBeLessThanOrEqual(
        2 * result.floodPhases + Math.ceil(result.floodMs / queryIntervalMs),
      )
    },
  )
})
