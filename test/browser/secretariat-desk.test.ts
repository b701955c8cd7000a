// The secretariat's desk in Debian's chromium against a real server process: the
// accounts page (an account of each role, a delegation's Party from the party table,
// an unknown Party refused), the documents page (a text uploaded with its progress and
// preview, created, tabled as Rev.0, renamed, archived, restored, deleted), the export
// panel (the UN header set, a delegation's accepted inscription in the consolidated
// Annex B of every format, the files read back with mammoth, pdftotext and xmllint, an
// HTML passage copied to the clipboard reading as the text), and a document archived
// under an open editor: "No such document", and no reconnection.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import mammoth from 'mammoth'
import type { Download, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { indexDocument } from '../../shared/model/document-index.ts'
import { readNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { applyAcceptance } from '../../shared/document/proposal-acceptance.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { ProposalRegister } from '../../shared/proposals/register.ts'
import { requireTool, run } from '../export/tools.ts'
import {
  browserSuite,
  connectYClient,
  logInThroughPage,
  repoRoot,
  saveScreenshot,
  secretariatPassword,
} from './browser-fixture.ts'

const suite = browserSuite()
const SCHEMA = path.join(repoRoot, 'templates/akn/akomantoso30.xsd')

/** CSP violations each page reported (the desk's pages run under the server's strict policy). */
const violations = new Map<Page, string[]>()

/** The secretariat, logged in through the login page, its CSP violations recorded. */
async function secretariat(height = 1100): Promise<Page> {
  const context = await suite.browser.newContext({ viewport: { width: 1500, height }, acceptDownloads: true })
  const page = await context.newPage()
  const seen: string[] = []
  violations.set(page, seen)
  await page.exposeFunction('reportViolation', (text: string) => seen.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation(t: string): void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    )
  })
  await logInThroughPage(page, suite.server.url, 'secretariat', secretariatPassword)
  return page
}

/** Closes the secretariat's page after checking it reported no CSP violation. */
async function done(page: Page): Promise<void> {
  expect(violations.get(page)).toEqual([])
  await page.context().close()
}

const DRAFT = [
  'ARTICLE 1: AMENDMENT',
  '',
  '1. Each Party shall / should report [annually][biennially] on its [X] per cent [below 1990 levels] [by 2020].',
  '',
  '2. The review shall be concluded satisfied]].',
  '',
].join('\n')

describe("the secretariat's desk", () => {
  it(
    'sets up the accounts: one of each role, a delegation’s Party from the party table, Atlantis refused',
    { timeout: 90_000 },
    async () => {
      const page = await secretariat()
      await page.getByRole('button', { name: 'Accounts' }).click()
      await page.locator('.accounts-page[data-ready="true"]').waitFor()
      expect(page.url()).toMatch(/#\/accounts$/)

      const create = async (username: string, role: string, party?: string) => {
        await page.getByLabel('Username').fill(username)
        await page.getByLabel('Role').selectOption(role)
        if (party !== undefined) await page.getByLabel('Party').fill(party)
        else expect(await page.getByLabel('Party').isVisible()).toBe(false)
        const password = await page.getByRole('textbox', { name: 'Password' }).inputValue()
        await page.getByRole('button', { name: 'Create account' }).click()
        return password
      }
      const made: Record<string, string> = {}
      for (const [username, role, party] of [
        ['chair-one', 'co-chair'],
        ['australia', 'delegation', 'Australia'],
        ['press', 'observer'],
        ['officer-two', 'secretariat'],
      ] as const) {
        const password = await create(username, role, party)
        await page.locator(`tr[data-account="${username}"]`).waitFor()
        // The password is shown once, as created.
        expect(await page.locator('.notice .secret').textContent()).toBe(password)
        made[username] = password
      }
      const row = await page.locator('tr[data-account="australia"] td').allTextContents()
      expect(row.slice(0, 3)).toEqual(['australia', 'delegation', 'Australia'])
      // A Party the table does not know is refused with the nearest names, and nothing is created.
      await create('atlantis', 'delegation', 'Atlantis')
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toMatch(/"Atlantis" is not a Party to the Convention/)
      expect(await page.locator('tr[data-account="atlantis"]').count()).toBe(0)
      // A spelling the table knows is stored as the table names it.
      await create('uk', 'delegation', 'United Kingdom')
      await page.locator('tr[data-account="uk"]').waitFor()
      expect(await page.locator('tr[data-account="uk"] td').nth(2).textContent()).toBe(
        'United Kingdom of Great Britain and Northern Ireland',
      )
      for (const [username, password] of Object.entries(made))
        expect(typeof (await suite.server.login(username, password))).toBe('string')
      // Their logins are listed; an account never used says so.
      await page.reload()
      await page.locator('.accounts-page[data-ready="true"]').waitFor()
      expect(await page.locator('tr[data-account="australia"] td').nth(4).textContent()).not.toMatch(/^(never|—)$/)
      expect(await page.locator('tr[data-account="uk"] td').nth(4).textContent()).toBe('never')

      // Disabling ends the account's sessions at once: the observer's open editor is told, and no login works.
      const press = await suite.browser.newContext({ viewport: { width: 1200, height: 800 } })
      const pressPage = await press.newPage()
      await logInThroughPage(pressPage, suite.server.url, 'press', made.press)
      await pressPage.getByRole('link', { name: 'Non-paper (AWG-KP)' }).click()
      await pressPage.locator('.editor-page[data-ready="true"]').waitFor({ timeout: 20_000 })
      page.on('dialog', (dialog) => void dialog.accept())
      await page.getByRole('button', { name: 'Disable press' }).click()
      await expect
        .poll(() => page.locator('tr[data-account="press"] .account-status').textContent())
        .toMatch(/^disabled /)
      await expect
        .poll(() => pressPage.getByRole('alert').first().textContent(), { timeout: 5000 })
        .toContain('log in again')
      await expect(suite.server.login('press', made.press)).rejects.toThrow(/login press: 403/)
      await page.getByRole('button', { name: 'Enable press' }).click()
      await expect.poll(() => page.locator('tr[data-account="press"] .account-status').textContent()).toBe('active')
      expect(typeof (await suite.server.login('press', made.press))).toBe('string')
      await press.close()

      // A reset password is shown once; the old one stops working.
      await page.getByRole('button', { name: 'Reset the password of chair-one' }).click()
      await expect
        .poll(() => page.locator('.notice').textContent())
        .toContain('New password for chair-one, shown this once:')
      const fresh = (await page.locator('.notice .secret').textContent())!
      await expect(suite.server.login('chair-one', made['chair-one'])).rejects.toThrow(/login chair-one: 401/)
      expect(typeof (await suite.server.login('chair-one', fresh))).toBe('string')
      await saveScreenshot(page, 'desk-accounts')
      await done(page)
    },
  )

  it(
    'tables a text: upload with progress, preview with diagnostics and guesses, create as Rev.0, rename, archive, restore, delete',
    { timeout: 90_000 },
    async () => {
      const page = await secretariat()
      await page.locator('.list-page[data-ready="true"]').waitFor()
      await page.setInputFiles('#upload-file', {
        name: 'draft-decision.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(DRAFT),
      })
      expect(await page.getByLabel('Title').inputValue()).toBe('draft-decision')
      await page.getByLabel('Title').fill('Draft decision on reporting')
      await page.getByRole('button', { name: 'Preview' }).click()
      const preview = page.locator('.upload-preview')
      await preview.waitFor()
      expect(await page.locator('.upload-actions progress').getAttribute('value')).toBe('100')
      expect(await preview.locator('h3').textContent()).toBe(
        'Preview of “Draft decision on reporting” (id draft-decision-on-reporting)',
      )
      const counts = Object.fromEntries(
        await preview
          .locator('.preview-counts tr')
          .evaluateAll((rows) =>
            rows.map((r) => [r.querySelector('th')!.textContent, r.querySelector('td')!.textContent]),
          ),
      )
      expect(counts).toMatchObject({
        Articles: '1',
        'Bracket groups (alternatives)': '2 (4)',
        'Optional brackets': '3',
      })
      expect(await preview.locator('.preview-diagnostics li').first().textContent()).toMatch(/^line 5, column \d+ /)
      const guesses = await preview.locator('.preview-guesses li').allTextContents()
      expect(guesses.some((g) => g.startsWith('line 3, column') && g.includes('shall / should'))).toBe(true)
      // Nothing is stored before the document is created.
      expect(
        (
          await suite.server.api(
            'GET',
            '/api/documents/draft-decision-on-reporting',
            (await suite.server.account('observer')).token,
          )
        ).status,
      ).toBe(404)
      await saveScreenshot(page, 'desk-upload-preview')

      await page.getByRole('button', { name: 'Create the document' }).click()
      const listed = page.locator('ul[aria-label="Documents"] > li[data-document="draft-decision-on-reporting"]')
      await listed.waitFor()
      expect(await page.locator('.progress-text').textContent()).toContain('tabled as Rev.0')
      const token = (await suite.server.account('co-chair')).token
      const revisions = (await suite.server.api('GET', '/api/documents/draft-decision-on-reporting/revisions', token))
        .body
      expect(revisions.map((r: { name: string; description: string }) => [r.name, r.description])).toEqual([
        ['Rev.0', 'as tabled'],
      ])
      expect((await suite.server.api('GET', '/api/documents/draft-decision-on-reporting/text', token)).body).toBe(DRAFT)

      await listed.getByRole('button', { name: 'Rename' }).click()
      await listed.getByLabel('New title').fill('Draft decision on reporting (Rev.0)')
      await listed.getByRole('button', { name: 'Save' }).click()
      await expect
        .poll(() => listed.locator('.document-link').textContent())
        .toBe('Draft decision on reporting (Rev.0)')

      page.on('dialog', (dialog) => void dialog.accept())
      await listed.getByRole('button', { name: 'Archive' }).click()
      await expect.poll(() => listed.count()).toBe(0)
      await page.locator('details.archive summary').click()
      const archived = page.locator('.archived-list li[data-document="draft-decision-on-reporting"]')
      await archived.waitFor()
      await saveScreenshot(page, 'desk-documents-archive')
      await archived.getByRole('button', { name: 'Restore' }).click()
      await listed.waitFor()

      // A second text, deleted before anyone touched it; the first, edited, is refused deletion.
      await page.setInputFiles('#upload-file', {
        name: 'mistake.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from('# A text tabled by mistake\n\nIt says [nothing][little].\n'),
      })
      await page.getByRole('button', { name: 'Preview' }).click()
      await page.getByRole('button', { name: 'Create the document' }).click()
      const mistake = page.locator('ul[aria-label="Documents"] > li[data-document="mistake"]')
      await mistake.waitFor()
      await mistake.getByRole('button', { name: 'Delete' }).click()
      await expect.poll(() => mistake.count()).toBe(0)
      expect((await suite.server.api('GET', '/api/documents/mistake', token)).status).toBe(404)
      const chair = await connectYClient(suite.server.url, 'draft-decision-on-reporting', token)
      textRoom(chair.doc).resolutions.set('g1', 'g1.2')
      await chair.stored()
      chair.close()
      await listed.getByRole('button', { name: 'Delete' }).click()
      await expect
        .poll(() => page.locator('.list-page > .form-error').textContent())
        .toContain('its text has been edited or decided on; archive it instead')
      expect(await listed.count()).toBe(1)
      await done(page)
    },
  )

  it(
    'issues a consolidated DOCX, PDF, HTML and AKN with the header, the accepted 99.5 in its Annex B table, lines numbered on request',
    { timeout: 120_000 },
    async () => {
      requireTool('pdftotext')
      requireTool('xmllint')
      // Australia proposes its inscription; a co-chair accepts it and agrees the period in 7 bis.
      const australia = await suite.server.account('delegation', 'Australia')
      const chair = await suite.server.account('co-chair')
      const delegation = await connectYClient(suite.server.url, 'non-paper/proposals', australia.token)
      const register = new ProposalRegister(delegation.doc, {
        username: australia.username,
        role: 'delegation',
        party: 'Australia',
      })
      const proposal = register.propose({ kind: 'inscription', target: 'cp2/Australia', value: 99.5 })
      await delegation.stored()
      const chairProposals = await connectYClient(suite.server.url, 'non-paper/proposals', chair.token)
      const chairText = await connectYClient(suite.server.url, 'non-paper', chair.token)
      const chairRegister = new ProposalRegister(chairProposals.doc, { username: chair.username, role: 'co-chair' })
      await expect.poll(() => chairRegister.get(proposal.id) !== undefined).toBe(true)
      const open = chairRegister.get(proposal.id)!
      const accepted = chairRegister.accept(proposal.id)
      applyAcceptance(chairText.doc, open, accepted.decision!, indexDocument(readNegotiationDoc(chairText.doc)))
      textRoom(chairText.doc).resolutions.set('g39', 'g39.2')
      await Promise.all([chairProposals.stored(), chairText.stored()])
      for (const c of [delegation, chairProposals, chairText]) c.close()

      const page = await secretariat(1400)
      await page.getByRole('link', { name: 'Non-paper (AWG-KP)' }).click()
      await page.locator('.editor-page[data-ready="true"]').waitFor({ timeout: 20_000 })
      const panel = page.locator('.side-panel .export-panel')
      await panel.locator('summary').first().click()
      await panel.locator('.export-header summary').click()
      await panel.getByLabel('Symbol').fill('FCCC/KP/AWG/2009/L.15')
      await panel.getByLabel('Distribution').selectOption('LIMITED')
      await panel.getByLabel('Date', { exact: true }).fill('2009-12-15')
      await panel
        .getByLabel('Session')
        .fill(
          'Ad Hoc Working Group on Further Commitments for Annex I Parties under the Kyoto Protocol\nTenth session\nCopenhagen, 7–15 December 2009',
        )
      await panel.getByLabel('Agenda item').fill('3')
      await panel.getByLabel('Title', { exact: true }).fill('Consideration of further commitments for Annex I Parties')
      await panel.getByRole('button', { name: 'Save header' }).click()
      await expect
        .poll(() => panel.locator('.header-status').textContent())
        .toBe('Header saved: every export prints it.')
      await saveScreenshot(page, 'desk-export-panel', page.locator('.side-panel'))

      const save = async (format: string): Promise<{ file: string; download: Download }> => {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          panel.locator(`button[data-format="${format}"]`).click(),
        ])
        const file = path.join(suite.server.dataDir, download.suggestedFilename())
        await download.saveAs(file)
        return { file, download }
      }
      const docx = await save('docx')
      expect(docx.download.suggestedFilename()).toBe('fccc-kp-awg-2009-l-15-consolidated.docx')
      expect(await panel.locator('.export-status').textContent()).toMatch(/still open, listed in its annex/)
      const word = (await mammoth.extractRawText({ path: docx.file })).value
      for (const line of [
        'UNITED NATIONS',
        'FCCC/KP/AWG/2009/L.15',
        'Distr.: LIMITED',
        '15 December 2009',
        'Original: English',
        'Tenth session',
        'Agenda item 3',
        'Consideration of further commitments for Annex I Parties',
      ])
        expect(word).toContain(line)
      const wordHtml = (await mammoth.convertToHtml({ path: docx.file })).value
      expect(wordHtml).toMatch(/<td><p>Australia<\/p><\/td><td><p>108<\/p><\/td><td><p>99\.5<\/p><\/td>/)
      expect(wordHtml).toContain('Annex: Unresolved in this text')
      // Table notes are superscripts, never the importer's markup.
      expect(wordHtml).not.toMatch(/\^a|\^\{\*\}/)
      expect(wordHtml).toMatch(/<sup>a<\/sup> Added to Annex B/)

      const pdf = await save('pdf')
      const printed = run('pdftotext', ['-layout', pdf.file, '-']).replace(/[ \t]+/g, ' ')
      for (const line of ['FCCC/KP/AWG/2009/L.15', 'Distr.: LIMITED', '15 December 2009', 'Agenda item 3'])
        expect(printed).toContain(line)
      expect(printed).toMatch(/Australia 108 99\.5/)
      expect(printed).toContain('Annex: Unresolved in this text')
      expect(printed).not.toMatch(/\^a/)

      const html = readFileSync((await save('html')).file, 'utf8')
      expect(html).toContain('<div class="symbol">FCCC/KP/AWG/2009/L.15</div>')
      expect(html).toMatch(/<tr><td>Australia<\/td><td class="number">108<\/td><td class="number">99\.5<\/td><\/tr>/)
      expect(html).toContain('<sup class="note label">a</sup> Added to Annex B')

      const akn = await save('akn')
      expect(
        execFileSync('xmllint', ['--noout', '--schema', SCHEMA, akn.file], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      ).toBe('')
      const xml = readFileSync(akn.file, 'utf8')
      expect(xml).toContain(
        '<FRBRthis value="/akn/un/doc/consolidatedText/fccc.kp.awg/2009-12-15/fccc-kp-awg-2009-l.15/!main"/>',
      )
      expect(xml).toContain('<docNumber>FCCC/KP/AWG/2009/L.15</docNumber>')
      expect(xml).toContain('<docDate date="2009-12-15">15 December 2009</docDate>')
      expect(xml).toMatch(
        /<organization eId="org_\d+" refersTo="#party_au">Australia<\/organization><\/p><\/td><td><p>108<\/p><\/td><td><p>99\.5<\/p><\/td>/,
      )

      // Line numbers asked for: the PDF numbers the text's lines, Word numbers its own but not the masthead's.
      await panel.getByLabel('Line numbers').check()
      const numbered = run('pdftotext', ['-layout', (await save('pdf')).file, '-'])
      expect(numbered).toMatch(/^ *\d+ {2,}7 bis\. In the second quantified/m)
      expect(numbered).toMatch(/^ *\d+ +Australia +108 +99\.5$/m)
      const numberedWord = await (
        await JSZip.loadAsync(readFileSync((await save('docx')).file))
      )
        .file('word/document.xml')!
        .async('string')
      expect(numberedWord).toMatch(/<w:lnNumType w:countBy="1"/)
      expect(numberedWord).toMatch(/<w:suppressLineNumbers\/>.*UNITED NATIONS/s)
      await panel.getByLabel('Line numbers').uncheck()

      // As negotiated, from Rev.0: the text as tabled, brackets and all; a copied passage reads as the text.
      await panel.getByLabel('From').selectOption('Rev.0')
      await panel.getByLabel('As negotiated').check()
      const tabled = await save('html')
      expect(tabled.download.suggestedFilename()).toBe('fccc-kp-awg-2009-l-15-rev-0-as-is.html')
      const line = readFileSync(path.join(repoRoot, 'templates/non-paper/text.txt'), 'utf8')
        .split('\n')
        .find((l) => l.startsWith('7 bis. In the second quantified'))!
      expect(await copiedParagraph(page, readFileSync(tabled.file, 'utf8'), '7 bis. In the second quantified')).toBe(
        line,
      )
      await done(page)
    },
  )

  it('copies a slash and bracket passage from the HTML as the words it holds', { timeout: 60_000 }, async () => {
    const token = (await suite.server.account('observer')).token
    const res = await fetch(
      `${suite.server.url}/api/documents/draft-decision-on-reporting/export?format=html&consolidated=false`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    )
    const page = await secretariat()
    expect(await copiedParagraph(page, await res.text(), '1. Each Party')).toBe(DRAFT.split('\n')[2])
    await done(page)
  })

  it(
    'shows "No such document" when the open document is archived, and stops connecting',
    { timeout: 60_000 },
    async () => {
      const { page } = await suite.person('co-chair', undefined, { open: 'Draft decision on reporting (Rev.0)' })
      const sockets: string[] = []
      page.on('websocket', (ws) => sockets.push(ws.url()))
      const archived = await suite.server.api(
        'POST',
        '/api/documents/draft-decision-on-reporting/archive',
        await suite.server.login('secretariat', secretariatPassword),
      )
      expect(archived.status).toBe(200)
      await page.getByRole('heading', { name: 'No such document' }).waitFor()
      await saveScreenshot(page, 'desk-missing-document')
      // The way back, then another document opened: its socket is the only one made since.
      await page.getByRole('button', { name: '← Back to the documents' }).click()
      await page.getByRole('link', { name: 'Non-paper (AWG-KP)' }).click()
      await page.locator('.editor-page[data-ready="true"]').waitFor({ timeout: 20_000 })
      expect(sockets.map((u) => new URL(u).pathname)).toEqual(['/sync/non-paper', '/sync/non-paper/proposals'])
      // Leaving an open document opens nothing (no offline probe of the rooms left): opening it
      // again makes its two sockets, and only those.
      await page.getByRole('button', { name: '← Documents' }).click()
      await page.getByRole('link', { name: 'Non-paper (AWG-KP)' }).click()
      await page.locator('.editor-page[data-ready="true"]').waitFor({ timeout: 20_000 })
      expect(sockets.map((u) => new URL(u).pathname).sort()).toEqual([
        '/sync/non-paper',
        '/sync/non-paper',
        '/sync/non-paper/proposals',
        '/sync/non-paper/proposals',
      ])
      await page.context().close()
    },
  )
})

/**
 * `html` shown in Chromium at a localhost address (a secure context, so the clipboard may
 * be read); the paragraph starting with `start` selected and copied with Ctrl+C; what
 * the clipboard then holds.
 */
async function copiedParagraph(page: Page, html: string, start: string): Promise<string> {
  const address = 'http://localhost:9/export.html'
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'http://localhost:9' })
  await page.route(address, (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }))
  await page.goto(address)
  await page.evaluate((start) => {
    const p = [...document.querySelectorAll('p')].find((x) => x.textContent!.startsWith(start))!
    const range = document.createRange()
    range.selectNodeContents(p)
    getSelection()!.removeAllRanges()
    getSelection()!.addRange(range)
  }, start)
  await page.keyboard.press('Control+C')
  return page.evaluate(() => navigator.clipboard.readText())
}
