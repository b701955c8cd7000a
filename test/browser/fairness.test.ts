// The fairness panel in Debian's chromium against a real server process: the
// income/cut yardstick of the document's inscriptions as a chart, the selected
// Party highlighted (a delegation's own by default), Frankel's suggestion beside
// each inscription, and ARTICLE 2's entry-into-force status from the acceptance list.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { writeSharedAcceptances } from '../../shared/document/acceptances.ts'
import { readScenario } from '../../shared/model/scenario.ts'
import { writeSharedScenario } from '../../shared/document/model-state.ts'
import { parsePartyTable } from '../../shared/parties/index.ts'
import { negotiationFrankel, negotiationYardstick } from '../../shared/yardsticks/negotiation.ts'
import { formatPercent } from '../../client/format/number-format.ts'
import { shippedData } from '../yardsticks/shipped-data.ts'
import {
  browserSuite,
  connectYClient,
  openDocument,
  repoRoot,
  saveScreenshot,
  templateFile,
} from './browser-fixture.ts'

const title = 'Non-paper (AWG-KP)'
const parties = parsePartyTable(
  readFileSync(path.join(repoRoot, 'templates/parties/parties.csv'), 'utf8'),
  'parties.csv',
).parties
const suite = browserSuite()

const pageFor = async (role: string, party?: string) => (await suite.person(role, party, { height: 1100 })).page

const acceptances = ['Norway', 'Monaco', 'Switzerland', 'Tuvalu', 'Mexico'].map((party, i) => ({
  party,
  date: `2015-0${i + 1}-15`,
  annexI: i < 3,
}))

/** A second co-chair writes Doha's inscriptions and five acceptances into the text room. */
async function enterDohaAndAcceptances(): Promise<void> {
  const client = await connectYClient(suite.server.url, 'non-paper', (await suite.server.account('co-chair')).token)
  const doha = readScenario(templateFile('doha.json'))
  writeSharedScenario(client.doc, { resolutions: { o21: 'chosen' }, values: {}, inscriptions: doha.inscriptions })
  writeSharedAcceptances(client.doc, acceptances)
  await client.stored()
  client.close()
}

describe('the fairness panel', () => {
  it(
    'draws the yardstick of the document’s inscriptions with Norway’s delegation highlighted, and follows the select box',
    { timeout: 60_000 },
    async () => {
      await enterDohaAndAcceptances()
      const page = await pageFor('delegation', 'Norway')
      await openDocument(page, title)
      const panel = page.locator('.fairness-panel')
      // The oracle: the shared yardstick on the same inscriptions.
      const cells = Object.fromEntries(Object.entries(readScenario(templateFile('doha.json')).inscriptions))
      const expected = negotiationYardstick(shippedData, cells, parties).yardstick!
      await expect
        .poll(() => panel.locator('.yardstick-chart .point').count(), { timeout: 15_000 })
        .toBe(expected.line.n)
      expect(expected.line.n).toBe(37)
      expect(await panel.locator('.yardstick-chart .fitted-line').count()).toBe(1)
      expect(await panel.locator('.yardstick-stats').textContent()).toBe(
        `slope ${expected.cutPer10PercentIncome.toFixed(2)} % cut per 10 % income · R² ${expected.line.rSquared.toFixed(2)} · n 37`,
      )
      // A delegation's own Party is selected by default.
      expect(await panel.locator('.party-select').inputValue()).toBe('Norway')
      expect(await panel.locator('.yardstick-chart .point.selected').getAttribute('data-party')).toBe('Norway')
      expect(await panel.locator('.yardstick-chart .point.selected circle').getAttribute('r')).toBe('6')
      const norwayRow = expected.rows.find((r) => r.party === 'Norway')!
      expect(await panel.locator('.selected-party').textContent()).toContain(
        `${Math.abs(norwayRow.distancePercent).toFixed(1)} points ${norwayRow.distancePercent >= 0 ? 'above' : 'below'} the line`,
      )

      // Frankel's suggestion beside the inscription.
      const frankel = negotiationFrankel(shippedData, cells, parties, { start: 2013, end: 2020 })
      const norway = frankel.suggestions.find((s) => s.party === 'Norway')!
      const row = panel.locator('.frankel-table tr[data-party="Norway"]')
      expect(await row.getAttribute('class')).toBe('selected')
      // No period is chosen in the text yet: Frankel is read over Doha's 2013–2020.
      expect(await panel.locator('.frankel-table caption').textContent()).toBe('QELRC, % of base year, 2013–2020')
      expect(await row.locator('td').allTextContents()).toEqual([
        '84.0',
        formatPercent(norway.suggestedQelrc!),
        `${norwayRow.distancePercent >= 0 ? '+' : '−'}${formatPercent(Math.abs(norwayRow.distancePercent))}`,
      ])

      await panel.locator('.party-select').selectOption('Ukraine')
      expect(await panel.locator('.yardstick-chart .point.selected').count()).toBe(1)
      expect(await panel.locator('.yardstick-chart .point.selected').getAttribute('data-party')).toBe('Ukraine')
      expect(await panel.locator('.yardstick-chart .point[data-party="Norway"] circle').getAttribute('r')).toBe('3.5')
      expect(await panel.locator('.yardstick-chart .point-label').textContent()).toBe('Ukraine')
      expect(await panel.locator('.frankel-table tr.selected').getAttribute('data-party')).toBe('Ukraine')
      await panel.locator('.yardstick-chart').scrollIntoViewIfNeeded()
      await saveScreenshot(page, 'fairness-panel', panel)
      await page.close()
    },
  )

  it(
    'shows ARTICLE 2’s entry-into-force status in the panel and beside its heading, live as acceptances arrive',
    { timeout: 60_000 },
    async () => {
      const page = await pageFor('observer')
      await openDocument(page, title)
      const status = page.locator('.entry-into-force')
      const option1 = status.locator('tr[data-option="1"]')
      await expect.poll(() => option1.locator('.accepted').textContent(), { timeout: 15_000 }).toBe('5')
      expect(await option1.locator('.threshold').textContent()).toBe('144')
      expect(await option1.locator('.missing').textContent()).toBe('139')
      expect(await option1.locator('th').textContent()).toBe('Option 1 (chosen)')
      expect(await status.locator('tr[data-option="2"] .date').textContent()).toBe('provisional since 2013-01-01')
      // The badge sits inside ARTICLE 2's heading in the text.
      const badge = page.locator('.ProseMirror .eif-badge')
      expect(await badge.count()).toBe(1)
      expect(await badge.textContent()).toBe('Option 1: 5 of 144 acceptances, 139 missing')
      expect(await badge.evaluate((b) => b.parentElement!.textContent)).toContain('ENTRY INTO FORCE')

      // A co-chair records a sixth instrument: the status follows without a reload.
      const client = await connectYClient(suite.server.url, 'non-paper', (await suite.server.account('co-chair')).token)
      writeSharedAcceptances(client.doc, [{ party: 'Japan', date: '2016-01-01', annexI: true }])
      await expect.poll(() => option1.locator('.accepted').textContent(), { timeout: 15_000 }).toBe('6')
      expect(await badge.textContent()).toBe('Option 1: 6 of 144 acceptances, 138 missing')
      client.close()

      await status.getByRole('button', { name: 'Go to ARTICLE 2' }).click()
      await expect.poll(() => badge.isVisible()).toBe(true)
      await saveScreenshot(page, 'fairness-entry-into-force')
      await page.close()
    },
  )
})
