/**
 * One Chromium for every PDF the process prints, shared and bounded: at most
 * `MAX_PAGES` pages print at once, at most `MAX_WAITING` requests wait, and a
 * request beyond that is refused as busy instead of launching another browser (four
 * browsers at once took ~1.6 GB). The browser is launched on first use, relaunched if
 * it dies, and closed after a minute without work.
 */
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../chromium.ts'

/** Pages printing at once. */
export const MAX_PAGES = 2
/** Requests waiting for a page before the printer says it is busy. */
export const MAX_WAITING = 16
const IDLE_MS = 60_000

/** The printer is at its bound: try again shortly. */
export class PrinterBusy extends Error {
  /** The HTTP status an API answers with. */
  readonly status = 503
  constructor() {
    super(`the PDF printer is busy (${MAX_PAGES} printing, ${MAX_WAITING} waiting); try again in a few seconds`)
    this.name = 'PrinterBusy'
  }
}

let browser: Promise<Browser> | null = null
let printing = 0
const waiting: (() => void)[] = []
let idle: NodeJS.Timeout | undefined

/** Runs `print` on a fresh page of the shared browser, within the bounds; the page is closed after. */
export async function withPrintPage<T>(print: (page: Page) => Promise<T>): Promise<T> {
  if (printing >= MAX_PAGES) {
    if (waiting.length >= MAX_WAITING) throw new PrinterBusy()
    await new Promise<void>((resolve) => waiting.push(resolve))
  }
  printing++
  clearTimeout(idle)
  try {
    const page = await (await sharedBrowser()).newPage()
    try {
      return await print(page)
    } finally {
      await page.close().catch(() => undefined)
    }
  } finally {
    printing--
    waiting.shift()?.()
    if (printing === 0 && waiting.length === 0) {
      idle = setTimeout(() => void closePdfPrinter(), IDLE_MS)
      idle.unref()
    }
  }
}

/** Closes the shared browser (server shutdown, or idleness). */
export async function closePdfPrinter(): Promise<void> {
  clearTimeout(idle)
  const open = browser
  browser = null
  if (open) await (await open.catch(() => null))?.close().catch(() => undefined)
}

function sharedBrowser(): Promise<Browser> {
  if (!browser) {
    const launching = launchChromium()
    browser = launching
    launching.then(
      (b) => b.on('disconnected', () => browser === launching && (browser = null)),
      () => browser === launching && (browser = null),
    )
  }
  return browser
}
