/**
 * PDF printed from the HTML export by headless Chromium (Debian's
 * `/usr/bin/chromium`, driven by playwright-core; no browser is downloaded),
 * A4, on the process's one bounded printer (`pdf-printer.ts`). The first page
 * opens with the HTML's UN header block; every page carries the document symbol
 * and title in its running header and the page number in its footer.
 */
import { withPrintPage } from './pdf-printer.ts'
import type { DocumentHeader } from '../../shared/export/document-header.ts'
import { escapeMarkup } from '../../shared/export/markup.ts'

/** Print `html` to PDF bytes. Throws a one-line error naming the fix when Chromium is missing. */
export async function printPdf(html: string, heading: DocumentHeader): Promise<Uint8Array> {
  return withPrintPage(async (page) => {
    // The HTML is self-contained: nothing is fetched.
    await page.route('**/*', (route) => route.abort())
    await page.setContent(html, { waitUntil: 'load' })
    const small = 'font-family: serif; font-size: 8pt; width: 100%; margin: 0 20mm;'
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="${small} display: flex; justify-content: space-between;"><span>${escapeMarkup(heading.title).slice(0, 90)}</span><span>${escapeMarkup(heading.symbol)}</span></div>`,
      footerTemplate: `<div style="${small} text-align: center;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
      margin: { top: '22mm', bottom: '20mm', left: '20mm', right: '20mm' },
    })
    return new Uint8Array(pdf)
  })
}
