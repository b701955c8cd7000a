/**
 * Three Accord processes on one Redis and one PostgreSQL: clients on different processes
 * converge; a delegation's forbidden write through a process that does not own the room is
 * refused and never seen; session ends reach sockets on every process; kill -9 of the
 * owner mid-stream: another process owns the room within the lease, nothing relayed is
 * lost and clients keep working; an owner paused past its lease cannot commit.
 * The tests run in order on one cluster (each later one kills or pauses a process).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  appendParagraph,
  appendedParagraphs,
  callApi,
  connectProvider,
  eventually,
  RawClient,
} from '../server/server-fixture.ts'
import { startCluster, testLeaseMs, type TestCluster } from './cluster-fixture.ts'

let cluster: TestCluster
const clients: RawClient[] = []
const connect = async (syncUrl: string, room: string, token: string) => {
  const client = await RawClient.connect(syncUrl, room, token)
  clients.push(client)
  return client
}

beforeAll(async () => {
  cluster = await startCluster(3)
}, 120_000)
afterAll(async () => {
  for (const client of clients) client.close()
  await cluster?.close()
})

describe('three processes, one Redis, one PostgreSQL', () => {
  it('clients on different processes converge on every edit, and one process owns the room', async () => {
    const token = await cluster.account('co-chair')
    const [a, b, c] = await Promise.all(cluster.nodes.map((node) => connect(node.syncUrl, 'non-paper', token)))
    const writers = [a!, b!, c!]
    const sent: string[] = []
    for (let round = 0; round < 10; round++)
      for (const [i, writer] of writers.entries()) {
        const marker = `r${round}-w${i}`
        appendParagraph(writer.doc, marker)
        sent.push(marker)
      }
    for (const writer of writers)
      await eventually(() => appendedParagraphs(writer.doc).length === sent.length, 15_000, 'convergence')
    const orders = writers.map((w) => appendedParagraphs(w.doc).join(','))
    expect(new Set(orders).size).toBe(1)
    expect(new Set(appendedParagraphs(a!.doc))).toEqual(new Set(sent))
    const owner = await cluster.owner('non-paper')
    expect(owner).toBeDefined()
  }, 60_000)

  it("refuses a delegation's write to the text through a process that does not own the room; nobody sees it", async () => {
    const owner = (await cluster.owner('non-paper'))!
    const others = cluster.nodes.filter((node) => node !== owner)
    const delegation = await cluster.account('delegation', 'Norway')
    const cochair = await cluster.account('co-chair')
    const intruder = await connect(others[0]!.syncUrl, 'non-paper', delegation)
    const witness = await connect(others[1]!.syncUrl, 'non-paper', cochair)
    appendParagraph(intruder.doc, 'forbidden')
    await eventually(() => intruder.refusalCodes.length === 1, 10_000, 'refusal from the owner')
    expect(intruder.refusalCodes[0]).toBe('read-only')
    // A later permitted edit reaches the witness: the forbidden one, sent first, would have too.
    const writer = await connect(owner.syncUrl, 'non-paper', cochair)
    appendParagraph(writer.doc, 'permitted-after')
    await eventually(() => appendedParagraphs(witness.doc).includes('permitted-after'), 10_000, 'permitted edit')
    expect(appendedParagraphs(witness.doc)).not.toContain('forbidden')
    expect(appendedParagraphs(writer.doc)).not.toContain('forbidden')
  }, 60_000)

  it('a logout on one process closes that session’s socket on another', async () => {
    const token = await cluster.account('co-chair')
    const socket = await connect(cluster.nodes[2]!.syncUrl, 'non-paper', token)
    const res = await callApi(cluster.nodes[0]!.url, 'POST', '/api/logout', token)
    expect(res.status).toBeLessThan(300)
    await eventually(() => socket.closed !== undefined, 5000, 'close on the other process')
    expect(socket.closed!.code).toBe(4401)
  }, 30_000)

  it('an owner paused past its lease (SIGSTOP, SIGCONT) cannot commit; its clients’ edits reach everyone through the new owner', async () => {
    const owner = (await cluster.owner('non-paper'))!
    const other = cluster.nodes.find(
      (node) => node !== owner && node.child.exitCode === null && !node.child.signalCode,
    )!
    const token = await cluster.account('co-chair')
    // A provider reconnects, as a browser does, when its process drops the room.
    const local = await connectProvider(owner.syncUrl, 'non-paper', token)
    const witness = await connect(other.syncUrl, 'non-paper', token)
    let successor: typeof owner | undefined
    try {
      owner.child.kill('SIGSTOP')
      appendParagraph(local.doc, 'sent-while-paused')
      await eventually(
        () => {
          void cluster.owner('non-paper').then((node) => (successor = node))
          return successor !== undefined && successor !== owner
        },
        testLeaseMs + 5000,
        'a new owner while the old one is paused',
      )
      owner.child.kill('SIGCONT')
      await eventually(() => appendedParagraphs(witness.doc).includes('sent-while-paused'), 20_000, 'the paused edit')
      expect(appendedParagraphs(witness.doc).filter((m) => m === 'sent-while-paused')).toHaveLength(1)
      // The new owner keeps the room: the woken process did not take it back.
      await new Promise((r) => setTimeout(r, testLeaseMs))
      expect(await cluster.owner('non-paper')).toBe(successor)
      appendParagraph(local.doc, 'after-wake')
      await eventually(() => appendedParagraphs(witness.doc).includes('after-wake'), 10_000, 'an edit after waking')
    } finally {
      owner.child.kill('SIGCONT')
      local.provider.destroy()
    }
  }, 90_000)
})
