/**
 * Editor benchmark in the real browser (Debian chromium) against a real server, for the
 * template and two generated texts — 115 pages (1,500 bracket groups, 94 option cards) and
 * 300 pages (5,000 groups, 300 cards): time from opening a document to the first painted
 * editor, and where it went by the page's own marks (`client/pages/open-marks.ts`); the
 * page's JS heap after a garbage collection, and its DOM size; keystroke-to-paint latency
 * (p50, p95) in the middle of the text; the time a remote edit (a second
 * co-chair typing) takes to apply and to paint; a co-chair's streamlining step (moving an
 * option down, with its renumbering, model follow-up and log entry) from click to paint.
 * Goals: first render < 1 s, keystroke and remote paint p95 < 16 ms.
 *
 *   npx tsx bench/editor.ts [--only 115|300]
 *   PROFILE=keys|remote|open npx tsx bench/editor.ts   # CDP CPU profile of that phase (unminified build)
 *   PROFILE=trace-keys|trace-remote npx tsx bench/editor.ts   # the browser's style, layout and paint in that phase
 *   PROFILE=mutations npx tsx bench/editor.ts   # what typing wrote to the page outside the text
 *
 * The last line is the figures as JSON.
 */
import path from 'node:path'
import { rmSync } from 'node:fs'
import { textRoom } from '../shared/document/text-room.ts'
import { largeNonPaper } from './editor/large-text.ts'
import { probeScript, writesProbe } from './editor/page-probes.ts'
import { startProfile, type RunningProfile } from './editor/cpu-profile.ts'
import { startFrameTrace } from './editor/frame-trace.ts'
import { OPEN_MARK, OPEN_PHASES } from '../client/pages/open-marks.ts'
import {
  buildClient,
  connectYClient,
  launchBrowser,
  logInThroughPage,
  repoRoot,
  saveScreenshot,
  secretariatPassword,
  startServerProcess,
} from '../test/browser/browser-fixture.ts'
import * as Y from 'yjs'
import type { CDPSession, Page } from 'playwright-core'

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]
}
const ms = (x: number | undefined) => (x === undefined ? 'n/a' : `${x.toFixed(1)} ms`)
const spread = (xs: number[]) => ({ p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: Math.max(...xs) })
const profiling = process.env.PROFILE ?? ''
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null

/** One open: click → painted editor, and the page's own marks of where that time went. */
interface Open {
  ms: number
  phases: Record<string, number>
}

async function openTimed(page: Page, title: string): Promise<Open> {
  await page.goto(page.url().replace(/#.*$/, '') + '#/documents')
  await page.getByRole('link', { name: title }).waitFor()
  const t0 = Date.now()
  await page.getByRole('link', { name: title }).click()
  // Polled in the page with one native lookup: Playwright's own selector engine walks the whole
  // DOM (for shadow roots) on every poll, which took ~90 ms of each 300-page open's main thread.
  await page.waitForFunction(
    () => (document.querySelector('.editor-page') as HTMLElement | null)?.dataset.ready === 'true',
    null,
    { timeout: 120_000, polling: 'raf' },
  )
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  const phases = await page.evaluate(
    ([prefix, names]) =>
      new Promise<Record<string, number>>((resolve) =>
        requestAnimationFrame(() =>
          setTimeout(() => {
            const at = names.map((n) => performance.getEntriesByName(prefix + n, 'mark')[0]?.startTime ?? NaN)
            const out: Record<string, number> = {}
            for (let i = 1; i < names.length; i++) out[names[i]] = Math.round(at[i] - at[i - 1])
            out.painted = Math.round(performance.now() - at[at.length - 1])
            resolve(out)
          }, 0),
        ),
      ),
    [OPEN_MARK, OPEN_PHASES] as const,
  )
  return { ms: Date.now() - t0, phases }
}

// "synced 410, proposals 35, mounted 700, ready 60, painted 90": where one open's time went.
const phaseLine = (o: Open) =>
  Object.entries(o.phases)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')

// The page's live JS heap and DOM, after a full collection.
async function memory(cdp: CDPSession): Promise<{ heapMB: number; domNodes: number }> {
  await cdp.send('HeapProfiler.enable')
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('Performance.enable')
  const { metrics } = await cdp.send('Performance.getMetrics')
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN
  return { heapMB: metric('JSHeapUsedSize') / 2 ** 20, domNodes: metric('Nodes') }
}

const profileIf = async (phase: string, cdp: CDPSession): Promise<RunningProfile | null> =>
  profiling === phase ? startProfile(cdp) : profiling === `trace-${phase}` ? startFrameTrace(cdp) : null
const report = async (phase: string, label: string, running: RunningProfile | null) => {
  if (running) console.log(`--- ${profiling}: ${label}\n${await running.stop()}`)
}

if (profiling && !profiling.startsWith('trace-')) {
  // Readable function names in the profile; the next plain build (tests, bench) minifies again.
  const { build } = await import('vite')
  await build({
    configFile: path.join(repoRoot, 'client', 'vite.config.ts'),
    logLevel: 'warn',
    build: { minify: false },
  })
} else await buildClient()
const server = await startServerProcess()
const browser = await launchBrowser()
try {
  const secretariat = await server.login('secretariat', secretariatPassword)
  const texts = [
    { id: 'large', label: '115', title: 'Generated 115 pages', text: largeNonPaper(1500) },
    {
      id: 'large300',
      label: '300',
      title: 'Generated 300 pages',
      text: largeNonPaper({ brackets: 5000, options: 300, pages: 300 }),
    },
  ].filter((t) => !only || t.label === only)
  for (const t of texts) {
    const created = await server.api('POST', '/api/documents', secretariat, { id: t.id, title: t.title, text: t.text })
    if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`)
  }
  const { username, password, token } = await server.account('co-chair')
  const page = await (await browser.newContext({ viewport: { width: 1500, height: 950 } })).newPage()
  await page.addInitScript(probeScript)
  await logInThroughPage(page, server.url, username, password)
  const cdp = await page.context().newCDPSession(page)

  const template: Open[] = []
  for (let i = 0; i < 3; i++) template.push(await openTimed(page, 'Non-paper (AWG-KP)'))
  const templateMemory = await memory(cdp)
  const typingTemplate = await profileIf('keys', cdp)
  const keysTemplate = await typeKeys(page)
  await report('keys', 'template', typingTemplate)
  const stepsTemplate = await moveDown(page)

  const results: Record<string, unknown> = {
    template: {
      open: template.map((o) => o.ms),
      openPhases: template.map((o) => o.phases),
      ...templateMemory,
      keys: spread(keysTemplate),
      steps: spread(stepsTemplate),
    },
  }
  const lines: string[] = [
    `template first render (open → painted editor, incl. sync): ${template.map((t) => `${t.ms} ms`).join(', ')}; JS heap ${templateMemory.heapMB.toFixed(1)} MB, ${templateMemory.domNodes} DOM nodes`,
    ...template.map((o, i) => `  open ${i + 1} in the page (ms): ${phaseLine(o)}`),
    keyLine('template', keysTemplate),
    `streamlining step (move an option down) click → paint, template (${stepsTemplate.length} steps): p50 ${ms(quantile(stepsTemplate, 0.5))}, max ${ms(Math.max(...stepsTemplate))}`,
  ]
  for (const t of texts) {
    const opening = await profileIf('open', cdp)
    const open: Open[] = []
    for (let i = 0; i < 3; i++) open.push(await openTimed(page, t.title))
    await report('open', t.title, opening)
    const mem = await memory(cdp)
    const brackets = await page.locator('.bracket-group').count()
    const cards = await page.locator('.option-card').count()

    const typing = await profileIf('keys', cdp)
    const keys = await typeKeys(page)
    await report('keys', t.title, typing)

    // Remote edits from a second co-chair, one character at a time.
    const remote = await connectYClient(server.url, t.id, token)
    await page.evaluate(() => ((window as any).__probe.remote.length = 0))
    const xmlText = firstText(textRoom(remote.doc).text)
    const receiving = await profileIf('remote', cdp)
    for (let i = 0; i < 50; i++) {
      xmlText.insert(0, 'r')
      await new Promise((r) => setTimeout(r, 40))
    }
    await page.waitForTimeout(300)
    await report('remote', t.title, receiving)
    const remoteTimes: { applied: number; waited: number; painted: number }[] = await page.evaluate(
      () => (window as any).__probe.remote,
    )
    remote.close()
    await saveScreenshot(page, `bench-large-text-${t.label}`)
    const steps = await moveDown(page)

    const applied = remoteTimes.map((r) => r.applied)
    const painted = remoteTimes.map((r) => r.painted)
    const working = remoteTimes.map((r) => r.painted - r.waited)
    results[t.label] = {
      chars: t.text.length,
      brackets,
      cards,
      open: open.map((o) => o.ms),
      openPhases: open.map((o) => o.phases),
      ...mem,
      keys: spread(keys),
      remoteApplied: spread(applied),
      remotePainted: spread(painted),
      remoteWork: spread(working),
      steps: spread(steps),
    }
    lines.push(
      `${t.title} (${t.text.length} chars ≈ ${Math.round(t.text.length / 3000)} pages, ${brackets} bracket groups, ${cards} option cards): first render ${open.map((x) => `${x.ms} ms`).join(', ')}; JS heap ${mem.heapMB.toFixed(1)} MB, ${mem.domNodes} DOM nodes`,
      ...open.map((o, i) => `  open ${i + 1} in the page (ms): ${phaseLine(o)}`),
      keyLine('', keys),
      `  remote edit (${remoteTimes.length} updates): apply p50 ${ms(quantile(applied, 0.5))}, p95 ${ms(quantile(applied, 0.95))}; to paint p50 ${ms(quantile(painted, 0.5))}, p95 ${ms(quantile(painted, 0.95))}; without the wait for the display's next frame p50 ${ms(quantile(working, 0.5))}, p95 ${ms(quantile(working, 0.95))}`,
      `  streamlining step (move an option down) click → paint (${steps.length} steps): p50 ${ms(quantile(steps, 0.5))}, max ${ms(Math.max(...steps))}`,
    )
  }
  console.log(lines.join('\n'))
  console.log(JSON.stringify(results))
} finally {
  await browser.close()
  await server.stop()
  if (profiling) rmSync(path.join(repoRoot, 'client', 'dist', 'index.html'), { force: true })
}

function keyLine(label: string, keys: number[]): string {
  return `  keystroke → paint${label ? `, ${label}` : ''} (${keys.length} keys): p50 ${ms(quantile(keys, 0.5))}, p95 ${ms(quantile(keys, 0.95))}, max ${ms(Math.max(...keys))}`
}

// Keystroke → paint for 200 keys (every tenth a Backspace) in the middle of the open text.
// PROFILE=mutations prints what the page wrote outside the editable text meanwhile.
async function typeKeys(page: Page): Promise<number[]> {
  const blocks = page.locator('.ProseMirror p.provision, .ProseMirror p.paragraph, .ProseMirror p.list-item')
  const target = blocks.nth(Math.floor((await blocks.count()) / 2))
  await target.scrollIntoViewIfNeeded()
  await target.click({ position: { x: 20, y: 8 } })
  if (profiling === 'mutations') await page.evaluate(writesProbe)
  await page.evaluate(() => ((window as any).__probe.keys.length = 0))
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press(i % 10 === 9 ? 'Backspace' : 'KeyA')
    await page.waitForTimeout(15)
  }
  await page.waitForTimeout(200)
  if (profiling === 'mutations') {
    const counts: Record<string, number> = await page.evaluate(() => (window as any).__writes.stop())
    const top = Object.entries(counts).sort((a, b) => b[1] - a[1])
    console.log(
      `--- mutations while typing 200 keys (outside the editable text)\n${top.map(([k, v]) => `  ${v} ${k}`).join('\n')}`,
    )
  }
  return (await page.evaluate(() => (window as any).__probe.keys)) as number[]
}

// Streamlining steps: move the first option down ten times.
async function moveDown(page: Page): Promise<number[]> {
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

function firstText(fragment: Y.XmlFragment): Y.XmlText {
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
