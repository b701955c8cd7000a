/**
 * Projection benchmark in the real browser (Debian chromium) against a real server: a
 * presenter's caret moves from paragraph to paragraph in the template while 100 read-only
 * clients are connected to the text room (observers' y-websocket clients in this process),
 * and a projection page follows. Measured: presenter caret → projection highlight (p50, p95),
 * by the presenter's clock when the caret moved and the projection's when it drew the
 * highlight (two pages of one browser on one machine: one clock); and, beside it, caret →
 * presence received by each of the 100 readers. Goal: the highlight within a second.
 *
 *   npx tsx bench/projection.ts [moves=40] [readers=100]
 */
import type { Page } from 'playwright-core'
import type { WebsocketProvider } from 'y-websocket'
import { PRESENTING_FIELD, type Presenting } from '../shared/projection/presenting.ts'
import {
  buildClient,
  connectYClient,
  launchBrowser,
  logInThroughPage,
  openDocument,
  startServerProcess,
  type YClient,
} from '../test/browser/browser-fixture.ts'

const moves = Number(process.argv[2] ?? 40)
const readerCount = Number(process.argv[3] ?? 100)
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!
}
const ms = (x: number) => `${x.toFixed(1)} ms`
// Paragraphs the presenter walks through, in turn.
const stops = [
  '7 bis. In the second quantified',
  '1 ter. The quantified emission limitation',
  'This non-paper is a compilation',
  '9 bis. The Conference of the Parties',
]

await buildClient()
const server = await startServerProcess()
const browser = await launchBrowser()
const readers: YClient[] = []
try {
  const chair = await server.account('co-chair')
  // Each account may hold 20 sockets: the readers are spread over observers' accounts.
  const observers = await Promise.all(
    Array.from({ length: Math.ceil(readerCount / 20) }, () => server.account('observer')),
  )
  for (let i = 0; i < readerCount; i++)
    readers.push(await connectYClient(server.url, 'non-paper', observers[Math.floor(i / 20)]!.token))
  /** Each reader's receipt time per movedAt it heard. */
  const received: number[] = []
  for (const reader of readers) {
    const provider: WebsocketProvider = reader.provider
    let last = 0
    provider.awareness.on('change', () => {
      for (const state of provider.awareness.getStates().values()) {
        const p = state[PRESENTING_FIELD] as Presenting | undefined
        if (p && p.movedAt !== last) {
          last = p.movedAt
          received.push(performance.timeOrigin + performance.now() - p.movedAt)
        }
      }
    })
  }

  const presenter = await (await browser.newContext({ viewport: { width: 1500, height: 950 } })).newPage()
  await logInThroughPage(presenter, server.url, chair.username, chair.password)
  await openDocument(presenter, 'Non-paper (AWG-KP)')
  await presenter.getByRole('button', { name: 'Present', exact: true }).click()
  const link = await server.api('POST', '/api/documents/non-paper/projections', chair.token)
  const screen: Page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage()
  await screen.goto(`${server.url}/#/projection/${link.body.token}`)
  await screen.locator('.projection-page[data-ready="true"]').waitFor({ timeout: 30_000 })

  const latencies: number[] = []
  for (let i = 0; i < moves; i++) {
    const before = await screen.locator('.projection-page').getAttribute('data-moved-at')
    await presenter
      .locator('.ProseMirror p', { hasText: stops[i % stops.length]! })
      .first()
      .click()
    await screen.waitForFunction(
      (previous) => document.querySelector('.projection-page')?.getAttribute('data-moved-at') !== previous,
      before,
      { timeout: 10_000, polling: 'raf' },
    )
    const page = screen.locator('.projection-page')
    latencies.push(Number(await page.getAttribute('data-shown-at')) - Number(await page.getAttribute('data-moved-at')))
  }
  console.log(`projection benchmark: ${moves} caret moves, ${readerCount} read-only clients connected`)
  console.log(
    `  presenter caret → projection highlight: p50 ${ms(quantile(latencies, 0.5))}, p95 ${ms(quantile(latencies, 0.95))}, max ${ms(Math.max(...latencies))}`,
  )
  console.log(
    `  presenter caret → presence at each reader (${received.length} receipts): p50 ${ms(quantile(received, 0.5))}, p95 ${ms(quantile(received, 0.95))}`,
  )
} finally {
  for (const reader of readers) reader.close()
  await browser.close()
  await server.stop()
}
