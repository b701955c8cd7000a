// One case per construct of a negotiation text: what the importer makes of it,
// stated with the test builder, and that the text comes back unchanged.
import { describe, expect, it } from 'vitest'
import type { Node } from 'prosemirror-model'
import { importText } from '../../shared/import/index.ts'
import { serializeText } from '../../shared/serialize/plain.ts'
import { outline } from '../../shared/inspect/outline.ts'
import * as b from '../builder.ts'

const { doc, p, alt, group, guessed, sep, ph, ref, label, blank, note, br, unmatched } = b

/** Import `text`, check it round-trips, and return the document's top-level content as built. */
function imported(text: string) {
  const result = importText(text)
  expect(serializeText(result.doc)).toBe(text)
  result.doc.check()
  return result
}

function expectDoc(text: string, expected: Node) {
  expect(b.structure(imported(text).doc)).toEqual(b.structure(expected))
}

describe('square brackets', () => {
  it('makes adjacent brackets alternatives of one group', () => {
    expectDoc(
      'from [2013 to 2017][2013 to 2020], multiplied by [five][eight].',
      doc(
        p(
          'from ',
          group(alt('2013 to 2017'), alt('2013 to 2020')),
          ', multiplied by ',
          group(alt('five'), alt('eight')),
          '.',
        ),
      ),
    )
  })

  it('makes a single bracket optional text', () => {
    expectDoc(
      'inscribed [in the third column of the table contained] in Annex B',
      doc(p('inscribed ', group(alt('in the third column of the table contained')), ' in Annex B')),
    )
  })

  it('nests brackets inside alternatives', () => {
    expectDoc(
      '[, [with the provision of][and in accordance with] the assessment in Article [7][R]].',
      doc(
        p(
          group(
            alt(
              ', ',
              group(alt('with the provision of'), alt('and in accordance with')),
              ' the assessment in Article ',
              group(alt('7'), alt(ph('R'))),
            ),
          ),
          '.',
        ),
      ),
    )
  })

  it('handles partial-word alternatives', () => {
    expectDoc(
      'a[n] check[s] of paragraph[s] 9',
      doc(p('a', group(alt('n')), ' check', group(alt('s')), ' of paragraph', group(alt('s')), ' 9')),
    )
  })

  it('nests ten deep', () => {
    const text = 'x ' + '['.repeat(10) + 'core' + ']'.repeat(10)
    let inner: Node = group(alt('core'))
    for (let i = 1; i < 10; i++) inner = group(alt(inner))
    expectDoc(text, doc(p('x ', inner)))
  })

  it('guesses that space-separated brackets are independent, and says so', () => {
    expectDoc(
      '[the adequacy of commitments and] [further] commitments',
      doc(p(guessed('g', alt('the adequacy of commitments and')), ' ', guessed('g', alt('further')), ' commitments')),
    )
  })

  it('keeps a bracket that spans lines of a paragraph inline, with the line break', () => {
    expectDoc(
      'shall [ensure that\ntheir emissions] do not',
      doc(p('shall ', group(alt('ensure that', br(), 'their emissions')), ' do not')),
    )
  })

  it('pairs a bracket across paragraphs and headings with start/end markers', () => {
    const { doc: d } = imported('A. Annex [B\n\nOption 1\n\nText] here\n\nOption 2')
    expect(outline(d)).toBe(
      [
        'section(id=s1)',
        '  heading(level=section rank=3): «A.» Annex ⟦g1.1B',
        '  option(id=o1 run=run1)',
        '    heading(level=option): «Option 1»',
        '    paragraph: Textg1.1⟧ here',
        '  option(id=o2 run=run1)',
        '    heading(level=option): «Option 2»',
      ].join('\n'),
    )
  })

  it('keeps alternatives of a spanning group together by group id', () => {
    const { doc: d } = imported('[first\n\npara][second] end')
    expect(outline(d)).toBe('paragraph: ⟦g1.1first\nparagraph: parag1.1⟧⟦g1.2secondg1.2⟧ end')
  })
})

describe('unbalanced brackets', () => {
  it('keeps unmatched closers as flagged text with line and column', () => {
    const { doc: d, diagnostics } = imported('have been\nsatisfied]].')
    expect(b.structure(d)).toEqual(
      b.structure(
        doc(p('have been', br(), 'satisfied', unmatched(']', 'closes nothing'), unmatched(']', 'closes nothing'), '.')),
      ),
    )
    expect(diagnostics.map((x) => [x.line, x.column])).toEqual([
      [2, 10],
      [2, 11],
    ])
    expect(diagnostics[0].message).toMatch(/closes no open bracket/)
    expect(diagnostics[0].hint).toMatch(/missing '\['/)
  })

  it('keeps an opener that is never closed as flagged text', () => {
    const { diagnostics } = imported('one\n\nthe [open text')
    expect(diagnostics).toEqual([
      expect.objectContaining({ line: 3, column: 5, message: "'[' is never closed: kept as text" }),
    ])
  })
})

describe('blanks, notes and markers', () => {
  it('reads [...] as a blank and [*…*] and {…} as editorial notes', () => {
    expectDoc(
      'commitments and [...] once [*specified conditions*] {Placeholder for preamble}',
      doc(
        p(
          'commitments and ',
          blank(),
          ' once ',
          note('specified conditions'),
          ' ',
          note('Placeholder for preamble', 'curly'),
        ),
      ),
    )
  })

  it('reads superscript, caret and star markers as footnote references', () => {
    expectDoc(
      'Protocol:¹¹ V^a Belarus ^{a*} Bulgaria* Lithuania [*]',
      doc(
        p(
          'Protocol:',
          ref('11', '¹¹'),
          ' ',
          ph('V'),
          ref('a', '^a'),
          ' Belarus ',
          ref('a*', '^{a*}'),
          ' Bulgaria',
          ref('*'),
          ' Lithuania ',
          group(alt(ref('*'))),
        ),
      ),
    )
  })

  it('reads digits glued to a closing bracket as a footnote marker', () => {
    expectDoc(
      '[[Preamble]1 text part;]6[ with more]',
      doc(
        p(
          guessed('g', alt(group(alt('Preamble')), ref('1'), ' text part;')),
          ref('6'),
          guessed('g', alt(' with more')),
        ),
      ),
    )
  })
})

describe('placeholders', () => {
  it('finds placeholders and never the letters of names', () => {
    const { doc: d } = imported(
      'X per cent below W levels by V, 2013–V^a, in Annex A, Annex I, Annex B.I, Party A, section G, “V”, (V), which is P.⁶',
    )
    const names: string[] = []
    d.descendants((n) => {
      if (n.type.name === 'placeholder') names.push(n.attrs.name)
    })
    expect(names).toEqual(['X', 'W', 'V', 'V', 'P'])
  })
})

describe('slash alternatives', () => {
  it('reads single words around " / " as a guessed group without brackets', () => {
    expectDoc(
      'Parties shall / should report and/or review',
      doc(p('Parties ', b.slash(alt('shall'), sep(' / '), alt('should')), ' report and/or review')),
    )
  })
})

describe('blocks', () => {
  it('recognises the many spellings of option labels', () => {
    for (const [line, text, value, sibling] of [
      ['Option 1:', 'Option 1:', '1', 'Option 2:'],
      ['Option (a): text', 'Option (a):', 'a', 'Option (b): text'],
      ['Option I:', 'Option I:', 'I', 'Option II:'],
      ['Option A', 'Option A', 'A', 'Option B'],
      ['Option 3⁷', 'Option 3', '3', 'Option 4'],
    ]) {
      const { doc: d } = imported(`${line}\n\n${sibling}`)
      expect(d.firstChild!.type.name).toBe('option')
      expect(d.firstChild!.firstChild!.firstChild!.attrs).toEqual({ kind: 'option', text, value })
    }
    expect(imported('Option 2 of section A is preferred.').doc.firstChild!.type.name).toBe('paragraph')
  })

  it('reads "[Option 2:" as an option whose label line opens a bracket and holds its text', () => {
    const { doc: d } = imported('Option 1: one\n\n[Option 2: text\n\nmore text]')
    expect(outline(d)).toBe(
      'option(id=o1 run=run1)\n  paragraph: «Option 1:» one\noption(id=o2 run=run1)\n  paragraph: ⟦g1.1«Option 2:» text\n  paragraph: more textg1.1⟧',
    )
  })

  it('nests articles, sections and options and parses applicability notes', () => {
    const { doc: d } = imported(
      [
        'ARTICLE 1: AMENDMENT',
        '',
        'A. Annex B',
        '',
        'Option 3',
        '',
        'Option 4',
        '',
        'B. Article 3, paragraph 1 bis',
        '',
        'Option 3',
        '',
        '(would only apply if option 3 for Annex B above is selected)',
        '',
        'The following paragraph shall be inserted after paragraph 1:',
        '',
        '1 bis. The Parties shall',
        '',
        '- (a) Historical responsibility;',
        '',
        'Option 4',
      ].join('\n'),
    )
    expect(outline(d)).toBe(
      [
        'article(id=a1)',
        '  heading(level=article rank=2): «ARTICLE 1»: AMENDMENT',
        '  section(id=s1)',
        '    heading(level=section rank=3): «A.» Annex B',
        '    option(id=o1 run=run1)',
        '      heading(level=option): «Option 3»',
        '    option(id=o2 run=run1)',
        '      heading(level=option): «Option 4»',
        '  section(id=s2)',
        '    heading(level=section rank=3): «B.» Article 3, paragraph 1 bis',
        '    option(id=o3 run=run2)',
        '      heading(level=option): «Option 3»',
        '      applicability(section=s1 option=3): (would only apply if option 3 for Annex B above is selected)',
        '      instruction: The following paragraph shall be inserted after paragraph 1:',
        '      provision: «1 bis.» The Parties shall',
        '      list_item: «- (a)» Historical responsibility;',
        '    option(id=o4 run=run2)',
        '      heading(level=option): «Option 4»',
      ].join('\n'),
    )
  })

  it('credits an option to the Party its footnote names', () => {
    const { doc: d } = imported(
      'Option 4\n\nThe following annex shall be inserted:¹\n\n¹ Tuvalu suggests that an Annex B.I could be added.\n\nOption 5',
    )
    expect(d.firstChild!.attrs.attribution).toBe('Tuvalu')
  })

  it('keeps a page-bottom footnote that lands inside an open bracket, and resumes the text after it', () => {
    const text = 'The Parties shall [ensure that their\n¹ See decision 1/CP.13.\nemissions do not exceed] amounts.'
    const { doc: d, diagnostics } = imported(text)
    expect(diagnostics).toEqual([])
    expect(outline(d)).toBe(
      [
        'paragraph: The Parties shall ⟦g1.1ensure that their',
        'footnote(id=f1 label=1 kind=numbered): «¹» See decision 1/CP.13.',
        'paragraph: emissions do not exceedg1.1⟧ amounts.',
      ].join('\n'),
    )
  })

  it('joins a table split by "Table (continued)" and keeps its notes', () => {
    const text =
      'Party\tQELRC ([2013–2017] [2013–2020])\nAustria\t92\nBulgaria*\t92\n\nTable (continued)\n\nParty\tQELRC\nUkraine [*]\t100\n...\t\n\n^{*} Countries in transition.'
    const { doc: d } = imported(text)
    expect(d.childCount).toBe(1)
    const table = d.firstChild!
    const rows: string[] = []
    table.forEach((r) =>
      rows.push(`${r.type.name}${r.attrs.header ? ' header' : ''}${r.attrs.party ? ` ${r.attrs.party}` : ''}`),
    )
    expect(rows).toEqual([
      'table_row header',
      'table_row Austria',
      'table_row Bulgaria',
      'table_break',
      'table_row header',
      'table_row Ukraine',
      'table_row',
      'footnote',
    ])
  })

  it('keeps leading and trailing blank lines, CRLF line endings and a byte-order mark', () => {
    for (const text of [
      '\n\nTitle\n\n\ntext\n\n',
      'no final newline',
      '\uFEFFOption 1\r\n\r\ntext [a][b]\r\n',
      '',
      '\n\n',
    ])
      imported(text)
  })
})
