/**
 * Three Accord processes on one Redis and one PostgreSQL: clients on different processes
 * converge; a delegation's forbidden write through a process that does not own the room is
 * refused and never seen; session ends reach sockets on every process; kill -9 of the
 * owner mid-stream: another process owns the room within the lease, nothing relayed is
 * lost and clients keep working; a Redis restart and a PostgreSQL restart during edits
 * lose nothing relayed and service resumes; an owner paused past its lease cannot commit.
 * The tests run in order on one cluster (each later one kills or pauses a process).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { MESSAGE_AWARENESS } from '../../shared/document/protocol.ts'
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
const live = () => cluster.nodes.filter((node) => node.child.exitCode === null && node.child.signalCode === null)

/**
 * Co-chairs on the processes `writeOn` edit the text (one paragraph each 25 ms, round
 * robin) while `disrupt` runs, and for a second after; a raw client on every live process
 * watches what is relayed. Every edit made must arrive (a provider reconnects and resends,
 * as a browser does), and whatever a watcher saw must be in the text of every live process
 * and of a process started afterwards, which reads the store. Returns how long the first
 * edit made after the disruption began took to reach a watcher.
 */
async function editsSurvive(label: string, disrupt: () => Promise<void>, writeOn = live()): Promise<number> {
  const token = await cluster.account('co-chair')
  const writers = await Promise.all(writeOn.map((node) => connectProvider(node.syncUrl, 'non-paper', token)))
  const watchers = await Promise.all(live().map((node) => RawClient.connect(node.syncUrl, 'non-paper', token)))
  const ours = (doc: Y.Doc) => appendedParagraphs(doc).filter((m) => m.startsWith(`${label}-`))
  const relayed = new Set<string>()
  for (const w of watchers) w.doc.on('update', () => ours(w.doc).forEach((m) => relayed.add(m)))
  const sent: string[] = []
  let n = 0
  const writing = setInterval(() => {
    const marker = `${label}-${n}`
    appendParagraph(writers[n++ % writers.length]!.doc, marker)
    sent.push(marker)
  }, 25)
  const readers: RawClient[] = []
  try {
    await eventually(() => relayed.size >= 10, 10_000, `${label}: edits relayed before the disruption`)
    const started = Date.now()
    const firstAfter = `${label}-${n}`
    await disrupt()
    await eventually(() => relayed.has(firstAfter), 30_000, `${label}: the first edit after the disruption`)
    const firstAfterMs = Date.now() - started
    await new Promise((r) => setTimeout(r, 1000))
    clearInterval(writing)
    const everything = new Set([...sent, ...relayed])
    expect(everything.size).toBe(sent.length)
    const fresh = await cluster.startNode()
    for (const node of live()) {
      const reader = await RawClient.connect(node.syncUrl, 'non-paper', token)
      readers.push(reader)
      await eventually(
        () => ours(reader.doc).length >= sent.length,
        30_000,
        `${label}: every edit at ${node === fresh ? 'a process started afterwards' : node.url}`,
      )
      expect(new Set(ours(reader.doc))).toEqual(everything)
      expect(ours(reader.doc)).toHaveLength(sent.length)
    }
    // The fresh process has read what it needed; it leaves so the cluster keeps its size.
    const exited = new Promise((resolve) => fresh.child.once('exit', resolve))
    fresh.child.kill('SIGKILL')
    await exited
    return firstAfterMs
  } catch (error) {
    for (const node of cluster.nodes) console.error(`--- ${node.url}\n${node.output()}`)
    throw error
  } finally {
    clearInterval(writing)
    for (const p of writers) p.provider.destroy()
    for (const c of [...watchers, ...readers]) c.close()
  }
}
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

  it('a change the server makes on request (restoring a revision) is made on the owner, refused elsewhere without touching the room', async () => {
    const owner = (await cluster.owner('non-paper'))!
    const other = live().find((node) => node !== owner)!
    const chair = await cluster.account('co-chair')
    const bystander = await connect(other.syncUrl, 'non-paper', chair)
    const made = await callApi(owner.url, 'POST', '/api/documents/non-paper/revisions', chair, {})
    expect(made.status).toBe(201)
    const name = (made.body as { name: string }).name
    const refused = await callApi(other.url, 'POST', `/api/documents/non-paper/revisions/${name}/restore`, chair, {})
    expect(refused.status).toBe(422)
    expect(JSON.stringify(refused.body)).toContain('another process of the cluster holds this document')
    const restored = await callApi(owner.url, 'POST', `/api/documents/non-paper/revisions/${name}/restore`, chair, {})
    expect(restored.status).toBeLessThan(300)
    // The refusal dropped nothing: the bystander on the refusing process still gets edits.
    const writer = await connect(owner.syncUrl, 'non-paper', chair)
    appendParagraph(writer.doc, 'after-refused-restore')
    await eventually(() => appendedParagraphs(bystander.doc).includes('after-refused-restore'), 10_000, 'an edit')
    expect(bystander.closed).toBeUndefined()
  }, 30_000)

  it('revoking a projection link on one process darkens its screen on another', async () => {
    const [first, second] = live()
    const chair = await cluster.account('co-chair')
    const made = await callApi(first!.url, 'POST', '/api/documents/non-paper/projections', chair)
    expect(made.status).toBe(201)
    const { id, token } = made.body as { id: number; token: string }
    const screen = await connect(second!.syncUrl, 'non-paper', token)
    const revoked = await callApi(first!.url, 'DELETE', `/api/documents/non-paper/projections/${id}`, chair)
    expect(revoked.status).toBe(204)
    await eventually(() => screen.closed !== undefined, 5000, 'the screen on the other process closed')
    expect(screen.closed!.code).toBe(4401)
  }, 30_000)

  it('presence crosses processes with the account the server vouches for; a socket elsewhere cannot take it over', async () => {
    const [first, second, third] = live()
    const chair = await cluster.account('co-chair')
    const presenter = await connectProvider(first!.syncUrl, 'non-paper', chair)
    const witness = await connect(second!.syncUrl, 'non-paper', chair)
    const forger = await connect(third!.syncUrl, 'non-paper', await cluster.account('delegation', 'Norway'))
    const id = presenter.doc.clientID
    const userOf = (state: unknown) => (state as { user?: { name: string; role: string } } | null)?.user
    try {
      presenter.provider.awareness.setLocalStateField('user', { name: 'forged name', color: '#336699' })
      presenter.provider.awareness.setLocalStateField('cursor', 'before')
      await eventually(
        () => (witness.presences.get(id) as { cursor?: string } | undefined)?.cursor === 'before',
        10_000,
        'the presence on another process',
      )
      expect(userOf(witness.presences.get(id))).toMatchObject({ role: 'co-chair', color: '#336699' })
      expect(userOf(witness.presences.get(id))!.name).toMatch(/^co-chair-c\d+$/)
      await eventually(
        () => (forger.presences.get(id) as { cursor?: string } | undefined)?.cursor === 'before',
        10_000,
        'the presence on the forger’s process',
      )
      // The forger, on a third process, claims the presenter's id: a removal, then a state of its own.
      for (const state of ['null', JSON.stringify({ cursor: 'forged' })]) {
        const update = encoding.createEncoder()
        encoding.writeVarUint(update, 1)
        encoding.writeVarUint(update, id)
        encoding.writeVarUint(update, 1_000_000)
        encoding.writeVarString(update, state)
        const message = encoding.createEncoder()
        encoding.writeVarUint(message, MESSAGE_AWARENESS)
        encoding.writeVarUint8Array(message, encoding.toUint8Array(update))
        forger.ws.send(encoding.toUint8Array(message))
      }
      presenter.provider.awareness.setLocalStateField('cursor', 'after')
      await eventually(
        () => (witness.presences.get(id) as { cursor?: string } | undefined)?.cursor === 'after',
        10_000,
        'the presenter’s later change',
      )
      const seen = witness.presenceHistory.filter((entry) => entry.id === id)
      expect(seen.filter((entry) => entry.state === null || userOf(entry.state)?.role !== 'co-chair')).toEqual([])
    } finally {
      presenter.provider.destroy()
    }
  }, 30_000)

  it('a logout on one process closes that session’s socket on another', async () => {
    const token = await cluster.account('co-chair')
    const socket = await connect(cluster.nodes[2]!.syncUrl, 'non-paper', token)
    const res = await callApi(cluster.nodes[0]!.url, 'POST', '/api/logout', token)
    expect(res.status).toBeLessThan(300)
    await eventually(() => socket.closed !== undefined, 5000, 'close on the other process')
    expect(socket.closed!.code).toBe(4401)
  }, 30_000)

  it('kill -9 of the owner mid-stream: another process owns the room within the lease; nothing relayed is lost; clients keep working', async () => {
    const owner = (await cluster.owner('non-paper'))!
    expect(owner).toBeDefined()
    let takeoverMs = 0
    const writeOn = live().filter((node) => node !== owner)
    const failoverMs = await editsSurvive(
      'kill',
      async () => {
        const killed = Date.now()
        owner.child.kill('SIGKILL')
        let successor: typeof owner | undefined
        await eventually(
          () => {
            void cluster.owner('non-paper').then((node) => (successor = node))
            return successor !== undefined && successor !== owner
          },
          testLeaseMs + 5000,
          'a new owner after kill -9',
        )
        takeoverMs = Date.now() - killed
      },
      writeOn,
    )
    console.log(
      `failover: new owner after ${takeoverMs} ms, first relayed edit after ${failoverMs} ms (lease ${testLeaseMs} ms)`,
    )
    expect(takeoverMs).toBeLessThan(testLeaseMs + 2000)
  }, 120_000)

  it('a Redis restart during edits: nothing relayed is lost, service resumes', async () => {
    const ms = await editsSurvive('redis', async () => {
      await cluster.redis.kill()
      await new Promise((r) => setTimeout(r, 500))
      await cluster.redis.start()
    })
    console.log(`redis restart: first relayed edit ${ms} ms after the kill`)
  }, 120_000)

  it('a PostgreSQL restart during edits: nothing relayed is lost, service resumes', async () => {
    const ms = await editsSurvive('postgres', async () => {
      await cluster.postgres.kill()
      await new Promise((r) => setTimeout(r, 500))
      await cluster.postgres.start()
    })
    console.log(`postgres restart: first relayed edit ${ms} ms after the kill`)
  }, 120_000)

  it('an owner paused past its lease (SIGSTOP, SIGCONT) cannot commit; its clients’ edits reach everyone through the new owner', async () => {
    const owner = (await cluster.owner('non-paper'))!
    const other = live().find((node) => node !== owner)!
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
