// Comments and suggestions in the browser, against a real server process in Debian's chromium, on the
// non-paper template: Norway comments on words it selected, for its Party; the co-chair replies and
// resolves; an observer reads and cannot write. Norway types in the text and strikes words: each
// burst becomes a suggestion signed by Norway and dated by the server; the co-chair accepts one,
// rejects the other, and suggests in suggestion mode himself.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { negotiationDocText } from '../../shared/document/negotiation-doc.ts'
import { proposalsRoom } from '../../shared/document/proposals-room.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import type { Comment } from '../../shared/comments/comment.ts'
import type { PendingChange } from '../../shared/pending-changes/pending-change.ts'
import { browserSuite, connectYClient, saveScreenshot, type YClient } from './browser-fixture.ts'
import { soon } from './soon.ts'

const title = 'Non-paper (AWG-KP)'
const suite = browserSuite()
const pageFor = (role: string, party?: string) => suite.person(role, party, { open: title })

/** Selects `words` in the text (or puts the caret after them) as a mouse would. */
async function select(page: Page, words: string, caretAfter = false): Promise<void> {
  await page.evaluate(
    ({ words, caretAfter }) => {
      const root = document.querySelector<HTMLElement>('.ProseMirror')!
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf(words)
        if (at < 0) continue
        root.focus()
        const range = document.createRange()
        range.setStart(n, caretAfter ? at + words.length : at)
        range.setEnd(n, at + words.length)
        getSelection()!.removeAllRanges()
        getSelection()!.addRange(range)
        return
      }
      throw new Error(`no "${words}" in the text`)
    },
    { words, caretAfter },
  )
  // ProseMirror reads the selection on selectionchange.
  await page.waitForTimeout(50)
}

const comments = (c: YClient) => Object.values(proposalsRoom(c.doc).comments.toJSON()) as Comment[]
const changes = (c: YClient) => [...textRoom(c.doc).pendingChanges.values()] as PendingChange[]

describe('comments and suggestions in the editor', () => {
  it(
    'a delegation comments for its Party; the co-chair replies and resolves; an observer reads',
    { timeout: 90_000 },
    async () => {
      const norway = await pageFor('delegation', 'Norway')
      const watcher = await connectYClient(suite.server.url, 'non-paper/proposals', norway.token)
      await select(norway.page, 'compilation of proposals')
      await norway.page.locator('.comment-add').click()
      const composer = norway.page.locator('.comment-composer')
      expect(await composer.locator('.comment-quote').textContent()).toBe('On “compilation of proposals”')
      // Norway speaks for itself or for the Umbrella Group it belongs to.
      const voices = await composer.locator('.comment-speaker-pick option').allTextContents()
      expect(voices[0]).toBe('Norway')
      expect(voices).toContain('Umbrella Group')
      await composer.getByLabel('Comment', { exact: true }).fill('Norway: a compilation, not a negotiating text')
      await saveScreenshot(norway.page, 'comment-composer')
      await composer.getByRole('button', { name: 'Comment' }).click()
      await soon(() => comments(watcher).length).toBe(1)
      const [made] = comments(watcher)
      expect(made).toMatchObject({
        for: { kind: 'party', name: 'Norway' },
        by: norway.username,
        quote: 'compilation of proposals',
        source: 'accord',
      })
      expect(await norway.page.locator(`.comment-on-${made.id}`).first().textContent()).toBe('compilation of proposals')

      const chair = await pageFor('co-chair')
      const card = chair.page.locator(`.comment-margin .comment-card[data-thread="${made.id}"]`)
      await card.click()
      await card.getByLabel('Reply').fill('Noted; the Co-Chairs will say so in the next revision.')
      await card.getByRole('button', { name: 'Reply' }).click()
      await soon(() => comments(watcher).length).toBe(2)
      expect(comments(watcher).find((c) => c.replyTo === made.id)).toMatchObject({ by: chair.username, for: null })
      await soon(() => card.locator('.comment-reply').count()).toBe(1)
      await saveScreenshot(chair.page, 'comment-replied')
      await card.getByRole('button', { name: 'Resolve' }).click()
      await soon(() => proposalsRoom(watcher.doc).comments.get(made.id)?.resolved?.by).toBe(chair.username)
      // Resolved: gone from Norway's margin, listed among the resolved.
      await soon(() => norway.page.locator(`.comment-margin [data-thread="${made.id}"]`).count()).toBe(0)
      await soon(() => norway.page.locator('.comments-closed summary').textContent()).toBe('Resolved (1)')
      // Norway may not resolve: it has no such button; the observer has no way to write at all.
      expect(await norway.page.locator('.comment-resolve').count()).toBe(0)
      const observer = await pageFor('observer')
      await select(observer.page, 'compilation of proposals')
      expect(await observer.page.locator('.comment-add').isVisible()).toBe(false)
      expect(await observer.page.locator('.comments-hint').textContent()).toBe('Observers read the comments.')
      watcher.close()
    },
  )

  it(
    "a delegation's typing becomes suggestions signed by it and dated by the server; the co-chair decides",
    { timeout: 90_000 },
    async () => {
      const norway = await pageFor('delegation', 'Norway')
      const text = await connectYClient(suite.server.url, 'non-paper', norway.token)
      const textBefore = negotiationDocText(text.doc)
      const started = new Date().toISOString()
      await select(norway.page, 'a compilation', true)
      await norway.page.keyboard.type(' and synthesis')
      // A draft at the caret, not in the shared text until the burst ends.
      expect(await norway.page.locator('.suggestion-draft').textContent()).toBe(' and synthesis')
      await saveScreenshot(norway.page, 'suggestion-typing', norway.page.locator('.editor-slot'))
      await soon(() => changes(text).length, { timeout: 5000 }).toBe(1)
      const [insertion] = changes(text)
      expect(insertion).toMatchObject({
        kind: 'insertion',
        text: ' and synthesis',
        author: norway.username,
        by: norway.username,
        party: 'Norway',
        source: 'suggestion',
        status: 'pending',
      })
      // Dated by the server's clock, during the test.
      expect(insertion.at >= started && insertion.at <= new Date().toISOString()).toBe(true)
      expect(negotiationDocText(text.doc)).toBe(
        textBefore.replace('is a compilation of', 'is a compilation and synthesis of'),
      )
      // An Annex cell the model fills takes no words: typing there is refused on the spot, nothing is sent.
      await norway.page.locator('.bound-cell[data-key="cp2/Australia"]').first().click()
      await norway.page.keyboard.type('5')
      await soon(() => norway.page.locator('.message').textContent()).toContain('This cell shows Australia’s number')
      expect(await norway.page.locator('.suggestion-draft').count()).toBe(0)
      // Backspace strikes what is in the text (nothing is removed); Enter sends it.
      await select(norway.page, 'streamline', true)
      for (let i = 0; i < 'streamline'.length; i++) await norway.page.keyboard.press('Backspace')
      await norway.page.keyboard.press('Enter')
      await soon(() => changes(text).length).toBe(2)
      const deletion = changes(text).find((c) => c.kind === 'deletion')!
      expect(deletion).toMatchObject({ text: 'streamline', author: norway.username, party: 'Norway' })
      // The cell's keystroke, had it been sent, went before the deletion (the caret left the cell first).
      expect(changes(text).map((c) => c.text)).toEqual(expect.arrayContaining([' and synthesis', 'streamline']))
      expect(changes(text)).toHaveLength(2)
      expect(negotiationDocText(text.doc)).toContain('narrow down, streamline and simplify')
      await soon(() => norway.page.locator('.suggestion-draft, .suggestion-sending').count()).toBe(0)
      expect(await norway.page.locator(`.pending-insertion[data-change="${insertion.id}"]`).textContent()).toBe(
        ' and synthesis',
      )

      const chair = await pageFor('co-chair')
      const item = (id: string) => chair.page.locator(`.changes-panel .change-item[data-change="${id}"]`)
      await soon(() => item(insertion.id).locator('.change-meta').textContent()).toContain(
        `Norway (${norway.username})`,
      )
      expect(await chair.page.locator(`.pending-deletion[data-change="${deletion.id}"]`).textContent()).toBe(
        'streamline',
      )
      await saveScreenshot(chair.page, 'suggestions-for-the-chair')
      await item(insertion.id)
        .getByRole('button', { name: /^Accept/ })
        .click()
      await item(deletion.id)
        .getByRole('button', { name: /^Reject/ })
        .click()
      await soon(() => [deletion, insertion].map((c) => textRoom(text.doc).pendingChanges.get(c.id)?.status)).toEqual([
        'rejected',
        'accepted',
      ])
      expect(negotiationDocText(text.doc)).toBe(
        textBefore.replace('is a compilation of', 'is a compilation and synthesis of'),
      )
      await soon(() => norway.page.locator('.pending-change[data-change]').count()).toBe(0)

      // The co-chair's own typing edits the text, and the burst is signed in the log with its words.
      const log = await connectYClient(suite.server.url, 'non-paper/proposals', chair.token)
      await select(chair.page, 'Contact Group', true)
      await chair.page.keyboard.type(' indeed')
      await soon(() => Object.values(proposalsRoom(log.doc).log.toJSON()).filter((e: any) => e.op === 'edit-text'), {
        timeout: 8000,
      }).toEqual([expect.objectContaining({ by: chair.username, summary: 'inserted “indeed”' })])
      expect(negotiationDocText(text.doc)).toContain('Contact Group indeed on paragraphs')
      log.close()

      // The co-chair suggests too, once suggestion mode is on: his typing is not an edit.
      await chair.page.getByRole('button', { name: 'Suggest changes' }).click()
      await select(chair.page, 'narrow down', true)
      await chair.page.keyboard.type(' further')
      await chair.page.keyboard.press('Enter')
      await soon(() => changes(text).filter((c) => c.by === chair.username).length).toBe(1)
      expect(changes(text).find((c) => c.by === chair.username)).toMatchObject({
        kind: 'insertion',
        text: ' further',
        status: 'pending',
      })
      expect(changes(text).find((c) => c.by === chair.username)!.party).toBeUndefined()
      text.close()
    },
  )
})
