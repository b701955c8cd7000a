/**
 * The built editor under its Content-Security-Policy, in real Chromium: two co-chairs
 * log in through the login page, open the template, one selects text (the other then
 * draws that selection and caret: y-prosemirror's decorations carry colours as `style`,
 * which prosemirror-view applies through CSSOM, allowed under `style-src 'self'`), both
 * visit the revisions page — and no page reports a CSP violation. The page really is served with the strict policy, and the sync
 * socket's URL carries no token.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserSuite, logInThroughPage, openDocument, saveScreenshot } from './browser-fixture.ts'

const suite = browserSuite()
const title = 'Non-paper (AWG-KP)'

/** A page that records every CSP violation and every sync socket URL it opens. */
async function watchedPage(): Promise<{ page: Page; violations: string[]; sockets: string[] }> {
  const context = await suite.browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  const violations: string[] = []
  const sockets: string[] = []
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation(t: string): void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
      ),
    )
  })
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  page.on('websocket', (ws) => sockets.push(ws.url()))
  return { page, violations, sockets }
}

describe('the editor under the Content-Security-Policy', () => {
  it(
    'works with no violation reported, and its sync sockets carry no token in the URL',
    { timeout: 120_000 },
    async () => {
      const a = await suite.server.account('co-chair')
      const b = await suite.server.account('co-chair')
      const first = await watchedPage()
      const second = await watchedPage()
      const response = await first.page.goto(suite.server.url)
      const csp = response!.headers()['content-security-policy']
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain("style-src 'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      await logInThroughPage(first.page, suite.server.url, a.username, a.password)
      await logInThroughPage(second.page, suite.server.url, b.username, b.password)
      await openDocument(first.page, title)
      await openDocument(second.page, title)
      // The second co-chair selects a word; the first draws that selection and caret.
      await second.page.locator('.ProseMirror p').first().click()
      await second.page.keyboard.press('Home')
      await second.page.keyboard.press('Shift+End')
      await first.page.locator('.remote-caret').first().waitFor({ timeout: 20_000 })
      await first.page.locator('.ProseMirror-yjs-selection').first().waitFor({ timeout: 20_000 })
      await saveScreenshot(first.page, 'csp-editor-remote-selection')
      for (const { page } of [first, second]) {
        await page.goto(`${suite.server.url}/#/documents/non-paper/revisions`)
        await page
          .getByRole('heading', { name: /revisions/i })
          .first()
          .waitFor({ timeout: 20_000 })
      }
      expect(first.violations).toEqual([])
      expect(second.violations).toEqual([])
      expect(first.sockets.length).toBeGreaterThan(0)
      for (const url of [...first.sockets, ...second.sockets]) expect(url).not.toMatch(/token/i)
    },
  )
})
