// Numbers live in the text, in Debian's chromium against a real server: the Annex B cells that
// hold inscriptions show the model's number in every client; a co-chair typing a number in
// Australia's cell sets the inscription (refused at the cell when the model would refuse it),
// the amounts panel follows, and the text itself never holds a copy of the number.
import { describe, expect, it } from 'vitest'
import { textRoom } from '../../shared/document/text-room.ts'
import { browserSuite, connectYClient, saveScreenshot } from './browser-fixture.ts'

const title = 'Non-paper (AWG-KP)'
const suite = browserSuite()

describe('Annex B cells bound to the inscriptions', () => {
  it(
    'a typed cell value reaches the model and the panel; an inscription shows in the cell in a second browser',
    { timeout: 120_000 },
    async () => {
      const chair = await suite.person('co-chair', undefined, { open: title, height: 1300 })
      const second = await suite.person('co-chair', undefined, { open: title })
      const writer = await connectYClient(suite.server.url, 'non-paper', (await suite.server.account('co-chair')).token)
      const inscriptions = textRoom(writer.doc).inscriptions

      // Australia's cell of Option 1's table: a field, empty; the first period's 108 stays text.
      const cell = chair.page.locator('.bound-cell[data-key="cp2/Australia"]').first()
      const field = cell.locator('.bound-input')
      expect(await field.inputValue()).toBe('')
      expect(await field.getAttribute('aria-label')).toBe('Australia’s QELRC for the second period (Annex B)')

      // A co-chair types 99.5 in the cell: the inscription, the panel, the other browser.
      await field.click()
      await field.fill('99.5')
      await field.press('Enter')
      await expect.poll(() => inscriptions.get('cp2/Australia'), { timeout: 10_000 }).toBe(99.5)
      await expect
        .poll(() => chair.page.locator('.amounts-table tr[data-party="Australia"] td').first().textContent())
        .toBe('99.5 %')
      await expect
        .poll(() => second.page.locator('.bound-cell[data-key="cp2/Australia"] .bound-input').first().inputValue(), {
          timeout: 10_000,
        })
        .toBe('99.5')
      // Option 2's table shows the same inscription: one number, in both places.
      expect(await chair.page.locator('.bound-cell[data-key="cp2/Australia"] .bound-input').nth(1).inputValue()).toBe(
        '99.5',
      )
      // The text holds no copy of it.
      expect(textRoom(writer.doc).text.toString()).not.toContain('99.5')
      await expect
        .poll(() => chair.page.locator('.log-panel').textContent())
        .toContain('set Australia’s QELRC for the second period (Annex B) to 99.5 %')

      // A value the model would refuse is refused at the cell; the inscription stays as it was.
      const norway = chair.page.locator('.bound-cell[data-key="cp2/Norway"] .bound-input').first()
      await norway.fill('-3')
      await norway.press('Enter')
      await expect
        .poll(() => chair.page.locator('.message.error').textContent())
        .toContain('must be a number greater than zero')
      expect(await norway.getAttribute('aria-invalid')).not.toBeNull()
      expect(inscriptions.has('cp2/Norway')).toBe(false)

      // An inscription written elsewhere (as an accepted proposal writes it) shows in both browsers' cells.
      inscriptions.set('cp2/Norway', 84)
      for (const page of [chair.page, second.page])
        await expect
          .poll(() => page.locator('.bound-cell[data-key="cp2/Norway"] .bound-input').first().inputValue(), {
            timeout: 10_000,
          })
          .toBe('84')
      // Typing in the cell's own text is refused: the cell takes no text of its own.
      expect(await cell.getAttribute('contenteditable')).toBe('false')
      await cell.scrollIntoViewIfNeeded()
      await saveScreenshot(chair.page, 'annex-b-bound-cells')
      writer.close()
      await chair.page.close()
      await second.page.close()
    },
  )
})
