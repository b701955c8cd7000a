// The browser editor against a real server process in Debian's chromium: login,
// the template as a structured text, two users editing together, the Doha
// figures moving when a co-chair chooses the period, a conflict, and the roles.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { computeScenario } from '../../shared/model/compute.ts'
import { readScenario } from '../../shared/model/scenario.ts'
import { writeSharedScenario } from '../../shared/document/model-state.ts'
import { readBindings } from '../../shared/model/bindings.ts'
import { readNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { indexDocument } from '../../shared/model/document-index.ts'
import { parsePartyTable } from '../../shared/parties/index.ts'
import { formatTonnes } from '../../client/format/number-format.ts'
import {
  browserSuite,
  connectYClient,
  logInThroughPage,
  openDocument,
  repoRoot,
  saveScreenshot,
  templateFile,
} from './browser-fixture.ts'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { textRoom } from '../../shared/document/text-room.ts'
import { OPEN_MARK, OPEN_PHASES } from '../../client/pages/open-marks.ts'

const title = 'Non-paper (AWG-KP)'
const parties = parsePartyTable(
  readFileSync(path.join(repoRoot, 'templates/parties/parties.csv'), 'utf8'),
  'parties.csv',
).parties
const suite = browserSuite()

const pageFor = (role: string, party?: string) => suite.person(role, party, { height: 950 })

/**
 * Doha's decisions (resolutions, X, inscriptions) entered by a second co-chair,
 * except the period: it stands at [2013 to 2017] and [five][eight] is open.
 */
async function enterDoha(): Promise<void> {
  const { token } = await suite.server.account('co-chair')
  const client = await connectYClient(suite.server.url, 'non-paper', token)
  const doha = readScenario(templateFile('doha.json'))
  const resolutions: Record<string, string> = { ...doha.resolutions, g39: 'g39.1' }
  for (const id of ['g1', 'g3', 'g40']) delete resolutions[id]
  client.doc.transact(() => {
    // The server seeds the template's bindings with its text.
    expect(textRoom(client.doc).bindings.size).toBe(
      Object.keys(readBindings(templateFile('bindings.json').bindings)).length,
    )
    writeSharedScenario(client.doc, { ...doha, resolutions })
  })
  await client.stored()
  client.close()
}

/** The panel's assigned amounts, Party → text as shown. */
async function panelAmounts(page: Page): Promise<Map<string, string>> {
  const rows = await page
    .locator('.amounts-table tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-party')!, tr.querySelector('.amount')!.textContent!] as [string, string]),
    )
  return new Map(rows)
}

describe('the browser editor', () => {
  it('logs in, lists the template and shows it as structure', { timeout: 60_000 }, async () => {
    const { page } = await pageFor('co-chair')
    // The list loads after login: wait for the link before counting it.
    await page.getByRole('link', { name: title }).waitFor()
    expect(await page.getByRole('link', { name: title }).count()).toBe(1)
    await openDocument(page, title)
    // Options are cards, brackets are handles, placeholders are fields, tables have computed columns.
    expect(await page.locator('.option-card').count()).toBe(22)
    expect(await page.locator('.bracket-group[data-id="g39"] .alternative').count()).toBe(2)
    expect(await page.locator('.option-card[data-id="o4"] .option-attribution').textContent()).toBe(
      'proposed by Tuvalu',
    )
    expect(await page.locator('.placeholder[data-name="X"]').count()).toBeGreaterThan(0)
    expect(await page.locator('.computed-header .computed-tag').allTextContents()).toContain('computed')
    expect(await page.locator('.counter-total').getAttribute('data-brackets')).toBe('50')
    // The open left its marks, one per phase and in order, for DevTools and the editor benchmark.
    const marks = await page.evaluate(
      (prefix) =>
        performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith(prefix))
          .map((m) => m.name.slice(prefix.length)),
      OPEN_MARK,
    )
    expect(marks).toEqual([...OPEN_PHASES])
    await saveScreenshot(page, 'editor-template')
    await page.close()
  })

  it('two users see each other’s edits and cursors', { timeout: 60_000 }, async () => {
    const a = await pageFor('co-chair')
    const b = await pageFor('co-chair')
    await openDocument(a.page, title)
    await openDocument(b.page, title)
    const firstParagraph = (p: Page) => p.locator('.ProseMirror > p.paragraph').first()
    await firstParagraph(a.page).click()
    await a.page.keyboard.press('End')
    await a.page.keyboard.type(' Typed by A.')
    await expect.poll(() => firstParagraph(b.page).textContent(), { timeout: 15_000 }).toContain('Typed by A.')
    await expect
      .poll(() => b.page.locator('.remote-caret-tag').allTextContents(), { timeout: 15_000 })
      .toContain(`${a.username} · co-chair`)
    await saveScreenshot(b.page, 'editor-two-users')
    // Undo is Yjs undo: it takes back A's typing everywhere.
    await a.page.keyboard.press('Control+z')
    await expect.poll(() => firstParagraph(b.page).textContent(), { timeout: 15_000 }).not.toContain('Typed by A.')
    await a.page.close()
    await b.page.close()
  })

  it(
    'a co-chair chooses [2013 to 2020] and the panel shows the eight-year Doha figures; [five] then conflicts',
    { timeout: 60_000 },
    async () => {
      await enterDoha()
      const { page } = await pageFor('co-chair')
      await openDocument(page, title)
      await expect.poll(() => page.locator('.amounts-period').textContent()).toContain('2013–2017, 5 years')
      // Resolved before the open: the first render marks the chosen alternative and strikes the other.
      expect(await page.locator('.alternative[data-id="g39.1"]').getAttribute('class')).toContain('chosen')
      expect(await page.locator('.alternative[data-id="g39.2"]').getAttribute('class')).toContain('rejected')
      const before = await panelAmounts(page)
      await page.locator('.alternative[data-id="g39.2"] > .bracket.open').click()
      await expect
        .poll(() => page.locator('.amounts-period').textContent(), { timeout: 2000 })
        .toContain('2013–2020, 8 years')
      const after = await panelAmounts(page)
      // The oracle: the shared model's computation for the same decisions.
      const client = await connectYClient(suite.server.url, 'non-paper', (await suite.server.account('observer')).token)
      const doc = readNegotiationDoc(client.doc)
      const scenario = {
        resolutions: textRoom(client.doc).resolutions.toJSON(),
        values: textRoom(client.doc).values.toJSON(),
        inscriptions: textRoom(client.doc).inscriptions.toJSON(),
      }
      const bindings = readBindings(textRoom(client.doc).bindings.toJSON())
      client.close()
      expect(scenario.resolutions.g39).toBe('g39.2')
      const expected = computeScenario(indexDocument(doc), bindings, scenario, parties)
      expect(expected.results.years).toBe(8)
      const norway = expected.results.rows.find((r) => r.party === 'Norway')!
      expect(after.get('Norway')).toBe(`${norway.approximate ? '~' : ''}${formatTonnes(norway.assignedAmountT!)}`)
      expect(before.get('Norway')).not.toBe(after.get('Norway'))
      for (const row of expected.results.rows) {
        if (row.assignedAmountT !== null)
          expect(after.get(row.party)).toBe(`${row.approximate ? '~' : ''}${formatTonnes(row.assignedAmountT)}`)
      }
      await expect.poll(() => page.locator('.aggregate').textContent()).toContain('X = 18 %')
      expect(await page.locator('.bracket-group[data-id="g39"]').getAttribute('data-state')).toBe('resolved')
      // Doha chose Option 1 of Annex B: its card says so from the first render on.
      expect(await page.locator('.option-card[data-id="o1"]').getAttribute('data-state')).toBe('chosen')
      await saveScreenshot(page, 'panel-doha-eight-years', page.locator('.side-panel'))
      await saveScreenshot(page, 'editor-doha-eight-years')

      // [five] with 2013–2020: the two brackets are one decision.
      await page.locator('.alternative[data-id="g40.1"] > .bracket.open').click()
      const conflict = page.locator('.diagnostic-period-years')
      await expect.poll(() => conflict.textContent(), { timeout: 2000 }).toContain('multiplier says 5')
      await conflict.getByRole('button', { name: 'Go to [five][eight] in paragraph 7 bis' }).click()
      await expect
        .poll(() => page.locator('.bracket-group[data-id="g40"]').evaluate((el) => el.classList.contains('flash')))
        .toBe(true)
      await saveScreenshot(page, 'panel-conflict', page.locator('.side-panel'))
      await page.close()
    },
  )

  it('an observer cannot type; a delegation is offered proposals, not choices', { timeout: 60_000 }, async () => {
    const observer = await pageFor('observer')
    await openDocument(observer.page, title)
    const paragraph = observer.page.locator('.ProseMirror > p.paragraph').first()
    const text = await paragraph.textContent()
    expect(await observer.page.locator('.ProseMirror').getAttribute('contenteditable')).toBe('false')
    await paragraph.click()
    await observer.page.keyboard.type('observer text')
    // A co-chair's choice made after the typing reaches the observer's page: the keystrokes came first and changed nothing.
    const chair = await connectYClient(suite.server.url, 'non-paper', (await suite.server.account('co-chair')).token)
    textRoom(chair.doc).resolutions.set('g41', 'kept')
    await expect
      .poll(() => observer.page.locator('.bracket-group[data-id="g41"]').getAttribute('data-state'), {
        timeout: 10_000,
      })
      .toBe('kept')
    textRoom(chair.doc).resolutions.delete('g41')
    await chair.stored()
    chair.close()
    expect(await paragraph.textContent()).toBe(text)
    expect(await observer.page.locator('.option-choose').count()).toBe(0)
    await observer.page.close()

    const delegation = await pageFor('delegation', 'Norway')
    await openDocument(delegation.page, title)
    const propose = delegation.page.locator('.option-card[data-id="o1"] .option-propose')
    expect(await propose.textContent()).toBe('Propose choosing…')
    expect(await propose.isDisabled()).toBe(false)
    expect(await delegation.page.locator('.option-card[data-id="o1"] .option-choose').count()).toBe(0)
    await delegation.page.close()
  })

  it('an option that needs another follows it from the first render on', { timeout: 60_000 }, async () => {
    const { page } = await pageFor('co-chair')
    await openDocument(page, title)
    // Option 8 applies only if Option 3 of section A is chosen: drawn before the model had read
    // the text, its card did not know which option it waited on, and never heard of the choice.
    const applies = page.locator('.option-card[data-id="o8"] > .option-header span.option-applies')
    expect(await applies.getAttribute('data-holds')).not.toBe('met')
    await page.locator('.option-card[data-id="o3"] .option-choose').click()
    await expect.poll(() => applies.getAttribute('data-holds'), { timeout: 5000 }).toBe('met')
    // Reopened, Option 3 no longer carries Option 8 (choosing it had cleared the run's other choice).
    await page.locator('.option-card[data-id="o3"] .option-choose').click()
    await expect.poll(() => applies.getAttribute('data-holds'), { timeout: 5000 }).toBe('pending')
    await page.close()
  })

  it('a refused write is reported and the editor returns to the server’s state', { timeout: 60_000 }, async () => {
    const { username, password } = await suite.server.account('observer')
    const context = await suite.browser.newContext({ viewport: { width: 1500, height: 950 } })
    const page = await context.newPage()
    // The page is told it is a co-chair (as a stale or tampered client would be); the server knows better.
    await page.route('**/api/login', async (route) => {
      const response = await route.fetch()
      const body = await response.json()
      await route.fulfill({ response, json: { ...body, account: { ...body.account, role: 'co-chair' } } })
    })
    await logInThroughPage(page, suite.server.url, username, password)
    await openDocument(page, title)
    const paragraph = page.locator('.ProseMirror > p.paragraph').first()
    const text = await paragraph.textContent()
    await paragraph.click()
    await page.keyboard.type('refused text')
    // Generous timeouts: the refusal, the reconnect and the resync all cross a loaded machine in CI.
    await expect.poll(() => page.locator('.message.error').textContent(), { timeout: 20_000 }).toContain('refused')
    await page.locator('.editor-page[data-ready="true"]').waitFor()
    await expect
      .poll(() => page.locator('.ProseMirror > p.paragraph').first().textContent(), { timeout: 20_000 })
      .toBe(text)
    await saveScreenshot(page, 'editor-refused')
    await page.close()
  })
})
