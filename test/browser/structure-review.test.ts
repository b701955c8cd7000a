// Structure review in Debian's chromium against a real server: a co-chair makes the
// non-paper's introductory paragraph an option and reads the placeholder R as text, from
// the choice bar at the caret; both are logged; Ctrl+Z takes the second back (R is a
// placeholder again, the option stays), and an observer's client reads the same.
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { readNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { indexDocument } from '../../shared/model/document-index.ts'
import { browserSuite, connectYClient, saveScreenshot } from './browser-fixture.ts'

const title = 'Non-paper (AWG-KP)'
const suite = browserSuite()

/** What an observer's client reads in the text room now. */
async function observe<T>(read: (doc: Y.Doc) => T): Promise<T> {
  const client = await connectYClient(suite.server.url, 'non-paper', (await suite.server.account('observer')).token)
  try {
    return read(client.doc)
  } finally {
    client.close()
  }
}

// The options the text holds, each with its words.
const optionWords = (doc: Y.Doc) => {
  const out: string[] = []
  readNegotiationDoc(doc).descendants((node) => {
    if (node.type.name === 'option') out.push(node.textContent)
    return node.type.name !== 'option'
  })
  return out
}
const placeholders = (doc: Y.Doc) => [...indexDocument(readNegotiationDoc(doc)).placeholders.keys()]

describe('structure review', () => {
  it(
    'a co-chair makes a paragraph an option, reads a placeholder as text, and undoes that',
    { timeout: 90_000 },
    async () => {
      const { page } = await suite.person('co-chair', undefined, { open: title })
      const before = await observe(optionWords)
      const intro = page.locator('.ProseMirror p', { hasText: 'This non-paper is a compilation' })
      await intro.click()
      // Typing moves the caret but not its paragraph (the bar is not redrawn): the tool acts
      // where the caret is when it is pressed — from the old place, three characters past
      // this paragraph's end, it made the next paragraph the option.
      const end = await intro.evaluate((p) => {
        const range = document.createRange()
        range.selectNodeContents(p)
        const last = [...range.getClientRects()].pop()!
        return { x: last.right - 2, y: last.top + last.height / 2 }
      })
      await page.mouse.click(end.x, end.y)
      await page.keyboard.press('End')
      for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace')
      const bar = page.locator('.choice-bar')
      await bar.getByRole('button', { name: /^Make “This non-paper is a compil.*” an option$/ }).click()
      const card = page.locator('.option-card', { hasText: 'This non-paper is a compilation' })
      await expect.poll(() => card.count(), { timeout: 5000 }).toBe(1)
      await expect.poll(() => observe(optionWords), { timeout: 5000 }).toHaveLength(before.length + 1)
      expect((await observe(optionWords))[0]).toContain('This non-paper is a compilation')

      // The placeholder R of Article 3: selected by a click on its letter.
      const r = page.locator('.placeholder[data-id="p10"]')
      await r.locator('.placeholder-name').click()
      await bar.getByRole('button', { name: /^Read R in .* as text, not a placeholder$/ }).click()
      await expect.poll(() => r.count(), { timeout: 5000 }).toBe(0)
      await expect.poll(() => observe(placeholders), { timeout: 5000 }).not.toContain('p10')
      const log = page.locator('.log-panel .log-line')
      await expect
        .poll(() => log.allTextContents().then((l) => l.slice(0, 2)), { timeout: 5000 })
        .toEqual([
          expect.stringMatching(/read R in .* as text, not a placeholder/),
          expect.stringContaining('made “This non-paper is a compilation'),
        ])

      // Ctrl+Z takes back the last step only.
      await page.locator('.ProseMirror .heading').first().click()
      await page.keyboard.press('Control+z')
      await expect.poll(() => r.count(), { timeout: 5000 }).toBe(1)
      await expect.poll(() => observe(placeholders), { timeout: 5000 }).toContain('p10')
      expect(await card.count()).toBe(1)
      const after = await observe(optionWords)
      expect(after).toHaveLength(before.length + 1)
      expect(after[0]).toContain('This non-paper is a compilation')
      await expect
        .poll(() => log.first().textContent(), { timeout: 5000 })
        .toMatch(/undid: read R in .* as text, not a placeholder/)
      expect(await card.locator('.option-title').textContent()).toBe('Option (no label)')
      // At the caret in the new option, the review tools offer to read it as text again.
      await intro.click()
      await bar
        .getByRole('group', { name: 'Structure review' })
        .getByRole('button', { name: 'Not an option' })
        .waitFor()
      // The option's proposal list is empty: hidden, it takes no room (it stood as a blank row).
      const emptyLists = bar.locator('.proposal-list[hidden]')
      expect(await emptyLists.count()).toBeGreaterThan(0)
      for (const list of await emptyLists.all()) expect(await list.boundingBox()).toBeNull()
      await saveScreenshot(page, 'structure-review', page.locator('.editor-page'))
      await page.close()
    },
  )
})
