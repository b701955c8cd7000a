// Word out, Word in: Accord's own DOCX export (as negotiated) reads back to the same structure and text.
import { readFileSync } from 'node:fs'
import { Fragment, type Node } from 'prosemirror-model'
import { describe, expect, it } from 'vitest'
import { exportDocument } from '../../server/export/index.ts'
import { readDocumentTemplate, readPartyTable } from '../../server/templates/read-template.ts'
import { readDocx } from '../../shared/docx/index.ts'
import { importText } from '../../shared/import/index.ts'
import { summarize } from '../../shared/inspect/summary.ts'
import { EMPTY_SCENARIO } from '../../shared/model/scenario.ts'
import { schema } from '../../shared/schema/index.ts'
import { serializeText } from '../../shared/serialize/plain.ts'
import { structure } from '../builder.ts'
import { cma6Docx } from '../corpus.ts'

const parties = readPartyTable()

/** `doc` exported as a Word file and read back, without the masthead and status line the export opens with. */
async function wordRoundTrip(doc: Node): Promise<Node> {
  const file = await exportDocument({
    doc,
    scenario: EMPTY_SCENARIO,
    bindings: {},
    parties,
    format: 'docx',
    consolidated: false,
  })
  const reading = await readDocx(file.bytes)
  // The UN masthead comes first (organization and symbol, distribution, date, language); it ends with the status line.
  expect(reading.text.slice(reading.paragraphs[0]!.from, reading.paragraphs[0]!.to)).toMatch(/^UNITED NATIONS/)
  const status = reading.paragraphs.find(
    (p) => reading.text.slice(p.from, p.to) === 'Text as negotiated (brackets and options as they stand)',
  )!
  expect(status).toBeDefined()
  expect(reading.paragraphs.indexOf(status)).toBeLessThan(8)
  return importText(reading.text.slice(status.to).replace(/^\n+/, '')).doc
}

// The numbered footnotes become Word footnotes, whose bodies come back after the text: they are
// compared as a list, everything else in place.
function withoutNumberedFootnotes(doc: Node): { body: unknown; footnotes: string[] } {
  const footnotes: string[] = []
  const strip = (node: Node): Node | null => {
    if (node.type.name === 'footnote' && node.attrs.kind === 'numbered') {
      footnotes.push(serializeText(schema.nodes.doc.create({ trail: 0 }, [node])))
      return null
    }
    // A note's own mark is raised in Word; Word has no spelling of it, so the reader writes a raised
    // star as the star plain texts write (`*`), where the template spells it `^{*}`: the same mark.
    if (node.type.name === 'label' && node.attrs.kind === 'footnote' && node.attrs.value === '*')
      return node.type.create({ ...node.attrs, text: node.attrs.value })
    if (node.isLeaf) return node
    if (node.isTextblock) {
      const kids: Node[] = []
      node.forEach((c) => kids.push(strip(c)!))
      return node.copy(Fragment.fromArray(kids))
    }
    const kids: Node[] = []
    node.forEach((c) => {
      const kept = strip(c)
      if (kept) kids.push(kept)
    })
    return node.copy(Fragment.fromArray(kids))
  }
  // The plain-text framing (newlines after the last line) is not structure.
  return { body: (structure(strip(doc)!) as { content: unknown }).content, footnotes }
}

function expectSameDocument(back: Node, original: Node): void {
  const { diagnostics: _a, ...a } = summarize(back)
  const { diagnostics: _b, ...b } = summarize(original)
  expect(a).toEqual(b)
  const x = withoutNumberedFootnotes(back)
  const y = withoutNumberedFootnotes(original)
  expect(x.footnotes).toEqual(y.footnotes)
  expect(x.body).toEqual(y.body)
}

describe('Word out, Word in', () => {
  it('the non-paper template', async () => {
    // Both sides without the template's annotations: they point at lines of text.txt, and a Word
    // file carries the text, not Accord's corrections of its import.
    const original = importText(readDocumentTemplate().text).doc
    expectSameDocument(await wordRoundTrip(original), original)
  })

  it('the CMA 6 Article 6.2 working file', async () => {
    const original = importText((await readDocx(readFileSync(cma6Docx))).text).doc
    expectSameDocument(await wordRoundTrip(original), original)
  })
})
