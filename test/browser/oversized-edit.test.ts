// A single edit over the server's message limit (issue 20, item 9), in Debian's chromium
// against a real server whose limit is 256 KiB: the editor says the edit is too large, goes
// back to the server's text and stays usable — and it does not reconnect and resend the
// edit forever, as it did when the server closed the socket with 1009.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { proposalsRoom } from '../../shared/document/proposals-room.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { browserSuite, connectYClient, logInThroughPage, openDocument } from './browser-fixture.ts'

const title = 'Non-paper (AWG-KP)'
const limit = 256 * 1024
const suite = browserSuite(undefined, { ACCORD_MAX_MESSAGE_BYTES: String(limit) })

/** A co-chair's page that counts the sync sockets it opens. */
async function countingPage(reportedLimit?: number): Promise<{ page: Page; sockets: () => number }> {
  const { username, password } = await suite.server.account('co-chair')
  const context = await suite.browser.newContext({ viewport: { width: 1500, height: 950 } })
  const page = await context.newPage()
  let opened = 0
  page.on('websocket', (ws) => void (ws.url().includes('/sync/') && opened++))
  // A client that believes a larger limit (a stale page, a server reconfigured since): the server has the last word.
  if (reportedLimit !== undefined)
    await page.route('**/api/limits', (route) =>
      route.fulfill({ json: { maxMessageBytes: reportedLimit, maxDocumentBytes: 64 * 1024 * 1024 } }),
    )
  await logInThroughPage(page, suite.server.url, username, password)
  await openDocument(page, title)
  return { page, sockets: () => opened }
}

/** Pastes `text` into the first paragraph, as the clipboard would. */
async function paste(page: Page, text: string): Promise<void> {
  await page.locator('.ProseMirror > p.paragraph').first().click()
  await page.keyboard.press('End')
  await page.evaluate((pasted) => {
    const data = new DataTransfer()
    data.setData('text/plain', pasted)
    document
      .querySelector('.ProseMirror')!
      .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, text)
}

/** The server's text of the first paragraph, read by a second client. */
async function serverFirstParagraph(): Promise<string> {
  const client = await connectYClient(suite.server.url, 'non-paper', (await suite.server.account('observer')).token)
  try {
    const paragraph = textRoom(client.doc)
      .text.toArray()
      .find((node) => 'nodeName' in node && node.nodeName === 'paragraph')
    return paragraph ? paragraph.toString().replace(/<[^>]*>/g, '') : ''
  } finally {
    client.close()
  }
}

/** The document log's entries as the server has them, as JSON text. */
async function serverLog(): Promise<string> {
  const client = await connectYClient(
    suite.server.url,
    'non-paper/proposals',
    (await suite.server.account('observer')).token,
  )
  try {
    return JSON.stringify(proposalsRoom(client.doc).log.toJSON())
  } finally {
    client.close()
  }
}

/** Types after the first paragraph's end and waits until the server has it: the editor is usable. */
async function typeAndSee(page: Page, words: string): Promise<void> {
  await page.locator('.ProseMirror > p.paragraph').first().click()
  await page.keyboard.press('End')
  await page.keyboard.type(words)
  await expect.poll(() => serverFirstParagraph(), { timeout: 15_000 }).toContain(words)
}

/** The page reopened the document once from the server (its text room and proposals room), and is ready. */
async function reopenedOnce(page: Page, sockets: () => number, opened: number): Promise<void> {
  await expect.poll(() => sockets() - opened, { timeout: 20_000 }).toBe(2)
  await page.locator('.editor-page[data-ready="true"]').waitFor({ timeout: 20_000 })
}

describe('an edit over the message limit', () => {
  it(
    'is never sent: the editor says so, returns to the server’s text and stays usable',
    { timeout: 90_000 },
    async () => {
      const { page, sockets } = await countingPage()
      const paragraph = page.locator('.ProseMirror > p.paragraph').first()
      const before = await paragraph.textContent()
      const opened = sockets()
      await paste(page, 'pasted words '.repeat(30_000)) // ~390 KB, over the 256 KiB limit
      const message = page.locator('.message.error')
      await expect
        .poll(() => message.textContent(), { timeout: 20_000 })
        .toMatch(/This edit is too large to send \(0\.[3-4] MB; the limit is 0\.3 MB\)/)
      await reopenedOnce(page, sockets, opened)
      await expect.poll(() => paragraph.textContent(), { timeout: 20_000 }).toBe(before)
      expect(await serverFirstParagraph()).not.toContain('pasted words')
      // Nor is the edit that was never sent signed in the log as typed.
      expect(await serverLog()).not.toContain('pasted words')
      await typeAndSee(page, ' typed after')
      // No socket since the reopen: the edit was never resent.
      expect(sockets()).toBe(opened + 2)
      await page.close()
    },
  )

  it('that the server closes (1009) is not resent: no reconnect loop', { timeout: 90_000 }, async () => {
    const { page, sockets } = await countingPage(64 * 1024 * 1024)
    const opened = sockets()
    await paste(page, 'resent words '.repeat(30_000))
    const message = page.locator('.message.error')
    await expect
      .poll(() => message.textContent(), { timeout: 20_000 })
      .toContain('This edit is too large to send (over the server’s limit)')
    await reopenedOnce(page, sockets, opened)
    expect(await serverFirstParagraph()).not.toContain('resent words')
    expect(await serverLog()).not.toContain('resent words')
    await typeAndSee(page, ' typed after the close')
    // No socket since the reopen: y-websocket did not reconnect to resend the edit.
    expect(sockets()).toBe(opened + 2)
    await page.close()
  })
})
