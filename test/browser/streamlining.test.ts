// The walk-through of a negotiation round in Debian's chromium against a real server
// process, three people in three browser contexts — a co-chair and the delegations of
// Norway and Tuvalu. The co-chair fixes Rev.0, streamlines (merges Annex B Options 1
// and 2, regroups two brackets of G Option 4) and makes Rev.1; the delegations see each
// step as it happens, signed in the document log, and compare Rev.0 with Rev.1. Then
// Norway proposes the eight-year period, Tuvalu supports, the co-chair accepts it and
// turns the agreed [2013 to 2020] into clean text — undoing and redoing that step with
// Ctrl+Z, both logged — and makes Rev.2, which Norway compares with Rev.1; the bracket
// history in the co-chair's editor shows the three revisions and the draft.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { logEntries, type LogEntry } from '../../shared/proposals/log-entry.ts'
import { readScenario } from '../../shared/model/scenario.ts'
import { readSharedScenario, writeSharedScenario } from '../../shared/document/model-state.ts'
import { negotiationDocText } from '../../shared/document/negotiation-doc.ts'
import { browserSuite, connectYClient, saveScreenshot, templateFile } from './browser-fixture.ts'
import { proposalsRoom } from '../../shared/document/proposals-room.ts'

const title = 'Non-paper (AWG-KP)'
const suite = browserSuite(async (server) => {
  // Doha's decisions, but the period is still open.
  const { token } = await server.account('co-chair')
  const client = await connectYClient(server.url, 'non-paper', token)
  const doha = readScenario(templateFile('doha.json'))
  const resolutions: Record<string, string> = { ...doha.resolutions }
  delete resolutions.g39
  writeSharedScenario(client.doc, { ...doha, resolutions })
  await client.stored()
  client.close()
})

const person = (role: string, party?: string) => suite.person(role, party, { open: title })

/** The log as an observer's client reads it now, oldest first. */
async function storedLog(): Promise<LogEntry[]> {
  const client = await connectYClient(
    suite.server.url,
    'non-paper/proposals',
    (await suite.server.account('observer')).token,
  )
  const log = logEntries(proposalsRoom(client.doc).log.toJSON() as Record<string, LogEntry>)
  client.close()
  return log
}

const logLines = (page: Page) => page.locator('.log-panel .log-line').allTextContents()

async function makeRevision(page: Page, name?: string): Promise<void> {
  await page.getByRole('link', { name: 'Revisions' }).click()
  await page.locator('.revisions-page[data-ready="true"]').waitFor()
  if (name) await page.getByLabel('Revision name').fill(name)
  await page.getByRole('button', { name: 'Make revision' }).click()
  await page
    .locator(`tr[data-revision="${name ?? 'Rev.1'}"]`)
    .first()
    .waitFor()
}

async function backToEditor(page: Page): Promise<void> {
  await page.getByRole('button', { name: '← Editor' }).click()
  await page.locator('.editor-page[data-ready="true"]').waitFor({ timeout: 20_000 })
}

async function compare(page: Page, from: string, to: string) {
  await page.getByRole('link', { name: 'Revisions' }).click()
  await page.locator('.revisions-page[data-ready="true"]').waitFor()
  await page.getByLabel('Compare from').selectOption(from)
  await page.getByLabel('Compare to').selectOption(to)
  await page.getByRole('button', { name: 'Compare' }).click()
  const comparison = page.locator('.comparison')
  await expect.poll(() => comparison.locator('h2').textContent(), { timeout: 5000 }).toBe(`${from} → ${to}`)
  return comparison
}

describe('a negotiation round in three browsers', () => {
  it(
    'Rev.0 → streamlined Rev.1 → partly resolved Rev.2, every step attributed and compared',
    { timeout: 150_000 },
    async () => {
      const chair = await person('co-chair')
      const norway = await person('delegation', 'Norway')
      const tuvalu = await person('delegation', 'Tuvalu')
      // Rev.0 is the text as tabled, recorded when the template was imported.

      // Streamlining: Annex B Option 2 merged into Option 1.
      const optionsOfA = (page: Page) =>
        page.locator('.option-card[data-id="o1"]').locator('xpath=..').locator(':scope > .option-card').count()
      expect(await optionsOfA(norway.page)).toBe(5)
      // Delegations see no streamlining tools; the co-chair has them on every option.
      expect(await norway.page.locator('.option-tools').count()).toBe(0)
      await saveScreenshot(
        chair.page,
        'walkthrough-option-tools',
        chair.page.locator('.option-card[data-id="o2"] > .option-header'),
      )
      await chair.page.locator('.option-card[data-id="o2"] .option-merge').click()
      const pick = chair.page.getByRole('dialog')
      expect(await pick.getByRole('heading').textContent()).toBe('Merge Option 2 into…')
      await pick.getByRole('button', { name: 'Option 1', exact: true }).click()
      for (const page of [chair.page, norway.page, tuvalu.page]) {
        await expect.poll(() => page.locator('.option-card[data-id="o2"]').count(), { timeout: 5000 }).toBe(0)
        await expect.poll(() => optionsOfA(page)).toBe(4)
      }
      // The options after it renumbered: the old Option 3 is Option 2 now, for everyone.
      await expect
        .poll(() => tuvalu.page.locator('.option-card[data-id="o3"] .option-title').textContent())
        .toBe('Option 2')
      await expect
        .poll(() => norway.page.locator('.log-panel .log-line').first().textContent(), { timeout: 5000 })
        .toContain(`${chair.username} merged Option 2 into Option 1 of section A`)

      // Regroup: the two insertions of G Option 4 become alternatives of one group.
      await chair.page.locator('.bracket-group[data-id="g49"] .alternative-text').first().click()
      const regroupButton = chair.page.getByRole('button', {
        name: /^Regroup \[the adequacy of .* in paragraph 9 bis with the next bracket \[further\]/,
      })
      await regroupButton.waitFor()
      await saveScreenshot(chair.page, 'walkthrough-choice-bar', chair.page.locator('.choice-bar'))
      await regroupButton.click()
      for (const page of [chair.page, tuvalu.page]) {
        await expect.poll(() => page.locator('.bracket-group[data-id="g50"]').count(), { timeout: 5000 }).toBe(0)
        expect(await page.locator('.bracket-group[data-id="g49"] > .alternative').count()).toBe(2)
      }
      await saveScreenshot(tuvalu.page, 'walkthrough-streamlined-log', tuvalu.page.locator('.log-panel'))
      await makeRevision(chair.page)
      await backToEditor(chair.page)

      // Tuvalu compares Rev.0 with Rev.1: the merge, the removed group, and the signed steps.
      const first = await compare(tuvalu.page, 'Rev.0', 'Rev.1')
      expect(await first.locator('.finding-merged li').allTextContents()).toEqual([
        expect.stringContaining('Option 2 merged into Option 1, '),
      ])
      const steps1 = await first.locator('.finding-steps li').allTextContents()
      expect(steps1).toHaveLength(2)
      expect(steps1[0]).toContain(`${chair.username} merged Option 2 into Option 1 of section A`)
      expect(steps1[1]).toContain(
        `${chair.username} regrouped [the adequacy of commitments and actions under A…] and [further] in paragraph 9 bis as alternatives`,
      )
      await saveScreenshot(tuvalu.page, 'walkthrough-rev0-rev1')
      await backToEditor(tuvalu.page)

      // Rev.2: Norway proposes [2013 to 2020], Tuvalu supports, the co-chair accepts.
      await norway.page.locator('.alternative[data-id="g39.2"] > .bracket.open').click()
      await norway.page.getByRole('dialog').getByRole('button', { name: 'Propose' }).click()
      const card = (page: Page) => page.locator('.proposals-open .proposal-card[data-party="Norway"]')
      await card(tuvalu.page).locator('.proposal-support').click()
      await expect
        .poll(() => card(chair.page).locator('.proposal-counts').textContent(), { timeout: 5000 })
        .toBe('Support 1 (Tuvalu) · Object 0')
      await card(chair.page).locator('.proposal-accept').click()
      await expect
        .poll(() => chair.page.locator('.amounts-period').textContent(), { timeout: 5000 })
        .toContain('2013–2020, 8 years')

      // The agreed period becomes clean text; Ctrl+Z takes the step back and Ctrl+Shift+Z does it again.
      await chair.page.locator('.alternative[data-id="g39.2"] .alternative-text').click()
      await chair.page
        .getByRole('button', {
          name: 'Accept the chosen alternative of [2013 to 2017][2013 to 2020] in paragraph 7 bis as clean text, removing its brackets',
        })
        .click()
      await expect.poll(() => norway.page.locator('.bracket-group[data-id="g39"]').count(), { timeout: 5000 }).toBe(0)
      await expect.poll(() => norway.page.locator('.amounts-period').textContent()).toContain('2013–2020, 8 years')
      await chair.page.locator('.ProseMirror .heading').first().click()
      await chair.page.keyboard.press('Control+z')
      await expect.poll(() => norway.page.locator('.bracket-group[data-id="g39"]').count(), { timeout: 5000 }).toBe(1)
      await chair.page.keyboard.press('Control+Shift+z')
      await expect.poll(() => norway.page.locator('.bracket-group[data-id="g39"]').count(), { timeout: 5000 }).toBe(0)
      await expect.poll(() => chair.page.locator('.amounts-period').textContent()).toContain('2013–2020, 8 years')
      await expect.poll(() => logLines(norway.page).then((l) => l.length), { timeout: 5000 }).toBe(6)
      const lines = await logLines(norway.page)
      expect(lines[0]).toContain(`${chair.username} redid: accepted [2013 to 2020] in paragraph 7 bis as clean text`)
      expect(lines[1]).toContain(`${chair.username} undid: accepted [2013 to 2020] in paragraph 7 bis as clean text`)
      expect(lines[2]).toContain(`${chair.username} accepted [2013 to 2020] in paragraph 7 bis as clean text`)
      expect(lines[2]).toContain('the accepted text [2013 to 2020] fixes the second commitment period at 2013–2020')
      expect(lines[3]).toContain(
        `${chair.username} accepted Norway’s proposal: choose [2013 to 2020] in paragraph 7 bis`,
      )
      await saveScreenshot(norway.page, 'walkthrough-rev2-log', norway.page.locator('.log-panel'))
      await makeRevision(chair.page, 'Rev.2')

      // In the editor, the bracket history: what remained open at each revision and now.
      await backToEditor(chair.page)
      await chair.page.locator('.bracket-history-section > summary').click()
      const chart = chair.page.locator('.bracket-history-section svg.bracket-history')
      await expect
        .poll(() => chart.locator('.chart-head').allTextContents(), { timeout: 5000 })
        .toEqual(['Rev.0', 'Rev.1', 'Rev.2', 'Draft'])
      const totals = (await chart.locator('.chart-total .chart-number').allTextContents()).map(Number)
      // Brackets open at Rev.1 and Rev.2: the period proposal closed g39, which then left the text.
      expect(totals[4]).toBe(totals[2] - 1)
      await saveScreenshot(chair.page, 'walkthrough-bracket-history', chair.page.locator('.bracket-history-section'))

      // Norway compares Rev.1 with Rev.2: its accepted proposal, the bracket gone, the steps.
      const second = await compare(norway.page, 'Rev.1', 'Rev.2')
      expect(await second.locator('.finding-accepted li').allTextContents()).toEqual([
        expect.stringContaining(`Norway: choose [2013 to 2020] in paragraph 7 bis (accepted by ${chair.username})`),
      ])
      expect(await second.locator('.finding-removed li').allTextContents()).toEqual([
        expect.stringMatching(/^\[2013 to 2017\]\[2013 to 2020\], .*— accepted as clean text$/),
      ])
      const steps2 = await second.locator('.finding-steps li').allTextContents()
      expect(steps2.map((s) => s.replace(/ \([^()]*\)$/, ''))).toEqual([
        `${chair.username} accepted Norway’s proposal: choose [2013 to 2020] in paragraph 7 bis`,
        `${chair.username} accepted [2013 to 2020] in paragraph 7 bis as clean text`,
        `${chair.username} undid: accepted [2013 to 2020] in paragraph 7 bis as clean text`,
        `${chair.username} redid: accepted [2013 to 2020] in paragraph 7 bis as clean text`,
      ])
      expect(await second.locator('.compare-row.changed').count()).toBeGreaterThan(0)
      await saveScreenshot(norway.page, 'walkthrough-rev1-rev2')

      // The stored record: the text and model as the three saw them, the log signed by the chair.
      const log = await storedLog()
      expect(log.map((e) => [e.op, e.by])).toEqual([
        ['merge-options', chair.username],
        ['regroup-brackets', chair.username],
        ['accept-proposal', chair.username],
        ['accept-bracket-text', chair.username],
        ['undo', chair.username],
        ['redo', chair.username],
      ])
      expect(log[4].of).toBe(log[3].id)
      expect(log[5].of).toBe(log[3].id)
      const text = await connectYClient(suite.server.url, 'non-paper', (await suite.server.account('observer')).token)
      expect(negotiationDocText(text.doc)).toContain('commitment period, from 2013 to 2020, the assigned amount')
      expect(readSharedScenario(text.doc).values['cp2.period']).toEqual({ start: 2013, end: 2020 })
      expect(readSharedScenario(text.doc).resolutions.g39).toBeUndefined()
      text.close()
    },
  )
})
