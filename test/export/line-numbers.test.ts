// Line numbers in the exports, read back: the PDF (printed by Debian's chromium) numbers the lines
// Accord numbers in the editor and the projection, each with the same words (pdftotext); the DOCX
// asks Word to number its lines; without the option nothing is numbered.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import type { Node } from 'prosemirror-model'
import { describe, expect, it } from 'vitest'
import { exportDocument, type ExportFormat } from '../../server/export/index.ts'
import { numberLines } from '../../shared/lines/line-numbering.ts'
import { fullScenario, parties, template, templateDoc } from '../consolidate/template-fixture.ts'
import { requireChromium, requireTool, run } from './tools.ts'

const exported = (format: ExportFormat, lineNumbers: boolean) =>
  exportDocument({
    doc: templateDoc,
    scenario: fullScenario,
    parties,
    bindings: template.bindings,
    format,
    consolidated: false,
    lineNumbers,
  })

/** The words of each numbered line of `doc` as Accord breaks them (brackets aside, as `words` compares). */
function lineWords(doc: Node): Map<number, string> {
  const lines = numberLines(doc)
  const leaf = (n: Node) => (n.type.name === 'placeholder' ? n.attrs.name : (n.attrs.text ?? ''))
  const out = new Map<number, string>()
  lines.forEach((line, i) => {
    const next = lines[i + 1]
    const end = next && !next.first ? next.pos : doc.resolve(line.pos).end()
    out.set(line.number, words(doc.textBetween(line.pos, end, '', leaf)))
  })
  return out
}

const words = (text: string) => text.replace(/[[\]]/g, '').replace(/\s+/g, ' ').trim()

describe('line numbers in the exports', () => {
  it('PDF: every line of paragraph 7 bis has the editor’s number and words', async () => {
    requireChromium()
    requireTool('pdftotext')
    const file = join(mkdtempSync(join(tmpdir(), 'accord-lines-')), 'as-is.pdf')
    writeFileSync(file, (await exported('pdf', true)).bytes)
    const printed = new Map<number, string>()
    for (const line of run('pdftotext', ['-layout', file, '-']).split('\n')) {
      const m = /^\s*(\d+)\s{2,}(\S.*)$/.exec(line)
      if (m && !printed.has(Number(m[1]))) printed.set(Number(m[1]), words(m[2]!))
    }
    const expected = lineWords(templateDoc)
    const first = [...expected].find(([, text]) => text.startsWith('7 bis. In the second quantified'))![0]
    expect(first).toBeGreaterThan(100)
    for (let n = first; n < first + 13; n++) expect(printed.get(n), `line ${n}`).toBe(expected.get(n))
    expect(printed.get(first + 1)).toBe('commitment period, from 2013 to 20172013 to 2020, the assigned')
    // The numbers run in reading order up to the last line's; a number alone on its line is a centred heading's.
    const numbers = [...printed.keys()]
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
    expect(numbers.at(-1)).toBe(expected.size)
    expect(numbers.length).toBeGreaterThan(0.95 * expected.size)
  }, 60_000)

  it('DOCX: Word numbers its lines when asked, and not otherwise', async () => {
    const documentXml = async (lineNumbers: boolean) =>
      (await JSZip.loadAsync((await exported('docx', lineNumbers)).bytes)).file('word/document.xml')!.async('string')
    expect(await documentXml(true)).toMatch(/<w:lnNumType w:countBy="1"[^>]*w:restart="continuous"/)
    expect(await documentXml(false)).not.toContain('w:lnNumType')
  })

  it('HTML: no numbers unless asked', async () => {
    const html = (bytes: Uint8Array) => new TextDecoder().decode(bytes)
    expect(html((await exported('html', false)).bytes)).not.toContain('class="ln"')
    expect(html((await exported('html', true)).bytes)).toContain(
      `<span class="ln">${numberLines(templateDoc).length}</span>`,
    )
  })
})
