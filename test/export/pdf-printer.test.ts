// PDF exports share one bounded browser: concurrent prints reuse it, and requests past
// the bound are refused as busy rather than launching more browsers.
import { afterAll, describe, expect, it } from 'vitest'
import { closePdfPrinter, MAX_PAGES, MAX_WAITING, PrinterBusy, withPrintPage } from '../../server/export/pdf-printer.ts'

afterAll(() => closePdfPrinter())

// Chromium takes seconds to start on a loaded machine, and the first test opens eighteen pages.
describe('the PDF printer', { timeout: 90_000 }, () => {
  it('prints on one browser, at most MAX_PAGES at a time, and refuses requests past the queue', async () => {
    let atOnce = 0
    let most = 0
    const browsers = new Set<unknown>()
    // Pages are held until MAX_PAGES print at once: then all go.
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const job = () =>
      withPrintPage(async (page) => {
        browsers.add(page.context().browser())
        most = Math.max(most, ++atOnce)
        if (atOnce === MAX_PAGES) release()
        await held
        atOnce--
        return page.isClosed()
      })
    const jobs = Array.from({ length: MAX_PAGES + MAX_WAITING }, job)
    // Every page and queue place is taken: the next request is refused at once.
    await expect(job()).rejects.toBeInstanceOf(PrinterBusy)
    expect(await Promise.all(jobs)).toEqual(jobs.map(() => false))
    expect(most).toBe(MAX_PAGES)
    expect(browsers.size).toBe(1)
  })

  it('relaunches after the browser is closed', async () => {
    await closePdfPrinter()
    const title = await withPrintPage(async (page) => {
      await page.setContent('<title>again</title>')
      return page.title()
    })
    expect(title).toBe('again')
  })
})
