// The formats a secretariat issues, read back: the UN header in the HTML block, the Word
// file's first page and running header, and the Akoma Ntoso preface and metadata (AKN4UN
// FRBR URIs with actor and date, valid against the 3.0 schema); table-note marks as
// superscripts in every format, never `^a`; brackets as characters of the text inside
// their markup in HTML and Akoma Ntoso, and no `alternativeTo`.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import JSZip from 'jszip'
import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import { exportDocument, type ExportFormat } from '../../server/export/index.ts'
import { parties, template, templateDoc, dohaScenario } from '../consolidate/template-fixture.ts'
import { requireTool } from './tools.ts'
import { unHeader } from './un-header.ts'

const SCHEMA = fileURLToPath(new URL('../../templates/akn/akomantoso30.xsd', import.meta.url))
const header = unHeader
const exported = (format: ExportFormat, consolidated = true) =>
  exportDocument({
    doc: templateDoc,
    scenario: dohaScenario,
    parties,
    bindings: template.bindings,
    format,
    consolidated,
    header,
    date: '2026-12-02',
  })
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

describe('the UN header and the marks in issued files', () => {
  it('HTML: the header block, superscript note marks, brackets as text', async () => {
    const html = text((await exported('html')).bytes)
    expect(html).toContain(
      '<div class="organization">United Nations</div><div class="symbol">FCCC/KP/AWG/2009/L.15</div>',
    )
    expect(html).toContain(
      '<div class="distribution"><div>Distr.: LIMITED</div><div>15 December 2009</div><div>Original: English</div></div>',
    )
    expect(html).toContain('<div>Tenth session</div><div>Copenhagen, 7–15 December 2009</div><div>Agenda item 3</div>')
    expect(html).toContain('<sup class="note label">a</sup> Added to Annex B')
    expect(html).toContain('Belarus <sup class="note ref"><a href="#fn-a*">a*</a></sup>')
    expect(html).not.toMatch(/\^a|\^\{/)
    // No style sheet draws a bracket: every one is a character of the text.
    expect(html).not.toMatch(/content:\s*"\["/)
    expect(html).toContain(
      '<span class="optional" data-id="g5" title="optional text g5"><span class="bracket">[</span><sup class="note ref"><a href="#fn-*">*</a></sup><span class="bracket">]</span></span>',
    )
    expect(html).toContain('<h2 class="article">Annex: Unresolved in this text</h2>')
  })

  it('Word: the header block on the first page, the symbol and title as the running header after it', async () => {
    const bytes = Buffer.from((await exported('docx')).bytes)
    const zip = await JSZip.loadAsync(bytes)
    const documentXml = await zip.file('word/document.xml')!.async('string')
    expect(documentXml).toContain('<w:titlePg/>')
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string')
    const headerFile = (type: string) => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(rId\\d+)"`).exec(documentXml)![1]
      return 'word/' + new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]
    }
    const running = await zip.file(headerFile('default'))!.async('string')
    const first = await zip.file(headerFile('first'))!.async('string')
    expect(running).toContain('FCCC/KP/AWG/2009/L.15')
    expect(running).toContain('Consideration of further commitments for Annex I Parties')
    expect(first).not.toContain('FCCC')
    const raw = (await mammoth.extractRawText({ buffer: bytes })).value.split('\n').filter(Boolean)
    expect(raw.slice(0, 9)).toEqual([
      'UNITED NATIONS\tFCCC/KP/AWG/2009/L.15',
      'Distr.: LIMITED',
      '15 December 2009',
      'Original: English',
      'Ad Hoc Working Group on Further Commitments for Annex I Parties under the Kyoto Protocol',
      'Tenth session',
      'Copenhagen, 7–15 December 2009',
      'Agenda item 3',
      'Consideration of further commitments for Annex I Parties',
    ])
    const html = (await mammoth.convertToHtml({ buffer: bytes })).value
    expect(html).toContain('<p><sup>a</sup> Added to Annex B')
    expect(html).toMatch(/<td><p>Belarus <sup>a\*<\/sup><\/p><\/td>/)
    expect(html).not.toMatch(/\^a|\^\{/)
  })

  it('Akoma Ntoso: AKN4UN identification, the header in preface and metadata, valid against the schema', async () => {
    requireTool('xmllint')
    const dir = mkdtempSync(join(tmpdir(), 'accord-issued-'))
    for (const consolidated of [true, false]) {
      const xml = text((await exported('akn', consolidated)).bytes)
      const file = join(dir, `${consolidated}.akn.xml`)
      writeFileSync(file, xml)
      expect(
        execFileSync('xmllint', ['--noout', '--schema', SCHEMA, file], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      ).toBe('')
      const subtype = consolidated ? 'consolidatedText' : 'nonPaper'
      const work = `/akn/un/doc/${subtype}/fccc.kp.awg/2009-12-15/fccc-kp-awg-2009-l.15`
      expect(xml).toContain(
        `<FRBRWork><FRBRthis value="${work}/!main"/><FRBRuri value="${work}"/><FRBRdate date="2009-12-15" name="issued"/><FRBRauthor href="#fccc.kp.awg"/>`,
      )
      expect(xml).toContain(`<FRBRExpression><FRBRthis value="${work}/eng@2009-12-15/!main"/>`)
      expect(xml).toContain('<FRBRdate date="2026-12-02" name="export"/>')
      expect(xml).toContain(
        '<TLCOrganization eId="fccc.kp.awg" href="/akn/ontology/organization/un/fccc.kp.awg" showAs="FCCC/KP/AWG"/>',
      )
      expect(xml).toContain(
        '<p class="distribution">Distr.: <docStatus>LIMITED</docStatus></p><p class="date"><docDate date="2009-12-15">15 December 2009</docDate></p><p class="language">Original: English</p>',
      )
      expect(xml).toContain('<session value="Tenth session">Tenth session</session>')
      expect(xml).toContain('<p class="agendaItem">Agenda item 3</p>')
      expect(xml).toMatch(
        /<un:header xmlns:un="urn:accord:un-document-header" symbol="FCCC\/KP\/AWG\/2009\/L.15" distribution="LIMITED" date="2009-12-15"/,
      )
      expect(xml).not.toContain('alternativeTo')
      expect(xml).toContain('Belarus</organization> <inline name="footnoteMarker"><sup>')
      expect(xml).not.toMatch(/\^a|\^\{/)
      if (consolidated) expect(xml).toContain('<hcontainer name="secretariatAnnex" eId="annex-unresolved">')
      else expect(xml).toContain('<inline name="optional" eId="g41">[Those Parties included in Annex I')
    }
  })
})
