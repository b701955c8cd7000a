// The room's screen, in Debian's chromium against a real server: a co-chair makes a projection
// link and presents; the projection page follows the presenter's caret paragraph by paragraph
// within a second, with line numbers and open brackets counted, cannot edit and has no control,
// stays live and keeps its place through the presenter's reload, and goes dark when revoked.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserSuite, saveScreenshot } from './browser-fixture.ts'

const title = 'Non-paper (AWG-KP)'
const suite = browserSuite()

/**
 * Clicks into the paragraph starting with `words`; the screen must highlight it within a second.
 * Returns the latency from the presenter's caret move to the screen's highlight, by the two pages' clocks (ms).
 */
async function present(presenter: Page, screen: Page, words: string): Promise<number> {
  await presenter.locator('.ProseMirror p', { hasText: words }).first().click()
  await expect.poll(() => presentedWords(screen), { timeout: 1000, interval: 20 }).toContain(words)
  const page = screen.locator('.projection-page')
  return Number(await page.getAttribute('data-shown-at')) - Number(await page.getAttribute('data-moved-at'))
}

/** The presented paragraph's words as read aloud: the line numbers in its margin are not part of the text. */
function presentedWords(screen: Page): Promise<string> {
  return screen
    .locator('.presented')
    .first()
    .evaluate((block) => {
      const copy = block.cloneNode(true) as HTMLElement
      for (const number of copy.querySelectorAll('.line-number')) number.remove()
      return copy.textContent ?? ''
    })
}

describe('the projection', () => {
  it(
    'follows the presenter within a second, cannot edit, survives the presenter’s reload, goes dark when revoked',
    { timeout: 120_000 },
    async () => {
      const chair = await suite.person('co-chair', undefined, { open: title })
      // Honest headlines in the same room: nothing inscribed yet, so no aggregate and no total.
      expect(await chair.page.locator('.aggregate-line').textContent()).toContain('0 of 40 Parties inscribed')
      expect(await chair.page.locator('.amounts-table tfoot .amount').textContent()).toBe('—')

      await chair.page.getByRole('button', { name: 'Projection…' }).click()
      const dialog = chair.page.getByRole('dialog')
      await dialog.getByRole('button', { name: 'New projection link' }).click()
      const address = await dialog.getByLabel('Projection address').inputValue()
      expect(address).toMatch(/\/#\/projection\/[A-Za-z0-9_-]{40,}$/)
      await dialog.getByRole('button', { name: 'Close' }).click()
      await chair.page.getByRole('button', { name: 'Present', exact: true }).click()
      expect(await chair.page.getByRole('button', { name: 'Present', exact: true }).getAttribute('aria-pressed')).toBe(
        'true',
      )

      const screen = await (await suite.browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage()
      await screen.goto(address)
      await screen.locator('.projection-page[data-ready="true"]').waitFor({ timeout: 20_000 })
      expect(await screen.locator('.line-number').count()).toBeGreaterThan(400)
      expect(await screen.locator('button, input, select, textarea, a[href]').count()).toBe(0)

      const first = await present(chair.page, screen, '7 bis. In the second quantified')
      const footer = screen.locator('.projection-where')
      await expect
        .poll(() => footer.textContent())
        .toMatch(/^paragraph 7 bis, lines \d+–\d+: 3 brackets open here · section D: \d+ brackets and 3 options open$/)
      expect(await screen.locator('.projection-status').textContent()).toBe(`Presented by ${chair.username}`)
      await screen.waitForTimeout(800) // the scroll is smooth: let it settle for the picture
      await saveScreenshot(screen, 'projection-7-bis')
      const second = await present(chair.page, screen, '1 ter. The quantified emission limitation')
      expect(Math.max(first, second)).toBeLessThan(1000)

      // Live: a choice made in the editor shows on the screen, and the paragraph counts one bracket fewer.
      await present(chair.page, screen, '7 bis. In the second quantified')
      await chair.page.locator('.alternative[data-id="g39.2"] > .bracket.open').click()
      await expect.poll(() => screen.locator('.alternative[data-id="g39.2"]').getAttribute('class')).toContain('chosen')
      await expect.poll(() => screen.locator('.presented').getAttribute('data-open-brackets')).toBe('2')

      // The screen cannot edit: its typing goes nowhere, while the presenter's typing arrives.
      expect(await screen.locator('.ProseMirror').getAttribute('contenteditable')).toBe('false')
      await screen.locator('.presented').click()
      await screen.keyboard.type('SCREEN TYPED')
      await chair.page.locator('.ProseMirror p', { hasText: '7 bis. In the second quantified' }).first().click()
      await chair.page.keyboard.press('End')
      await chair.page.keyboard.type(' PRESENTER TYPED')
      await expect.poll(() => presentedWords(screen), { timeout: 5000 }).toContain('PRESENTER TYPED')
      expect(await screen.locator('.ProseMirror').textContent()).not.toContain('SCREEN TYPED')

      // The presenter reloads: the screen keeps its place, then follows again.
      await chair.page.reload()
      await expect
        .poll(() => screen.locator('.projection-status').textContent(), { timeout: 10_000 })
        .toBe('The presenter is reconnecting; the text stays live.')
      expect(await presentedWords(screen)).toContain('7 bis. In the second quantified')
      await chair.page.locator('.editor-page[data-ready="true"]').waitFor({ timeout: 20_000 })
      expect(await chair.page.getByRole('button', { name: 'Present', exact: true }).getAttribute('aria-pressed')).toBe(
        'true',
      )
      await present(chair.page, screen, '1 ter. The quantified emission limitation')
      expect(await screen.locator('.projection-status').textContent()).toBe(`Presented by ${chair.username}`)

      // Revoked from the editor: the screen goes dark.
      await chair.page.getByRole('button', { name: 'Projection…' }).click()
      await chair.page.getByRole('dialog').locator('.projection-revoke').first().click()
      await expect
        .poll(() => screen.locator('.projection-status').textContent(), { timeout: 5000 })
        .toBe('This projection link was revoked.')
      await screen.close()
      await chair.page.close()
    },
  )
})
