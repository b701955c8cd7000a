/**
 * The integrity of the record under races and forged claims, with real WebSocket clients
 * against the real server: an acceptance and a withdrawal of the same proposal sent at once
 * end in one outcome in both rooms, and the co-chair's client (which starts again from the
 * server's state when refused, as the editor's connections do) goes on writing and converges;
 * provenance names an existing proposal and its sender; the record's times are the server's;
 * an old password hash still verifies and is replaced at OWASP's cost on login.
 */
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import * as authProtocol from 'y-protocols/auth'
import { decodeRefusal, type Refusal } from '../../shared/document/protocol.ts'
import { applyAcceptance } from '../../shared/document/proposal-acceptance.ts'
import { proposalsRoom } from '../../shared/document/proposals-room.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { ProposalRegister } from '../../shared/proposals/register.ts'
import type { Proposal } from '../../shared/proposals/proposal.ts'
import type { Role } from '../../shared/document/roles.ts'
import { bearerSocket } from '../bearer-socket.ts'
import { templateIndex } from '../model/template-model.ts'
import { accountPassword, eventually, RawClient, startTestServer, testServerSuite } from './server-fixture.ts'
import { owaspScryptCost } from '../../server/auth/passwords.ts'
import type { Store } from '../../server/store/database.ts'

const t = testServerSuite()
const rooms: Resyncing[] = []
afterAll(() => rooms.forEach((r) => r.destroy()))

/**
 * A room's client that, like the editor's connections, throws its copy away when the server
 * refuses a write and starts again from the server's state (a fresh Y.Doc and provider).
 */
class Resyncing {
  doc!: Y.Doc
  provider!: WebsocketProvider
  readonly refusals: Refusal[] = []
  private reopening: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly room: string,
    private readonly token: string,
  ) {
    this.open()
  }

  private open(): void {
    this.doc = new Y.Doc()
    this.provider = new WebsocketProvider(t.syncUrl, this.room, this.doc, {
      disableBc: true,
      WebSocketPolyfill: bearerSocket(this.token),
    })
    this.provider.messageHandlers[2] = (_encoder, decoder) =>
      authProtocol.readAuthMessage(decoder, this.doc, (_doc, reason) => {
        this.refusals.push(decodeRefusal(reason))
        clearTimeout(this.reopening)
        this.reopening = setTimeout(() => this.reopen(), 50)
      })
  }

  private reopen(): void {
    this.provider.destroy()
    this.doc.destroy()
    this.open()
  }

  synced(): Promise<void> {
    return eventually(() => this.provider.synced, 10_000, `${this.room} synced`)
  }

  destroy(): void {
    clearTimeout(this.reopening)
    this.provider.destroy()
  }
}

async function client(room: string, token: string): Promise<Resyncing> {
  const r = new Resyncing(room, token)
  rooms.push(r)
  await r.synced()
  return r
}

async function person(role: Role, party?: string) {
  const token = await t.account(role, party)
  const username = (await t.api('GET', '/api/me', token)).body.username as string
  const actor = { username, role, party }
  const proposals = await client('non-paper/proposals', token)
  return { token, username, actor, proposals, register: () => new ProposalRegister(proposals.doc, actor) }
}

/** The server's own state of a room, as JSON of its maps. */
function serverMaps(room: string, names: string[]): Record<string, unknown> {
  const address = { name: room, documentId: 'non-paper', kind: room.endsWith('/proposals') ? 'proposals' : 'text' }
  return t.server.services.rooms.read(address as never, (doc) =>
    Object.fromEntries(names.map((n) => [n, doc.getMap(n).toJSON()])),
  )
}

/**
 * Whether `doc` holds exactly what the server's room holds: its state vector, not only its
 * maps. A refused write that a concurrent winner hides still sits in the client's copy (its
 * maps look right), and the client's next write, built on it, would be refused as incomplete.
 */
function holdsServerState(doc: Y.Doc, room: string): boolean {
  const address = { name: room, documentId: 'non-paper', kind: room.endsWith('/proposals') ? 'proposals' : 'text' }
  const server = t.server.services.rooms.read(address as never, (d) => Y.encodeStateVector(d))
  return Buffer.from(Y.encodeStateVector(doc)).equals(Buffer.from(server))
}

const maps = (doc: Y.Doc, names: string[]) => Object.fromEntries(names.map((n) => [n, doc.getMap(n).toJSON()]))
/** JSON with keys sorted: a Y.Map's order of iteration differs between replicas. */
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b)
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1)))
      : v,
  )
const PROPOSALS = ['proposals', 'log']
const TEXT = ['inscriptions', 'provenance']

describe('an acceptance and a withdrawal sent at once', () => {
  it(
    'end in one outcome in both rooms, ten races out of ten, and every replica converges',
    { timeout: 60_000 },
    async () => {
      const norway = await person('delegation', 'Norway')
      const chair = await person('co-chair')
      const chairText = await client('non-paper', chair.token)
      const observer = await t.account('observer')
      const outcomes: string[] = []
      for (let race = 0; race < 10; race++) {
        const value = 70 + race
        const proposal = norway.register().propose({ kind: 'inscription', target: 'cp2/Norway', value })
        await eventually(() => !!proposalsRoom(chair.proposals.doc).proposals.get(proposal.id), 5000, 'the proposal')
        // Both sides act in the same turn of the event loop; the order alternates.
        const withdraw = () => norway.register().withdraw(proposal.id)
        const accept = () => {
          // As the editor does: the proposal read while open, then accepted and applied.
          const register = chair.register()
          const open = register.get(proposal.id)!
          const accepted = register.accept(proposal.id, [])
          applyAcceptance(chairText.doc, open, accepted.decision!, templateIndex)
          register.log({ op: 'accept-proposal', ids: [proposal.target, proposal.id], summary: `accepted ${race}` })
        }
        if (race % 2) {
          accept()
          withdraw()
        } else {
          withdraw()
          accept()
        }
        // Settled: the server's two rooms agree, and every replica holds what the server holds.
        const witnessProposals = await RawClient.connect(t.syncUrl, 'non-paper/proposals', observer)
        const witnessText = await RawClient.connect(t.syncUrl, 'non-paper', observer)
        try {
          await eventually(
            () => {
              const p = serverMaps('non-paper/proposals', PROPOSALS)
              const x = serverMaps('non-paper', TEXT)
              const mine = (p.proposals as Record<string, Proposal>)[proposal.id]
              if (mine?.status === 'open') return false
              return (
                holdsServerState(chair.proposals.doc, 'non-paper/proposals') &&
                holdsServerState(norway.proposals.doc, 'non-paper/proposals') &&
                holdsServerState(chairText.doc, 'non-paper') &&
                same(maps(chair.proposals.doc, PROPOSALS), p) &&
                same(maps(norway.proposals.doc, PROPOSALS), p) &&
                same(maps(witnessProposals.doc, PROPOSALS), p) &&
                same(maps(chairText.doc, TEXT), x) &&
                same(maps(witnessText.doc, TEXT), x)
              )
            },
            10_000,
            `race ${race} converged`,
          ).catch((error) => {
            const p = serverMaps('non-paper/proposals', PROPOSALS) as { proposals: Record<string, Proposal> }
            console.log(
              JSON.stringify({
                server: p.proposals[proposal.id]?.status,
                serverText: serverMaps('non-paper', TEXT),
                chair: proposalsRoom(chair.proposals.doc).proposals.get(proposal.id)?.status,
                norway: proposalsRoom(norway.proposals.doc).proposals.get(proposal.id)?.status,
                chairText: maps(chairText.doc, TEXT),
                refusals: [chair.proposals.refusals, chairText.refusals, norway.proposals.refusals],
                synced: [
                  chair.proposals.provider.synced,
                  chairText.provider.synced,
                  norway.proposals.provider.synced,
                  chair.proposals.provider.wsconnected,
                ],
              }),
            )
            throw error
          })
          const status = proposalsRoom(witnessProposals.doc).proposals.get(proposal.id)!.status
          const provenance = [...textRoom(witnessText.doc).provenance.values()].filter(
            (e) => (e as { proposal: string }).proposal === proposal.id,
          )
          const logged = [...proposalsRoom(witnessProposals.doc).log.values()].filter(
            (e) => e.op === 'accept-proposal' && e.ids[1] === proposal.id,
          )
          const inscribed = textRoom(witnessText.doc).inscriptions.get('cp2/Norway') === value
          if (status === 'accepted') {
            expect({ provenance: provenance.length, logged: logged.length, inscribed }, `race ${race}`).toEqual({
              provenance: 1,
              logged: 1,
              inscribed: true,
            })
          } else {
            expect(status, `race ${race}`).toBe('withdrawn')
            expect({ provenance: provenance.length, logged: logged.length, inscribed }, `race ${race}`).toEqual({
              provenance: 0,
              logged: 0,
              inscribed: false,
            })
          }
          outcomes.push(status)
          // The co-chair goes on: a later write of each room is accepted and reaches the witness.
          const probe = chair.register().log({ op: 'value', ids: ['X'], summary: `after race ${race}` })
          chairText.doc.getMap('values').set('X', 20 + race)
          await eventually(
            () =>
              proposalsRoom(witnessProposals.doc).log.has(probe.id) &&
              textRoom(witnessText.doc).values.get('X') === 20 + race,
            5000,
            `the co-chair's writes after race ${race}`,
          )
        } finally {
          witnessProposals.close()
          witnessText.close()
        }
      }
      // Both outcomes happen across the races (the order of arrival decides, never a split).
      expect(new Set(outcomes).size, outcomes.join(' ')).toBe(2)
    },
  )
})

describe('records the server vouches for', () => {
  /**
   * Sends `change` on a raw socket; resolves with the code of the server's refusal, or null
   * once a witness holds what it wrote (`written`): either way the server has judged it.
   */
  async function verdict(
    room: string,
    token: string,
    change: (doc: Y.Doc) => void,
    written: (doc: Y.Doc) => boolean = () => false,
  ): Promise<string | null> {
    const sender = await RawClient.connect(t.syncUrl, room, token)
    const witness = await RawClient.connect(t.syncUrl, room, await t.account('observer'))
    try {
      change(sender.doc)
      await eventually(() => sender.refusalCodes.length > 0 || written(witness.doc), 5000, 'the verdict')
      return sender.refusalCodes[0] ?? null
    } finally {
      sender.close()
      witness.close()
    }
  }

  it('refuses provenance of a proposal that does not exist, or signed by another', async () => {
    const token = await t.account('co-chair')
    const me = (await t.api('GET', '/api/me', token)).body.username as string
    const forged = { proposal: 'p-nothing', party: 'Norway', by: me, at: new Date().toISOString() }
    expect(await verdict('non-paper', token, (d) => textRoom(d).provenance.set('cp2/Norway', forged))).toBe(
      'entry-rule',
    )
    expect(
      await verdict('non-paper', token, (d) => textRoom(d).provenance.set('cp2/Norway', { ...forged, by: 'chair2' })),
    ).toBe('not-yours')
    // The acceptance list names Parties of the table.
    expect(
      await verdict('non-paper', token, (d) =>
        textRoom(d).acceptances.set('Atlantis', { date: '2013-01-01', annexI: false }),
      ),
    ).toBe('invalid-value')
  })

  it('refuses a backdated or future-dated proposal and log entry, and takes one dated now', async () => {
    const delegation = await t.account('delegation', 'Norway')
    const me = (await t.api('GET', '/api/me', delegation)).body.username as string
    const actor = { username: me, role: 'delegation' as const, party: 'Norway' }
    const dated = (at: string) => (d: Y.Doc) =>
      new ProposalRegister(d, actor, () => at).propose({ kind: 'inscription', target: 'cp2/Norway', value: 80 })
    expect(await verdict('non-paper/proposals', delegation, dated('2009-12-07T10:00:00.000Z'))).toBe('wrong-time')
    expect(
      await verdict('non-paper/proposals', delegation, dated(new Date(Date.now() + 3_600_000).toISOString())),
    ).toBe('wrong-time')
    expect(
      await verdict('non-paper/proposals', delegation, dated(new Date().toISOString()), (d) =>
        [...proposalsRoom(d).proposals.values()].some((p) => p.by === me),
      ),
    ).toBeNull()
    const chair = await t.account('co-chair')
    const chairName = (await t.api('GET', '/api/me', chair)).body.username as string
    expect(
      await verdict('non-paper/proposals', chair, (d) =>
        new ProposalRegister(d, { username: chairName, role: 'co-chair' }, () => '2009-12-07T10:00:00.000Z').log({
          op: 'value',
          ids: ['X'],
          summary: 'backdated',
        }),
      ),
    ).toBe('wrong-time')
  })

  it('refuses proposal text over the cap with too-large', async () => {
    const delegation = await t.account('delegation', 'Norway')
    const me = (await t.api('GET', '/api/me', delegation)).body.username as string
    const actor = { username: me, role: 'delegation' as const, party: 'Norway' }
    expect(
      await verdict('non-paper/proposals', delegation, (d) => {
        // Past the register's own check: what a hostile client writes.
        proposalsRoom(d).proposals.set('p-big', {
          id: 'p-big',
          party: 'Norway',
          by: actor.username,
          kind: 'alternative',
          target: 'g39',
          value: 'x'.repeat(1_000_000),
          at: new Date().toISOString(),
          status: 'open',
        })
      }),
    ).toBe('too-large')
  })
})

describe('password hashes', () => {
  it('verifies a hash made at the old cost and replaces it at OWASP’s cost on login', { timeout: 30_000 }, async () => {
    const old = await startTestServer({ passwordCost: { N: 16384, r: 8, p: 1 } })
    const dataDir = old.server.services.options.dataDir
    const created = await old.api('POST', '/api/accounts', old.secretariatToken, {
      username: 'legacy-chair',
      password: accountPassword,
      role: 'co-chair',
    })
    expect(created.status).toBe(201)
    await old.server.close()
    const stronger = await startTestServer({ dataDir, passwordCost: owaspScryptCost })
    try {
      const db = (stronger.server.services.accounts as unknown as { db: Store }).db
      const hash = () =>
        db.get<{ password_hash: string }>('SELECT password_hash FROM accounts WHERE username = ?', 'legacy-chair')!
          .password_hash
      expect(hash()).toMatch(/^scrypt\$16384\$/)
      const login = await stronger.api('POST', '/api/login', undefined, {
        username: 'legacy-chair',
        password: accountPassword,
      })
      expect(login.status).toBe(200)
      await eventually(() => hash().startsWith('scrypt$131072$8$1$'), 10_000, 'the rehash')
    } finally {
      await stronger.close()
    }
  })
})
