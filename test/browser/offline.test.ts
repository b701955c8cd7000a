// Offline and reconnect, in Debian's chromium against a real server: a co-chair's browser goes
// offline for 60 s (the 'offline' event, as conference Wi-Fi drops) while another co-chair edits;
// the banner says since when; the offline co-chair types, chooses a bracket, and chooses an option
// the other co-chair deletes meanwhile. Back online: both converge, nothing typed is lost, and the
// choice of the deleted option, which the server would refuse, is listed with the reason. Then a
// reload while offline opens the last known state, the unsent typing included, and sends it later.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { textRoom } from '../../shared/document/text-room.ts'
import { browserSuite, connectYClient, saveScreenshot, type YClient } from './browser-fixture.ts'

const title = 'Non-paper (AWG-KP)'
const suite = browserSuite()

/** The element of `fragment` carrying `id`, with its parent. */
function findById(
  parent: Y.XmlFragment | Y.XmlElement,
  id: string,
): { parent: Y.XmlFragment | Y.XmlElement; index: number } | null {
  const children = parent.toArray()
  for (let i = 0; i < children.length; i++) {
    const child = children[i]
    if (!(child instanceof Y.XmlElement)) continue
    if (child.getAttribute('id') === id) return { parent, index: i }
    const inner = findById(child, id)
    if (inner) return inner
  }
  return null
}

/** The text node of the first paragraph whose text starts with `words`. */
function textOf(parent: Y.XmlFragment | Y.XmlElement, words: string): Y.XmlText | null {
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText && child.toString().startsWith(words)) return child
    if (child instanceof Y.XmlElement) {
      const inner = textOf(child, words)
      if (inner) return inner
    }
  }
  return null
}

const plain = (client: YClient) =>
  textRoom(client.doc)
    .text.toString()
    .replace(/<[^>]*>/g, '')

describe('offline and reconnect', () => {
  it(
    'keeps working offline for 60 s, converges on reconnect, lists what the server would refuse, reloads offline',
    { timeout: 240_000 },
    async () => {
      const chair = await suite.person('co-chair', undefined, { open: title })
      const other = await connectYClient(suite.server.url, 'non-paper', (await suite.server.account('co-chair')).token)
      const context = chair.page.context()
      const option = chair.page.locator('.option-card[data-id="o4"]')
      expect(await option.getAttribute('data-state')).not.toBe('chosen')

      await context.setOffline(true)
      const offlineAt = Date.now()
      const banner = chair.page.locator('.offline-banner')
      await expect
        .poll(() => banner.textContent())
        .toMatch(
          /^Offline since \d\d:\d\d(?: [AP]M)? — your changes are kept on this device and sent when the connection is back\.$/,
        )

      // Offline: typing, a bracket chosen, an option chosen.
      await chair.page.locator('.ProseMirror p', { hasText: '7 bis. In the second quantified' }).first().click()
      await chair.page.keyboard.press('End')
      await chair.page.keyboard.type(' OFFLINE-TYPED')
      await chair.page.locator('.alternative[data-id="g39.2"] > .bracket.open').click()
      await option.locator('.option-choose').click()
      await expect.poll(() => option.getAttribute('data-state')).toBe('chosen')

      // Meanwhile the other co-chair types elsewhere and deletes the option the first one chose.
      const text = textRoom(other.doc).text
      textOf(text, 'This non-paper is a compilation')!.insert(0, 'ONLINE-TYPED ')
      const o4 = findById(text, 'o4')!
      o4.parent.delete(o4.index, 1)
      await other.stored()
      expect(textRoom(other.doc).resolutions.get('g39')).toBeUndefined()
      await saveScreenshot(chair.page, 'offline-banner')

      // Sixty seconds offline, then the network is back.
      await chair.page.waitForTimeout(Math.max(0, 60_000 - (Date.now() - offlineAt)))
      expect(await banner.isVisible()).toBe(true)
      await context.setOffline(false)
      await expect.poll(() => banner.isVisible(), { timeout: 15_000 }).toBe(false)

      // Converged: each side has the other's typing; the bracket choice arrived; the option's did not.
      await expect.poll(() => plain(other), { timeout: 10_000 }).toContain('OFFLINE-TYPED')
      await expect
        .poll(() => chair.page.locator('.ProseMirror').textContent(), { timeout: 10_000 })
        .toContain('ONLINE-TYPED')
      expect(textRoom(other.doc).resolutions.get('g39')).toBe('g39.2')
      expect(textRoom(other.doc).resolutions.has('o4')).toBe(false)
      expect(await chair.page.locator('.option-card[data-id="o4"]').count()).toBe(0)
      // Refused items listed, by name and with the reason.
      const setAside = chair.page.locator('.set-aside')
      await expect.poll(() => setAside.isVisible()).toBe(true)
      const items = await setAside.locator('.set-aside-step').allTextContents()
      expect(items).toHaveLength(1)
      expect(items[0]).toMatch(
        /^chose Option \d+ of section [A-Z] \(\d\d:\d\d(?: [AP]M)?\) — not accepted: the change writes a value the document does not accept \(the text no longer has it: it was changed meanwhile\)$/,
      )
      await saveScreenshot(chair.page, 'offline-set-aside')
      await setAside.getByRole('button', { name: 'I have read this' }).click()

      // A reload while offline opens the last known state, the unsent typing included.
      await context.setOffline(true)
      await expect.poll(() => banner.isVisible()).toBe(true)
      await chair.page.locator('.ProseMirror p', { hasText: '7 bis. In the second quantified' }).first().click()
      await chair.page.keyboard.press('End')
      await chair.page.keyboard.type(' TYPED-BEFORE-RELOAD')
      await chair.page.waitForTimeout(300) // y-indexeddb writes each update as it happens: let the write land
      await chair.page.reload()
      await chair.page
        .locator('.editor-page[data-ready="true"]')
        .waitFor({ timeout: 30_000 })
        .catch(async (error) => {
          await saveScreenshot(chair.page, 'offline-reload-failed')
          throw new Error(`${error}; the page says: ${await chair.page.locator('body').textContent()}`)
        })
      expect(await chair.page.locator('.ProseMirror').textContent()).toContain('TYPED-BEFORE-RELOAD')
      expect(await chair.page.locator('.ProseMirror').textContent()).toContain('ONLINE-TYPED')
      expect(await banner.textContent()).toMatch(/^Offline since \d\d:\d\d(?: [AP]M)? — /)
      expect(plain(other)).not.toContain('TYPED-BEFORE-RELOAD')
      await context.setOffline(false)
      await expect.poll(() => plain(other), { timeout: 15_000 }).toContain('TYPED-BEFORE-RELOAD')
      other.close()
      await chair.page.close()
    },
  )
})
