// A text of our own in the messy styles real negotiation texts have
// (fixtures/messy-text.txt): counted by hand, round-tripped exactly.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importText } from '../../shared/import/index.ts'
import { outline } from '../../shared/inspect/outline.ts'
import { summarize } from '../../shared/inspect/summary.ts'
import { serializeText } from '../../shared/serialize/plain.ts'

const text = readFileSync(new URL('fixtures/messy-text.txt', import.meta.url), 'utf8')

describe('a messy text of our own', () => {
  const { doc, diagnostics } = importText(text)

  it('round-trips to the character', () => {
    expect(serializeText(doc)).toBe(text)
  })

  it('has the counts a reader finds by hand', () => {
    // Options 5: "Option 1:" and "[Option 2:" are one run; "Option (a):" and "Option I:" stand in
    //   Option 1 and "Option A" in Option 2, each alone in its numbering: a run of one each, its end a guess.
    // Alternatives: "[by 2015][annually]" and "shall / should" (a guess): 2 groups, 4 alternatives.
    // Optional 16: [Preamble], the bracket around the preamble paragraph (it spans lines 3–5),
    //   a[n], check[s], ten nested around "ten deep", "[adequacy … be]" across a page-bottom
    //   footnote, and "[Option 2: … levels.]".
    // Unmatched 2: "part;]" closes nothing (its "6" is a footnote marker) and the "[" after it
    //   is never closed. Placeholders: Z, X, W (never Annex A, Annex I). Notes: {…} and [*…*].
    const { diagnostics: _, ...counts } = summarize(doc, diagnostics)
    expect(counts).toEqual({
      articles: 0,
      sections: 0,
      options: 5,
      bracketGroups: 2,
      alternatives: 4,
      optionalBrackets: 16,
      blanks: 1,
      editorialNotes: 2,
      placeholders: ['W', 'X', 'Z'],
      placeholderOccurrences: 3,
      footnotes: 1,
      footnoteRefs: 2,
      tables: 0,
      partyRows: 0,
      maxDepth: 10,
      guesses: 1,
    })
    expect(diagnostics.map((d) => `${d.line}:${d.column}`)).toEqual(['11:47', '11:49'])
  })

  it('reads a drafting note on the first line as a note, not as the title', () => {
    expect(outline(doc).split('\n')[0]).toBe('paragraph: {*Placeholder for preamble*}')
  })

  it('keeps the page-bottom footnote inside the open bracket and resumes the item after it', () => {
    expect(
      outline(doc)
        .split('\n')
        .filter((l) => /adequacy|CMP\.7|paragraph shall/.test(l)),
    ).toEqual([
      '  list_item: «(a)» The ⟦g16.1adequacy of⏎commitments under this',
      '  footnote(id=f1 label=1 kind=numbered): «¹» See decision 2/CMP.7.',
      '  paragraph: paragraph shall beg16.1⟧ reviewed at least <Z> years before the end of the period.',
    ])
  })
})
