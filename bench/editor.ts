/**
 * Editor benchmark in the real browser (Debian chromium) against a real server:
 * time from opening a document to the first painted editor, for the template and
 * for a generated text of about 100 pages with about 1,500 brackets; keystroke-to-
 * paint latency (p50, p95) in the large text; and the time a remote edit takes to
 * apply and paint; a co-chair's streamlining step (moving an option down, with its
 * renumbering, model follow-up and log entry) from click to paint, in both texts.
 * Goals: first render < 1 s, keystroke p95 < 16 ms.
 *
 *   npx tsx bench/editor.ts
 */
import { textRoom } from '../shared/document/text-room.ts'
import { largeNonPaper } from './editor/large-text.ts'
import { probeScript } from './editor/page-probes.ts'
import {
  buildClient,
  connectYClient,
  launchBrowser,
  logInThroughPage,
  saveScreenshot,
  secretariatPassword,
  startServerProcess,
} from '../test/browser/browser-fixture.ts'
import * as Y from 'yjs'
import type { Page } from 'playwright-core'

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]
}
const ms = (x: number | undefined) => (x === undefined ? 'n/a' : `${x.toFixed(1)} ms`)

async function openTimed(page: Page, title: string): Promise<number> {
  await page.goto(page.url().replace(/#.*$/, '') + '#/documents')
  await page.getByRole('link', { name: title }).waitFor()
  const t0 = Date.now()
  await page.getByRole('link', { name: title }).click()
  await page.locator('.editor-page[data-ready="true"]').waitFor({ timeout: 60_000 })
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))))
  return Date.now() - t0
}

await buildClient()
const server = await startServerProcess()
const browser = await launchBrowser()
try {
  const secretariat = await server.login('secretariat', secretariatPassword)
  const text = largeNonPaper(1500)
  const created = await server.api('POST', '/api/documents', secretariat, {
    id: 'large',
    title: 'Generated 100 pages',
    text,
  })
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`)
  const { username, password, token } = await server.account('co-chair')
  const page = await (await browser.newContext({ viewport: { width: 1500, height: 950 } })).newPage()
  await page.addInitScript(probeScript)
  await logInThroughPage(page, server.url, username, password)

  const template: number[] = []
  for (let i = 0; i < 3; i++) template.push(await openTimed(page, 'Non-paper (AWG-KP)'))
  const large: number[] = []
  for (let i = 0; i < 3; i++) large.push(await openTimed(page, 'Generated 100 pages'))
  const brackets = await page.locator('.bracket-group').count()
  const cards = await page.locator('.option-card').count()

  // Keystrokes in the middle of the large text.
  const target = page.locator('.ProseMirror p.provision, .ProseMirror p.paragraph, .ProseMirror p.list-item').nth(200)
  await target.scrollIntoViewIfNeeded()
  await target.click({ position: { x: 20, y: 8 } })
  await page.evaluate(() => ((window as any).__probe.keys.length = 0))
  const cdp = process.env.PROFILE ? await page.context().newCDPSession(page) : null
  if (cdp) {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.start')
  }
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press(i % 10 === 9 ? 'Backspace' : 'KeyA')
    await page.waitForTimeout(15)
  }
  await page.waitForTimeout(200)
  const keys: number[] = await page.evaluate(() => (window as any).__probe.keys)
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop')
    const self = new Map<string, number>()
    const dt = profile.timeDeltas ?? []
    const byId = new Map(profile.nodes.map((n) => [n.id, n]))
    profile.samples?.forEach((id, i) => {
      const n = byId.get(id)!
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`
      self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000)
    })
    console.log(
      [...self]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 15)
        .map(([k, v]) => `${v.toFixed(0)} ms ${k}`)
        .join('\n'),
    )
  }

  // Streamlining steps: move options down, in the large text and then in the template.
  const moveDown = async () => {
    await page.evaluate(() => ((window as any).__probe.steps.length = 0))
    for (let i = 0; i < 10; i++) {
      // The first option always has one after it in its section: every click is a real step.
      const button = page.locator('.option-card .option-move-down').first()
      await button.scrollIntoViewIfNeeded()
      await button.click()
      await page.waitForTimeout(100)
    }
    await page.waitForTimeout(200)
    return (await page.evaluate(() => (window as any).__probe.steps)) as number[]
  }
  const stepsLarge = await moveDown()

  // Remote edits from a second co-chair, one character at a time.
  const remote = await connectYClient(server.url, 'large', token)
  await page.evaluate(() => ((window as any).__probe.remote.length = 0))
  const fragment = textRoom(remote.doc).text
  const firstText = (): Y.XmlText => {
    const walk = (n: Y.XmlElement | Y.XmlFragment): Y.XmlText | null => {
      for (const c of n.toArray()) {
        if (c instanceof Y.XmlText) return c
        const found = walk(c as Y.XmlElement)
        if (found) return found
      }
      return null
    }
    return walk(fragment)!
  }
  const xmlText = firstText()
  for (let i = 0; i < 50; i++) {
    xmlText.insert(0, 'r')
    await new Promise((r) => setTimeout(r, 40))
  }
  await page.waitForTimeout(300)
  const remoteTimes: { applied: number; painted: number }[] = await page.evaluate(() => (window as any).__probe.remote)
  remote.close()
  await saveScreenshot(page, 'bench-large-text')
  await openTimed(page, 'Non-paper (AWG-KP)')
  const stepsTemplate = await moveDown()

  console.log(`template first render (open → painted editor, incl. sync): ${template.map((t) => `${t} ms`).join(', ')}`)
  console.log(
    `large text (${text.length} chars ≈ ${Math.round(text.length / 3000)} pages, ${brackets} bracket groups, ${cards} option cards): ${large.map((t) => `${t} ms`).join(', ')}`,
  )
  console.log(
    `keystroke → paint in the large text (${keys.length} keys): p50 ${ms(quantile(keys, 0.5))}, p95 ${ms(quantile(keys, 0.95))}, max ${ms(Math.max(...keys))}`,
  )
  const applied = remoteTimes.map((r) => r.applied)
  const painted = remoteTimes.map((r) => r.painted)
  for (const [label, steps] of [
    ['template', stepsTemplate],
    ['large text', stepsLarge],
  ] as const) {
    console.log(
      `streamlining step (move an option down) click → paint, ${label} (${steps.length} steps): p50 ${ms(quantile(steps, 0.5))}, max ${ms(Math.max(...steps))}`,
    )
  }
  console.log(
    `remote edit (${remoteTimes.length} updates): apply p50 ${ms(quantile(applied, 0.5))}, p95 ${ms(quantile(applied, 0.95))}; to paint p50 ${ms(quantile(painted, 0.5))}, p95 ${ms(quantile(painted, 0.95))}`,
  )
} finally {
  await browser.close()
  await server.stop()
}
