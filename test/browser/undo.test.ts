// Undo that tells the truth, in Debian's chromium against a real server: undoing "Accept as
// clean text" brings the bracket back as the model has it (resolved, its choice marked), Ctrl+Z
// works straight after a toolbar button, and setting X is one logged step.
import { describe, expect, it } from 'vitest'
import type { LogEntry } from '../../shared/proposals/log-entry.ts'
import { proposalsRoom } from '../../shared/document/proposals-room.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { browserSuite, connectYClient, saveScreenshot } from './browser-fixture.ts'

const title = 'Non-paper (AWG-KP)'
const suite = browserSuite()

/** What an observer's client reads in `room` now. */
async function observe<T>(room: string, read: (doc: import('yjs').Doc) => T): Promise<T> {
  const client = await connectYClient(suite.server.url, room, (await suite.server.account('observer')).token)
  try {
    return read(client.doc)
  } finally {
    client.close()
  }
}

describe('undo that tells the truth', () => {
  it(
    'undoing Accept as clean text, with Ctrl+Z straight after the button, shows the bracket as the model has it',
    { timeout: 60_000 },
    async () => {
      const { page } = await suite.person('co-chair', undefined, { open: title })
      const group = page.locator('.bracket-group[data-id="g39"]')
      await page.locator('.alternative[data-id="g39.2"] > .bracket.open').click()
      await expect.poll(() => group.getAttribute('data-state')).toBe('resolved')
      await page.locator('.alternative[data-id="g39.2"] .alternative-text').click()
      await page
        .getByRole('button', { name: /^Accept the chosen alternative of \[2013 to 2017\]\[2013 to 2020\]/ })
        .click()
      await expect.poll(() => group.count(), { timeout: 5000 }).toBe(0)

      // The focus is back in the text: Ctrl+Z right away takes the step back.
      expect(await page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true)
      await page.keyboard.press('Control+z')
      await expect.poll(() => group.count(), { timeout: 5000 }).toBe(1)
      const resolution = await observe('non-paper', (doc) => textRoom(doc).resolutions.get('g39'))
      expect(resolution).toBe('g39.2')
      await expect.poll(() => group.getAttribute('data-state'), { timeout: 2000 }).toBe('resolved')
      expect(await page.locator('.alternative[data-id="g39.2"]').getAttribute('class')).toContain('chosen')
      expect(await page.locator('.alternative[data-id="g39.1"]').getAttribute('class')).toContain('rejected')
      await expect.poll(() => page.locator('.amounts-period').textContent()).toContain('2013–2020, 8 years')
      await saveScreenshot(page, 'undo-accept-shows-resolved', page.locator('.editor-slot'))
      await page.close()
    },
  )

  it('setting X with Enter, then leaving the field, is one step in the log', { timeout: 60_000 }, async () => {
    const { page } = await suite.person('co-chair', undefined, { open: title })
    const field = page.locator('.placeholder[data-name="X"] .placeholder-input').first()
    await field.fill('30')
    await field.press('Enter')
    await field.press('Tab')
    await page.locator('.ProseMirror .heading').first().click()
    // A later step proves nothing more was logged for X: the entries are in order.
    await page.locator('.alternative[data-id="g40.2"] > .bracket.open').click()
    await expect
      .poll(
        () =>
          page
            .locator('.log-panel .log-line')
            .allTextContents()
            .then((l) => l.slice(0, 2)),
        {
          timeout: 5000,
        },
      )
      .toEqual([expect.stringContaining('chose [eight] in paragraph 7 bis'), expect.stringContaining('set X to 30')])
    const entries = await observe('non-paper/proposals', (doc) =>
      Object.values(proposalsRoom(doc).log.toJSON() as Record<string, LogEntry>),
    )
    expect(entries.filter((e) => e.op === 'value' && e.ids[0] === 'X')).toHaveLength(1)
    await page.close()
  })
})
