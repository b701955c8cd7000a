import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import JSZip from 'jszip'
import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import { exportDocument, type ExportFormat } from '../../server/export/index.ts'
import { fullScenario, golden, parties, template, templateDoc } from '../consolidate/template-fixture.ts'
import { requireChromium, requireTool, run } from './tools.ts'

const SYMBOL = 'FCCC/KP/AWG/2009/L.99'
const SCHEMA = fileURLToPath(new URL('../../templates/akn/akomantoso30.xsd', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'accord-export-'))
const exported = (format: ExportFormat, consolidated: boolean) =>
  exportDocument({
    doc: templateDoc,
    scenario: fullScenario,
    parties,
    bindings: template.bindings,
    format,
    consolidated,
    symbol: SYMBOL,
    date: '2009-11-06',
  })
const save = (name: string, bytes: Uint8Array) => {
  const file = join(dir, name)
  writeFileSync(file, bytes)
  return file
}
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

describe('exports of the non-paper', () => {
  it('plain text: the consolidated text is the golden text; as is, the text imported', async () => {
    expect(text((await exported('txt', true)).bytes)).toBe(golden)
    const asIs = await exported('txt', false)
    expect(text(asIs.bytes)).toBe(template.text)
    expect(asIs.fileName).toBe('fccc-kp-awg-2009-l-99-as-is.txt')
  })

  it('HTML: brackets and options marked as is, gone when consolidated', async () => {
    const asIs = text((await exported('html', false)).bytes)
    expect(asIs).toContain('<section class="option" id="o2">')
    expect(asIs).toMatch(
      /<span class="group" data-id="g39"[^>]*><span class="alt" data-id="g39.1"><span class="bracket">\[<\/span>2013 to 2017<span class="bracket">\]<\/span><\/span><span class="alt" data-id="g39.2"><span class="bracket">\[<\/span>2013 to 2020<span class="bracket">\]<\/span><\/span><\/span>/,
    )
    expect(asIs).toContain('<var class="placeholder" title="placeholder X">X</var>')
    const clean = text((await exported('html', true)).bytes)
    expect(clean).toContain(`<div class="symbol">${SYMBOL}</div>`)
    expect(clean).toContain('from 2013 to 2020, the assigned amount')
    expect(clean).not.toContain('class="alt"')
    expect(clean).toContain('<td class="number">99.5</td>')
  })

  it('DOCX: Word headings, a table with the inscriptions, real footnotes, symbol in the header', async () => {
    const file = await exported('docx', true)
    const bytes = Buffer.from(file.bytes)
    const html = (await mammoth.convertToHtml({ buffer: bytes })).value
    expect(html).toContain('<h1>ARTICLE 1: AMENDMENT</h1>')
    expect(html).toContain('<h2>D. Article 3, paragraph 7 bis</h2>')
    expect(html).toMatch(/<td><p>Australia<\/p><\/td><td><p>108<\/p><\/td><td><p>99.5<\/p><\/td>/)
    // Five numbered footnotes survive; mammoth lists Word footnotes at the end.
    expect(html.match(/<li id="footnote-\d+">/g)).toHaveLength(5)
    expect(html).toContain('Would only apply in the case where the proposal under Article 3, paragraph 1 bis')
    expect(html).not.toContain('Option 2')
    const zip = await JSZip.loadAsync(bytes)
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/header\d*\.xml$/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    )
    expect(headers.join('')).toContain(SYMBOL)
    expect(headers.join('')).toContain('Options for a proposal for amendments to the Kyoto Protocol')
    const styles = await zip.file('word/document.xml')!.async('string')
    expect(styles).toContain('w:pStyle w:val="Heading1"')
  })

  it('PDF: printed by Chromium with page numbers, the text readable back', async () => {
    requireChromium()
    requireTool('pdftotext')
    requireTool('pdfinfo')
    const file = save('consolidated.pdf', (await exported('pdf', true)).bytes)
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))![1])
    expect(pages).toBeGreaterThanOrEqual(3)
    const body = run('pdftotext', ['-layout', file, '-']).replace(/\s+/g, ' ')
    expect(body).toContain(`Page 1 of ${pages}`)
    expect(body).toContain(`Page ${pages} of ${pages}`)
    expect(body).toContain(SYMBOL)
    expect(body).toContain(
      '7 bis. In the second quantified emission limitation and reduction commitment period, from 2013 to 2020',
    )
    expect(body).not.toContain('[2013 to 2017]')
  }, 60_000)

  it('Akoma Ntoso: both forms validate against the official schema', async () => {
    requireTool('xmllint')
    for (const consolidated of [false, true]) {
      const file = save(`text-${consolidated}.akn.xml`, (await exported('akn', consolidated)).bytes)
      expect(
        execFileSync('xmllint', ['--noout', '--schema', SCHEMA, file], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      ).toBe('')
    }
  })

  it('Akoma Ntoso as is: alternatives, options, quantities, Parties and notes', async () => {
    const xml = text((await exported('akn', false)).bytes)
    expect(xml).toContain(
      '<inline name="bracketGroup" eId="g39"><inline name="alternative" eId="g39.1">[2013 to 2017]</inline><inline name="alternative" eId="g39.2">[2013 to 2020]</inline></inline>',
    )
    // AKN4UN keeps alternativeTo for language versions: options are siblings named "option".
    expect(xml).toContain('<hcontainer name="option" eId="o11">')
    expect(xml).not.toContain('alternativeTo')
    expect(xml).toContain('<quantity eId="p3" refersTo="#var_X" normalized="18">X</quantity>')
    expect(xml).toContain(
      '<TLCOrganization eId="party_au" href="/akn/ontology/organization/un/party.AU" showAs="Australia"/>',
    )
    expect(xml).toContain('<organization eId="org_')
    expect(xml).toMatch(/<authorialNote marker="5" placement="bottom" eId="note_\d+"><p>Would only apply/)
    const clean = text((await exported('akn', true)).bytes)
    expect(clean).not.toContain('name="bracketGroup"')
    expect(clean).not.toContain('name="option"')
    expect(clean).toContain('from 2013 to 2020, the assigned amount')
  })

  it('CSV: every Party of the assigned-amount table with its figures', async () => {
    const csv = text((await exported('csv', true)).bytes).split('\r\n')
    expect(csv[0]).toBe(
      'party,iso,inscribed,unit,base_year_t,years,assigned_amount_t,approximate,note,commitments,implied_t_a_year,implied_t_a_year_conditional,implied_period_t,implied_period_t_conditional,assigned_amount_t_conditional,counted,assumptions',
    )
    const australia = csv.find((l) => l.startsWith('Australia,'))!.split(',')
    // 99.5 % × base year × 8 years (the base year is the party table's; the product computed here).
    expect(Number(australia[6])).toBe(Math.round((99.5 / 100) * Number(australia[4]) * 8))
    expect(csv.at(-2)!.startsWith('Total,')).toBe(true)
  })

  it('refuses an unknown format with the list of known ones', async () => {
    await expect(exported('rtf' as ExportFormat, true)).rejects.toThrow(
      'unknown export format "rtf"; use one of txt, html, docx, pdf, akn, csv',
    )
  })
})
