// Decisions with their reasons, in Debian's chromium against a real server: Tuvalu objects with
// a reason, the co-chair accepting Norway's proposal over it is asked to confirm and the decision
// records the objection; a proposal set aside is reopened; and a co-chair whose choice another
// co-chair replaced at the same moment is told.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { ProposalRegister } from '../../shared/proposals/register.ts'
import { proposalsRoom } from '../../shared/document/proposals-room.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { logEntries, type LogEntry } from '../../shared/proposals/log-entry.ts'
import type { Proposal } from '../../shared/proposals/proposal.ts'
import { browserSuite, connectYClient, openDocument, saveScreenshot } from './browser-fixture.ts'

const title = 'Non-paper (AWG-KP)'
const suite = browserSuite()

/** A delegation's proposal made from a second client, as its own browser would make it. */
async function propose(party: string, draft: Parameters<ProposalRegister['propose']>[0]): Promise<Proposal> {
  const { username, token } = await suite.server.account('delegation', party)
  const client = await connectYClient(suite.server.url, 'non-paper/proposals', token)
  const proposal = new ProposalRegister(client.doc, { username, role: 'delegation', party }).propose(draft)
  await client.stored()
  client.close()
  return proposal
}

/** The proposals room as an observer reads it now. */
async function proposalsNow(): Promise<{ proposals: Record<string, Proposal>; log: LogEntry[] }> {
  const client = await connectYClient(
    suite.server.url,
    'non-paper/proposals',
    (await suite.server.account('observer')).token,
  )
  const room = proposalsRoom(client.doc)
  const out = { proposals: room.proposals.toJSON() as Record<string, Proposal>, log: logEntries(room.log.toJSON()) }
  client.close()
  return out
}

/** Messages between `page` and the server on the text room's socket, held until released. */
async function holdableSocket(page: Page): Promise<{ hold(): void; release(): void }> {
  let holding = false
  const toServer: (string | Buffer)[] = []
  const toPage: (string | Buffer)[] = []
  let pageSide: import('playwright-core').WebSocketRoute | null = null
  let serverSide: import('playwright-core').WebSocketRoute | null = null
  await page.routeWebSocket(
    (url) => url.pathname === '/sync/non-paper',
    (ws) => {
      const server = ws.connectToServer()
      pageSide = ws
      serverSide = server
      ws.onMessage((m) => (holding ? toServer.push(m) : server.send(m)))
      server.onMessage((m) => (holding ? toPage.push(m) : ws.send(m)))
    },
  )
  return {
    hold: () => (holding = true),
    release: () => {
      holding = false
      for (const m of toServer.splice(0)) serverSide!.send(m)
      for (const m of toPage.splice(0)) pageSide!.send(m)
    },
  }
}

describe('decisions with their reasons', () => {
  it(
    'an objection carries its reason; accepting over it asks and records it; a set-aside proposal is reopened',
    { timeout: 90_000 },
    async () => {
      const period = await propose('Norway', { kind: 'resolution', target: 'g39', value: 'g39.2' })
      const value = await propose('Norway', { kind: 'value', target: 'X', value: 30 })
      const tuvalu = await suite.person('delegation', 'Tuvalu', { open: title })
      const chair = await suite.person('co-chair', undefined, { open: title })
      const card = (page: Page, id: string) => page.locator(`.proposals-panel .proposal-card[data-id="${id}"]`)

      await card(tuvalu.page, period.id).locator('.proposal-object').click()
      const objecting = tuvalu.page.getByRole('dialog')
      await objecting.getByLabel('Reason (optional)').fill('eight years lock in weak targets')
      await objecting.getByRole('button', { name: 'Object' }).click()
      await expect
        .poll(() => card(chair.page, period.id).locator('.proposal-objection-reason').textContent(), { timeout: 5000 })
        .toBe('Tuvalu objects: “eight years lock in weak targets”')

      await card(chair.page, period.id).locator('.proposal-accept').click()
      const confirming = chair.page.getByRole('dialog')
      expect(await confirming.getByRole('heading').textContent()).toBe('Accept over an objection?')
      expect(await confirming.locator('.proposal-dialog-summary').textContent()).toContain(
        'Tuvalu (“eight years lock in weak targets”)',
      )
      await saveScreenshot(chair.page, 'accept-over-objection', confirming)
      await confirming.getByLabel('Note for the record (optional)').fill('heard in the room; the Group agreed')
      await confirming.getByRole('button', { name: 'Accept over the objection' }).click()
      await expect
        .poll(() => chair.page.locator('.amounts-period').textContent(), { timeout: 5000 })
        .toContain('8 years')

      // Set aside, then reopened: back on the table, both steps signed.
      await card(chair.page, value.id).locator('.proposal-set-aside').click()
      const aside = chair.page.getByRole('dialog')
      await aside.getByLabel('Reason').fill('X is for the plenary')
      await aside.getByRole('button', { name: 'Set aside' }).click()
      await chair.page.locator('.proposals-decided > summary').click()
      await card(chair.page, value.id).locator('.proposal-reopen').click()
      await expect
        .poll(() => chair.page.locator(`.proposals-open .proposal-card[data-id="${value.id}"]`).count(), {
          timeout: 5000,
        })
        .toBe(1)

      const now = await proposalsNow()
      expect(now.proposals[period.id].decision).toMatchObject({
        by: chair.username,
        overObjections: [{ party: 'Tuvalu', reason: 'eight years lock in weak targets' }],
      })
      expect(now.proposals[value.id].status).toBe('open')
      const mine = now.log.filter((e) => e.by === chair.username)
      expect(mine.map((e) => e.op)).toEqual(['accept-proposal', 'set-aside-proposal', 'reopen-proposal'])
      expect(mine[0].notes).toEqual([
        'accepted over the objection of Tuvalu (“eight years lock in weak targets”).',
        'note: heard in the room; the Group agreed',
      ])
      expect(mine[2].summary).toBe('reopened Norway’s proposal: X (aggregate reduction below 1990 (per cent)) = 30')
      await tuvalu.page.close()
      await chair.page.close()
    },
  )

  it('tells the co-chair whose choice another co-chair replaced at the same moment', { timeout: 60_000 }, async () => {
    const a = await suite.person('co-chair')
    const socket = await holdableSocket(a.page)
    await openDocument(a.page, title)
    const b = await connectYClient(suite.server.url, 'non-paper', (await suite.server.account('co-chair')).token)
    // Of two concurrent writes of one key, Yjs keeps the higher client's: B's, so A is the one replaced.
    const presence = b.doc.clientID
    b.doc.clientID = 0xffffffff

    socket.hold()
    textRoom(b.doc).resolutions.set('g40', 'g40.2')
    await b.stored()
    await a.page.locator('.alternative[data-id="g40.1"] > .bracket.open').click()
    await expect.poll(() => a.page.locator('.bracket-group[data-id="g40"]').getAttribute('data-state')).toBe('resolved')
    socket.release()

    const message = a.page.locator('.message')
    await expect
      .poll(() => message.textContent(), { timeout: 5000 })
      .toBe(
        'Your choice of [five] for [five][eight] in paragraph 7 bis was replaced: another co-chair chose [eight] at the same moment. The text now says [eight].',
      )
    expect(await a.page.locator('.alternative[data-id="g40.2"]').getAttribute('class')).toContain('chosen')
    expect(textRoom(b.doc).resolutions.get('g40')).toBe('g40.2')
    await saveScreenshot(a.page, 'choice-replaced', message)
    // The provider's presence is keyed by the client id it started with.
    b.doc.clientID = presence
    b.close()
    await a.page.close()
  })
})
