// The revisions page in Debian's chromium against a real server process: a co-chair
// makes Rev.1 from the editor's header link, chooses [2013 to 2020] and types a word in
// the editor, makes Rev.2, compares the two side by side and inline, and reads the
// bracket history chart.
import { describe, expect, it } from 'vitest'
import { browserSuite, saveScreenshot } from './browser-fixture.ts'

const title = 'Non-paper (AWG-KP)'
const suite = browserSuite()

describe('revisions page', () => {
  it(
    'a co-chair makes Rev.1, changes the text, makes Rev.2 and sees the change in the comparison and the chart',
    { timeout: 90_000 },
    async () => {
      const { page, username, token } = await suite.person('co-chair', undefined, { open: title })

      await page.getByRole('link', { name: 'Revisions' }).click()
      await page.locator('.revisions-page[data-ready="true"]').waitFor()
      expect(page.url()).toMatch(/#\/documents\/non-paper\/revisions$/)
      await page.getByRole('button', { name: 'Make revision' }).click()
      await page.locator('tr[data-revision="Rev.1"]').waitFor()
      expect(await page.locator('tr[data-revision="Rev.1"]').textContent()).toContain(username)

      // Back in the editor: a bracket resolved and a word typed.
      await page.getByRole('button', { name: '← Editor' }).click()
      await page.locator('.editor-page[data-ready="true"]').waitFor({ timeout: 20_000 })
      await page.locator('.alternative[data-id="g39.2"] > .bracket.open').click()
      await expect.poll(() => page.locator('.bracket-group[data-id="g39"]').getAttribute('data-state')).toBe('resolved')
      await page.locator('.ProseMirror > p.paragraph').first().click()
      await page.keyboard.press('Home')
      await page.keyboard.type('Streamlined ')
      await expect
        .poll(async () => (await suite.server.api('GET', '/api/documents/non-paper/text', token)).body, {
          timeout: 5000,
        })
        .toContain('Streamlined ')
      await expect
        .poll(
          async () =>
            (await suite.server.api('GET', '/api/documents/non-paper', token)).body.summary.remaining.brackets,
          { timeout: 5000 },
        )
        .toBe(49)

      await page.getByRole('link', { name: 'Revisions' }).click()
      await page.locator('.revisions-page[data-ready="true"]').waitFor()
      await page.getByRole('button', { name: 'Make revision' }).click()
      await page.locator('tr[data-revision="Rev.2"]').waitFor()

      // Compare: Rev.1 with Rev.2 is what the form offers once there are two.
      expect(await page.getByLabel('Compare from').inputValue()).toBe('Rev.1')
      expect(await page.getByLabel('Compare to').inputValue()).toBe('Rev.2')
      await page.getByRole('button', { name: 'Compare' }).click()
      const comparison = page.locator('.comparison[data-layout="side-by-side"]')
      await comparison.waitFor()
      const resolved = await comparison.locator('.finding-resolved li').allTextContents()
      expect(resolved).toHaveLength(1)
      expect(resolved[0]).toContain('[2013 to 2017][2013 to 2020] → [2013 to 2020] chosen, ')
      expect(resolved[0]).not.toContain('g39')
      expect((await comparison.locator('.compare-row.changed ins').allTextContents()).map((t) => t.trim())).toContain(
        'Streamlined',
      )
      expect(await comparison.locator('.compare-counts').textContent()).toContain('Open: 50 → 49 brackets')

      await page.getByLabel('Layout').selectOption('inline')
      const inline = page.locator('.comparison[data-layout="inline"]')
      await inline.waitFor()
      expect((await inline.locator('.compare-line.changed ins').first().textContent())?.trim()).toBe('Streamlined')

      // The chart: one column per revision and the draft; the whole text goes from 50 to 49 open brackets.
      const chart = page.locator('svg.bracket-history')
      expect(await chart.locator('.chart-head').allTextContents()).toEqual(['Rev.0', 'Rev.1', 'Rev.2', 'Draft'])
      expect(await chart.locator('.chart-total .chart-number').allTextContents()).toEqual([
        '50',
        '22',
        '50',
        '22',
        '49',
        '22',
        '49',
        '22',
      ])
      const sectionD = chart.locator('.chart-row', { hasText: 'Article 3, paragraph 7 bis' })
      // Brackets then options per column: Rev.0 (as tabled), Rev.1, Rev.2, the draft.
      const [before, , after] = await sectionD
        .locator('.chart-number')
        .allTextContents()
        .then((n) => [Number(n[2]), 0, Number(n[4])])
      expect(after).toBe(before - 1)

      await saveScreenshot(page, 'revisions-compare')

      // Open Rev.1 read-only: the text as it was, brackets marked.
      await page.locator('tr[data-revision="Rev.1"]').getByRole('button', { name: 'Open' }).click()
      const reader = page.locator('.revision-reader[data-revision="Rev.1"]')
      await reader.waitFor()
      expect(await reader.locator('.reader-text').textContent()).not.toContain('Streamlined')
      expect(await reader.locator('.reader-bracket', { hasText: '[2013 to 2017][2013 to 2020]' }).count()).toBe(0)
      expect(await reader.locator('.reader-bracket', { hasText: '[2013 to 2017]' }).count()).toBeGreaterThan(0)
      await page.context().close()
    },
  )
})
