// The DOCX reader on small Word files of our own: one construct per test.
import { describe, expect, it } from 'vitest'
import { acceptedText, readDocx } from '../../shared/docx/index.ts'
import { importText } from '../../shared/import/index.ts'
import { summarize } from '../../shared/inspect/summary.ts'
import { serializeText } from '../../shared/serialize/plain.ts'
import { comment, commented, del, docx, ins, lvl, num, p, pp, r, table } from './docx-builder.ts'
import { readSpeaker } from '../../shared/parties/speaker.ts'
import { readRoster } from '../../server/templates/read-template.ts'

const roster = readRoster()

const read = async (body: string, parts = {}) => readDocx(await docx(body, parts))

describe('runs', () => {
  it('reads text, marks, tabs, breaks, symbols, field results, content controls and hyperlinks', async () => {
    const reading = await read(
      p(
        r('Bold', '<w:b/>'),
        r(' and '),
        r('italic', '<w:i/>'),
        `<w:r><w:tab/><w:t>tabbed</w:t><w:br/><w:t>next line </w:t><w:sym w:font="Symbol" w:char="F0B7"/></w:r>`,
        `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF _Ref1 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('12')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`,
        `<w:sdt><w:sdtContent>${r(' control')}</w:sdtContent></w:sdt>`,
        `<w:hyperlink r:id="rId9">${r(' link', '<w:u w:val="single"/>')}</w:hyperlink>`,
        r(' hidden', '<w:vanish/>'),
        r(' marked', '<w:highlight w:val="yellow"/><w:strike/>'),
      ),
    )
    expect(reading.text).toBe('Bold and italic tabbed\nnext line •12 control link marked')
    const marks = Object.fromEntries(reading.marks.map((m) => [m.mark, reading.text.slice(m.from, m.to)]))
    expect(marks).toEqual({
      bold: 'Bold',
      italic: 'italic',
      underline: ' link',
      highlight: ' marked',
      strike: ' marked',
    })
    expect(reading.marks.find((m) => m.mark === 'highlight')?.value).toBe('yellow')
    expect(reading.diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining('7 characters of hidden text'),
      expect.stringContaining('1 symbol-font character'),
    ])
  })

  it('drops empty paragraphs and reads paragraph styles and outline levels', async () => {
    const styles = `<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>`
    const reading = await read(
      pp('<w:pStyle w:val="Title"/>', r('The title')) +
        p() +
        p(r('   ')) +
        pp('<w:pStyle w:val="Heading1"/>', r('A heading')) +
        p(r('Text')),
      { styles },
    )
    expect(reading.text).toBe('The title\n\nA heading\n\nText')
    expect(reading.paragraphs.map((x) => [x.style, x.outlineLevel])).toEqual([
      ['Title', undefined],
      ['heading 1', 0],
      [undefined, undefined],
    ])
  })
})

describe('numbering', () => {
  const abstract = (id: number, levels: string) => `<w:abstractNum w:abstractNumId="${id}">${levels}</w:abstractNum>`
  const numDef = (id: number, abstractId: number, overrides = '') =>
    `<w:num w:numId="${id}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`

  it('renders levels as Word shows them and restarts lower levels after a higher one', async () => {
    const numbering =
      abstract(
        0,
        lvl(0, 'upperRoman', '%1.') +
          lvl(1, 'decimal', '%2.', '<w:lvlRestart w:val="0"/>') +
          lvl(2, 'lowerLetter', '(%3)') +
          lvl(3, 'lowerRoman', '(%4)'),
      ) + numDef(1, 0)
    const reading = await read(
      [
        pp(num(1, 0), r('Scope')),
        pp(num(1, 1), r('Decides')),
        pp(num(1, 2), r('first')),
        pp(num(1, 3), r('sub')),
        pp(num(1, 2), r('second')),
        pp(num(1, 0), r('Other')),
        pp(num(1, 1), r('Requests')),
        pp(num(1, 2), r('again')),
      ].join(''),
      { numbering },
    )
    expect(reading.text.split('\n\n')).toEqual([
      'I. Scope',
      '1. Decides',
      '(a) first',
      '(i) sub',
      '(b) second',
      'II. Other',
      '2. Requests',
      '(a) again',
    ])
  })

  it('continues counters across numIds of one abstractNum and restarts at a startOverride', async () => {
    const numbering =
      abstract(0, lvl(0, 'decimal', '%1.')) +
      numDef(1, 0) +
      numDef(2, 0) +
      numDef(3, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>') +
      numDef(4, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="17"/></w:lvlOverride>')
    const reading = await read(
      [
        pp(num(1), r('a')),
        pp(num(2), r('b')),
        pp(num(1), r('c')),
        pp(num(3), r('d')),
        pp(num(3), r('e')),
        pp(num(1), r('f')),
        pp(num(4), r('g')),
      ].join(''),
      { numbering },
    )
    // numId 3 restarts the shared list at 1 on its first use; numId 1 then continues it.
    expect(reading.text.split('\n\n')).toEqual(['1. a', '2. b', '3. c', '1. d', '2. e', '3. f', '17. g'])
  })

  it('takes the list from the style chain, legal numbering, bullets and suffixes', async () => {
    const styles =
      `<w:style w:type="paragraph" w:styleId="ListBase"><w:name w:val="List Base"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="ListSub"><w:name w:val="List Sub"/><w:basedOn w:val="ListBase"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>`
    const numbering =
      abstract(
        0,
        lvl(0, 'decimal', '%1.') +
          lvl(1, 'decimal', '%1.%2', '<w:isLgl/><w:suff w:val="space"/>') +
          lvl(2, 'bullet', '\uf0b7'),
      ) +
      abstract(1, lvl(0, 'upperLetter', '%1.', '<w:suff w:val="nothing"/>')) +
      numDef(1, 0) +
      numDef(2, 1)
    const reading = await read(
      [
        pp('<w:pStyle w:val="ListBase"/>', r('Article')),
        pp('<w:pStyle w:val="ListSub"/>', r('Sub')),
        pp(num(1, 2), r('bullet')),
        pp(num(2), r('A')),
        pp(num(2), r('B')),
      ].join(''),
      { numbering, styles },
    )
    expect(reading.text.split('\n\n')).toEqual(['1. Article', '1.1 Sub', '• bullet', 'A.A', 'B.B'])
    expect(reading.paragraphs[1].number).toEqual({ label: '1.1', level: 1, numId: '1', format: 'decimal' })
  })

  it('writes letters past Z the way Word does', async () => {
    const numbering = abstract(0, lvl(0, 'lowerLetter', '(%1)')) + numDef(1, 0)
    const reading = await read(Array.from({ length: 28 }, (_, i) => pp(num(1), r(`x${i}`))).join(''), { numbering })
    expect(reading.text.split('\n\n').slice(25)).toEqual(['(z) x25', '(aa) x26', '(bb) x27'])
  })
})

describe('tables', () => {
  it('lays rows out on the grid: gridSpan cells are followed by empty ones, vMerge continues as empty cells', async () => {
    const reading = await read(
      p(r('Before')) +
        table(
          [
            ['Party', '<w:vMerge w:val="restart"/>'],
            ['Commitment', '<w:gridSpan w:val="2"/>'],
          ],
          [['', '<w:vMerge/>'], '2013 to 2017', '2013 to 2020'],
          ['Norway', '84', '[X]'],
        ) +
        p(r('After')),
    )
    expect(reading.text).toBe('Before\n\nParty\tCommitment\t\n\t2013 to 2017\t2013 to 2020\nNorway\t84\t[X]\n\nAfter')
    expect(reading.tables).toEqual([
      {
        from: 8,
        to: reading.text.indexOf('\n\nAfter'),
        rows: 3,
        columns: 3,
        merges: [
          { row: 0, column: 1, span: 2, continuesAbove: false },
          { row: 1, column: 0, span: 1, continuesAbove: true },
        ],
      },
    ])
    const { doc } = importText(reading.text)
    expect(summarize(doc)).toMatchObject({ tables: 1, optionalBrackets: 1, placeholders: ['X'] })
  })

  it('writes a row of one cell across the grid as its text alone, so "Table (continued)" stays a break', async () => {
    const reading = await read(
      table(['Party', '2013'], [['Table (continued)', '<w:gridSpan w:val="2"/>']], ['Norway', '84']),
    )
    expect(reading.text).toBe('Party\t2013\nTable (continued)\nNorway\t84')
    expect(summarize(importText(reading.text).doc)).toMatchObject({ tables: 1, partyRows: 1 })
  })
})

describe('brackets', () => {
  it('are read across runs, paragraphs and cells by the same importer as plain text', async () => {
    const reading = await read(
      p(r('The Parties '), r('[shall', '<w:b/>'), r('][', '<w:i/>'), r('should]')) +
        p(r('[Delete the whole')) +
        p(r('paragraph.]')) +
        table(['[cell one', 'cell two]']),
    )
    expect(reading.text).toBe('The Parties [shall][should]\n\n[Delete the whole\n\nparagraph.]\n\n[cell one\tcell two]')
    const { doc, diagnostics } = importText(reading.text)
    expect(diagnostics).toEqual([])
    expect(summarize(doc)).toMatchObject({ bracketGroups: 1, alternatives: 2, optionalBrackets: 2 })
    expect(serializeText(doc)).toBe(reading.text)
  })
})

describe('tracked changes', () => {
  it('keeps inserted and deleted words in the text, each a change with author and date', async () => {
    const reading = await read(p(r('Parties '), del(1, 'Ana', 'shall'), ins(2, 'Ben', r('should')), r(' act.')))
    expect(reading.text).toBe('Parties shallshould act.')
    expect(reading.changes).toEqual([
      { id: '1', kind: 'deletion', author: 'Ana', date: '2024-11-18T10:00:00Z', from: 8, to: 13, text: 'shall' },
      { id: '2', kind: 'insertion', author: 'Ben', date: '2024-11-18T10:00:00Z', from: 13, to: 19, text: 'should' },
    ])
    expect(acceptedText(reading)).toBe('Parties should act.')
    expect(acceptedText(reading, false)).toBe('Parties shall act.')
  })

  it('pairs a move by its name and tracks a deleted paragraph mark as a change of the break', async () => {
    const reading = await read(
      `<w:p><w:pPr><w:rPr><w:del w:id="9" w:author="Ana" w:date="2024-11-18T10:00:00Z"/></w:rPr></w:pPr>${r('First ')}<w:moveFromRangeStart w:id="5" w:name="move1" w:author="Ana"/><w:moveFrom w:id="6" w:author="Ana">${r('moved')}</w:moveFrom><w:moveFromRangeEnd w:id="5"/></w:p>` +
        p(
          r('Second '),
          `<w:moveToRangeStart w:id="7" w:name="move1" w:author="Ana"/><w:moveTo w:id="8" w:author="Ana">${r('moved')}</w:moveTo><w:moveToRangeEnd w:id="7"/>`,
        ),
    )
    expect(reading.text).toBe('First moved\n\nSecond moved')
    expect(reading.changes.map((c) => [c.kind, c.text, c.move, c.blockBreak])).toEqual([
      ['deletion', 'moved', 'move1', undefined],
      ['deletion', '\n\n', undefined, true],
      ['insertion', 'moved', 'move1', undefined],
    ])
    expect(acceptedText(reading)).toBe('First Second moved')
  })

  it('keeps a formatting-only change as a note, not a text change', async () => {
    const reading = await read(
      p(
        `<w:r><w:rPr><w:b/><w:rPrChange w:id="3" w:author="Ana" w:date="2024-11-18T10:00:00Z"><w:rPr/></w:rPrChange></w:rPr><w:t>bolded</w:t></w:r>`,
      ),
    )
    expect(reading.changes).toEqual([])
    expect(reading.formatChanges).toEqual([{ id: '3', author: 'Ana', date: '2024-11-18T10:00:00Z', from: 0, to: 6 }])
  })
})

describe('notes', () => {
  it('writes marks at their references and bodies after their section, numbered as Word numbers them', async () => {
    const footnotes = `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>${r(' According to Tuvalu, X.')}</w:p></w:footnote>`
    const endnotes = `<w:endnote w:id="2"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:tab/></w:r>${r('An endnote.')}</w:p></w:endnote><w:endnote w:id="3"><w:p><w:r><w:endnoteRef/></w:r>${r('Another.')}</w:p></w:endnote>`
    const refs = (kind: string, id: number) => `<w:r><w:${kind}Reference w:id="${id}"/></w:r>`
    const reading = await read(
      p(r('Text'), refs('footnote', 1), r(' and'), refs('endnote', 2), refs('endnote', 3)) +
        `<w:p><w:pPr><w:sectPr/></w:pPr>${r('End of section one.')}</w:p>` +
        p(r('Next section.')),
      { footnotes, endnotes, settings: '<w:endnotePr><w:pos w:val="sectEnd"/></w:endnotePr>' },
    )
    expect(reading.text).toBe(
      'Text¹ and^i^{ii}\n\nEnd of section one.\n\n¹ According to Tuvalu, X.\n\n^i An endnote.\n\n^{ii} Another.\n\nNext section.',
    )
    expect(
      reading.notes.map((n) => [
        n.kind,
        n.label,
        reading.text.slice(n.ref!.from, n.ref!.to),
        reading.text.slice(n.body.from, n.body.to),
      ]),
    ).toEqual([
      ['footnote', '1', '¹', '¹ According to Tuvalu, X.'],
      ['endnote', 'i', '^i', '^i An endnote.'],
      ['endnote', 'ii', '^{ii}', '^{ii} Another.'],
    ])
    const { doc } = importText(reading.text)
    expect(summarize(doc)).toMatchObject({ footnotes: 3, footnoteRefs: 3 })
  })

  it('writes superscript letters typed by hand as note marks, but not ordinal endings', async () => {
    const sup = '<w:vertAlign w:val="superscript"/>'
    const reading = await read(
      p(r('Authorization ID'), r('a', sup), r(', the 5'), r('th', sup), r(' report, km'), r('2', sup)),
    )
    expect(reading.text).toBe('Authorization ID^a, the 5th report, km²')
  })
})

describe('comments', () => {
  it('anchors comments at their ranges, with threads, done flags and the Party they speak for', async () => {
    const comments =
      comment(1, 'Barbara', 'Norway: Whole section lacks clarity', '0000000A') +
      comment(2, 'Julieta', 'LMDC, Pakistan against', '0000000B') +
      comment(3, 'Barbara', 'US: agree', '0000000C') +
      comment(4, 'Ayami', 'Missing cross-reference', '0000000D')
    const commentsExtended = `<w15:commentEx w15:paraId="0000000A" w15:done="1"/><w15:commentEx w15:paraId="0000000C" w15:paraIdParent="0000000A" w15:done="0"/>`
    const reading = await read(
      p(
        r('Scope of the '),
        commented(1, r('approach')),
        commented(3),
        r(' and '),
        commented(2, r('definition')),
        `<w:r><w:commentReference w:id="4"/></w:r>`,
      ),
      {
        comments,
        commentsExtended,
      },
    )
    expect(
      reading.comments.map((c) => ({
        id: c.id,
        quote: c.quote,
        speaker: readSpeaker(c.body, roster).speaker,
        named: readSpeaker(c.body, roster).named.length,
        parentId: c.parentId,
        done: c.done,
        author: c.author,
      })),
    ).toEqual([
      {
        id: '1',
        quote: 'approach',
        speaker: { kind: 'party', name: 'Norway' },
        named: 1,
        parentId: undefined,
        done: true,
        author: 'Barbara',
      },
      {
        id: '2',
        quote: 'definition',
        speaker: { kind: 'group', name: 'LMDC' },
        named: 2,
        parentId: undefined,
        done: false,
        author: 'Julieta',
      },
      {
        id: '3',
        quote: '',
        speaker: { kind: 'party', name: 'United States of America' },
        named: 1,
        parentId: '1',
        done: false,
        author: 'Barbara',
      },
      { id: '4', quote: '', speaker: null, named: 0, parentId: undefined, done: false, author: 'Ayami' },
    ])
    expect(reading.comments[3].from).toBe(reading.text.length)
  })
})
