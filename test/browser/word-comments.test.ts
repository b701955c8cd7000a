// The corpus working file in the browser, against a real server process in Debian's chromium: the
// secretariat uploads it, a co-chair sees every open comment in the margin beside its words with
// its Party, the tracked changes underlined and struck, and accepts and rejects them; each decision
// is written into the text and signed in the log.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { proposalsRoom } from '../../shared/document/proposals-room.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { commentThreads } from '../../shared/comments/comment.ts'
import { cma6Docx } from '../corpus.ts'
import { browserSuite, connectYClient, openDocument, saveScreenshot } from './browser-fixture.ts'
import { soon } from './soon.ts'

const title = 'CMA 6 Article 6.2 inputs'
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const suite = browserSuite(async (server) => {
  const secretariat = await server.login('secretariat', 'secretariat-browser-test')
  const res = await fetch(`${server.url}/api/documents?title=${encodeURIComponent(title)}&id=cma6`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secretariat}`, 'content-type': DOCX },
    body: readFileSync(cma6Docx),
  })
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`)
})

describe('a Word working file in the editor', () => {
  it(
    'every open comment sits in the margin with its Party; tracked changes are decided by a co-chair and logged',
    { timeout: 120_000 },
    async () => {
      const chair = await suite.person('co-chair')
      const { page } = chair
      await openDocument(page, title)
      const reader = await connectYClient(suite.server.url, 'cma6/proposals', chair.token)
      const threads = commentThreads(proposalsRoom(reader.doc).comments.toJSON())
      const open = threads.filter((t) => !t.comment.resolved)
      await soon(() => page.locator('.comments-panel h2').textContent(), { timeout: 10_000 }).toBe(
        `Comments (${open.length} open, ${open.filter((t) => t.comment.for).length} for a Party or group)`,
      )
      expect(await page.locator('.comment-margin .comment-card').count()).toBe(open.length)
      // Norway's comment, recorded by its Word author, is in the margin level with its words.
      const norway = page.locator('.comment-card[data-thread="word-3"]')
      expect(await norway.locator('.comment-speaker').first().textContent()).toBe('Norway')
      expect(await norway.locator('.comment-by').first().textContent()).toContain(
        'recorded by Barbara Ratusznik (Word)',
      )
      const words = page.locator('.comment-on-word-3').first()
      await words.scrollIntoViewIfNeeded()
      await norway.click()
      await soon(() => norway.getAttribute('class')).toContain('active')
      const [card, at] = [await norway.boundingBox(), await words.boundingBox()]
      expect(Math.abs(card!.y - at!.y)).toBeLessThan(4)
      expect(card!.x).toBeGreaterThan(at!.x)
      await saveScreenshot(page, 'word-comments-margin')

      // Tracked changes: underlined and struck in the text, listed per section, decided by the co-chair.
      const text = await connectYClient(suite.server.url, 'cma6', chair.token)
      const records = textRoom(text.doc).pendingChanges
      const pending = () => [...records.values()].filter((c) => c.status === 'pending')
      const before = pending().length
      await soon(() => page.locator('.changes-panel h2').textContent()).toBe(`Tracked changes (${before} pending)`)
      // Every tracked change of the file is in its tables and their notes, after its last section (read from
      // the file: none before 'Table 1'): listed as outside the sections, not as before the first one.
      expect(await page.locator('.changes-panel h3').allTextContents()).toEqual([`Outside the sections (${before})`])
      // The first insertion and deletion drawn in the text (some are in notes after their section).
      const drawn = async (kind: string) =>
        records.get(
          (await page.locator(`.ProseMirror .pending-${kind}[data-change]`).first().getAttribute('data-change'))!,
        )!
      const insertion = await drawn('insertion')
      const deletion = await drawn('deletion')
      const struck = page.locator(`.pending-deletion[data-change="${deletion.id}"]`).first()
      expect(await struck.getAttribute('title')).toContain(`${deletion.author}’s deletion of`)
      expect(await page.locator(`.pending-insertion[data-change="${insertion.id}"]`).count()).toBeGreaterThan(0)
      const itemOf = (id: string) => page.locator(`.changes-panel .change-item[data-change="${id}"]`)
      // The popover at the caret: click into the struck words.
      await itemOf(deletion.id).locator('.change-go').click()
      const popover = page.locator('.change-popover')
      await soon(() => popover.isVisible()).toBe(true)
      // …under the struck words, which were scrolled into view.
      const [box, struckBox] = [await popover.boundingBox(), await struck.boundingBox()]
      expect(box!.y).toBeGreaterThan(struckBox!.y)
      expect(box!.y - struckBox!.y).toBeLessThan(60)
      expect(struckBox!.y).toBeGreaterThan(0)
      expect(box!.y).toBeLessThan(1000)
      expect(await popover.locator('.change-popover-title').textContent()).toContain(deletion.author)
      await saveScreenshot(page, 'word-changes-popover')
      await popover.locator('.change-accept').click()
      await itemOf(insertion.id).locator('.change-reject').click()
      await soon(() => [records.get(deletion.id)?.status, records.get(insertion.id)?.status]).toEqual([
        'accepted',
        'rejected',
      ])
      expect(records.get(deletion.id)!.decision!.by).toBe(chair.username)
      await soon(() => page.locator('.changes-panel h2').textContent()).toBe(`Tracked changes (${before - 2} pending)`)
      expect(await page.locator(`[data-change="${deletion.id}"], [data-change="${insertion.id}"]`).count()).toBe(0)
      // Both decisions are signed in the log, naming whose change and which words.
      await soon(() =>
        Object.values(proposalsRoom(reader.doc).log.toJSON()).map((e: any) => [e.op, e.ids[0], e.by]),
      ).toEqual([
        ['accept-change', deletion.id, chair.username],
        ['reject-change', insertion.id, chair.username],
      ])
      // A decided change is no place in the text: its log lines offer no Go (the names say what it was).
      await soon(() => page.locator('.log-panel .log-line').count()).toBe(2)
      expect(await page.locator('.log-panel .log-go').count()).toBe(0)
      expect(await page.locator('.log-panel .log-line').first().textContent()).toContain('’s insertion of')
      await saveScreenshot(page, 'word-changes-decided', page.locator('.changes-panel'))
      text.close()
      reader.close()
    },
  )
})
