// Texts of our own in the three shapes real texts come in (fixtures/shapes), written in
// the conventions of negotiating texts: counted by hand, read as a reader reads them,
// round-tripped to the character.
import { describe, expect, it } from 'vitest'
import type { Node } from 'prosemirror-model'
import { importText } from '../../shared/import/index.ts'
import { isMarkdown } from '../../shared/import/shape.ts'
import { structureOutline } from '../../shared/inspect/structure-outline.ts'
import { summarize } from '../../shared/inspect/summary.ts'
import { serializeText } from '../../shared/serialize/plain.ts'
import { readText } from './texts.ts'

function read(name: string) {
  const text = readText(name)
  const result = importText(text)
  return { text, ...result, outline: structureOutline(result.doc), summary: summarize(result.doc, result.diagnostics) }
}

function all(doc: Node, type: string, show: (n: Node) => string): string[] {
  const out: string[] = []
  doc.descendants((n) => {
    if (n.type.name === type) out.push(show(n))
    return true
  })
  return out
}

const options = (outline: ReturnType<typeof structureOutline>) =>
  outline.filter((e) => e.kind === 'option').map((e) => `${e.run} ${e.label} ${e.line}-${e.endLine}`)

describe('a draft as extracted from a PDF (hard-wrapped, page headers, page-bottom footnotes)', () => {
  const { text, doc, diagnostics, guesses, outline, summary } = read('shapes/wrapped-draft.txt')

  it('round-trips to the character', () => {
    expect(serializeText(doc)).toBe(text)
  })

  it('finds the options and where each run ends', () => {
    // By hand: article 1 paragraph 1 (A, B, hard-wrapped); paragraph 4 (1, 1 bis, 2, in one bracket); article 3
    // paragraph 2 (1, 2, `3 {No text required}`); OPTION I / II, each holding an article (the second takes in
    // article 4 bis, a guess); article 5 (`Option II: Finance3`, `Option III: Technology`): 12 options, 5 runs.
    expect(options(outline)).toEqual([
      'run1 Option A: 11-12',
      'run1 Option B: 13-14',
      'run2 Option 1: 23-23',
      'run2 Option 1 bis: 24-24',
      'run2 Option 2: 25-25',
      'run3 Option 1: 36-36',
      'run3 Option 2: 37-37',
      'run3 Option 3 38-38',
      'run4 OPTION I: 48-51',
      'run4 OPTION II: 52-58',
      'run5 Option II: 61-62',
      'run5 Option III: 63-66',
    ])
    expect(guesses.filter((g) => g.kind === 'option').map((g) => [g.line, g.message.slice(0, 60)])).toEqual([
      [52, 'the last option of its run takes in the heading on line 56; '],
    ])
  })

  it('has the counts a reader finds by hand', () => {
    // Headings: I., II., III. (roman parts), 8 `Article` lines (two of them `Article 4`, in OPTION I and II, and
    // `Article 4 bis`), sections `B. [Definitions` and `C. Scope`, `Annex I`, 3 option labels alone on their line.
    // Not headings: `Article 2.]` (a wrapped cross-reference that closes the objective's bracket).
    // Footnotes 3: `1 See decision …`, `2 See decision …` (inside the open bracket of paragraph 4 and its
    // sentence) and `3 Proposed …`, each after a blank line; markers `finance.1`, `Finance3`, the `*` of `[NDMC*]`.
    // Brackets 10, each optional: [The objective … Article 2.], [X], [x], the bracket of paragraph 4's run,
    // [A or B], [Finance …], [ensure that …], [B. Mitigation], [NDMC*], [Definitions … zones.].
    const { diagnostics: _, ...counts } = summary
    expect(counts).toMatchObject({
      articles: 5,
      sections: 2,
      options: 12,
      bracketGroups: 0,
      optionalBrackets: 10,
      editorialNotes: 1,
      footnotes: 3,
      footnoteRefs: 3,
      tables: 2,
      partyRows: 3,
    })
    expect(all(doc, 'heading', (n) => `${n.attrs.level}`).filter((l) => l !== 'option')).toEqual([
      'part',
      'article',
      'article',
      'part',
      'article',
      'article',
      'article',
      'article',
      'part',
      'article',
      'article',
      'section',
      'section',
      'annex',
    ])
    expect(diagnostics).toEqual([])
  })

  it('finds placeholders conservatively and completely', () => {
    // X.X (W/m2), [X] years, [x] session, paragraph X, annex X, Article (XX), 20XX, USD X.X million, XX per cent,
    // X in a table cell; never the C of `1.5 °C`, the W of `W/m2`, D, E, F of `sections D, E, F`, the B of
    // `Annex [A or B]` or of `[B. Mitigation]`, the B of `Party B`.
    expect(all(doc, 'placeholder', (n) => n.attrs.name)).toEqual([
      'X.X',
      'X',
      'x',
      'X',
      'X',
      'XX',
      '20XX',
      'X.X',
      'XX',
      'X',
    ])
  })

  it('keeps Party rows for a table of Parties only', () => {
    expect(all(doc, 'table_row', (n) => `${n.attrs.party}`)).toEqual([
      'null',
      'Australia',
      'Kenya',
      'Party B',
      'null',
      'null',
      'null',
    ])
  })
})

describe('a draft in Markdown (front matter, `##` headings, bold labels, indented lists, `[^n]` notes)', () => {
  const { text, doc, diagnostics, outline, summary } = read('shapes/markdown-draft.md')

  it('round-trips to the character', () => {
    expect(serializeText(doc)).toBe(text)
  })

  it('finds the options, indented ones ending with their indentation', () => {
    // Article 1, 1.1: `**Option 1:** by 2030,` / `**Option 2:** by 2035,`, then `   taking into account …`,
    // less indented: 1.1's own words. Article 2: `**Option 1:**` / `**Option 2**:` on lines of their own, each
    // with numbered paragraphs. Article 3: `1. **Option 1:** …` / `    **Option 2:** …`.
    expect(options(outline)).toEqual([
      'run1 **Option 1:** 16-16',
      'run1 **Option 2:** 17-17',
      'run2 **Option 1:** 24-28',
      'run2 **Option 2**: 30-32',
      'run3 **Option 1:** 36-36',
      'run3 **Option 2:** 38-38',
    ])
  })

  it('has the counts a reader finds by hand', () => {
    // `[^1]` is a marker and `[^1]:` its body, not brackets; `*Recalling*` is emphasis, not a marker; `[y]70 per
    // cent` is a bracket before a number; `[NDMC*]` a bracket holding a marker; `[*to be completed …*]` and the
    // `{Note: …}` that wraps onto the next line are notes. Brackets: [y], [NDMC*], [X], `[Article 3]`.
    const { diagnostics: _, ...counts } = summary
    expect(counts).toMatchObject({
      articles: 3,
      options: 6,
      optionalBrackets: 4,
      editorialNotes: 2,
      placeholders: ['20XX', 'X'],
      footnotes: 1,
      footnoteRefs: 1,
    })
    expect(all(doc, 'editorial_note', (n) => n.textContent)).toEqual([
      'to be completed by the co-facilitators',
      'Note: pending outcome of\ndiscussions on Article 2',
    ])
    expect(all(doc, 'footnote_ref', (n) => n.attrs.text)).toEqual(['[^1]'])
    expect(diagnostics).toEqual([])
  })
})

describe('a draft as extracted from Word (one paragraph per line, notes after a rule)', () => {
  const { text, doc, diagnostics, outline, summary } = read('shapes/word-draft.txt')

  it('round-trips to the character', () => {
    expect(serializeText(doc)).toBe(text)
  })

  it('finds the options of numbered paragraphs and the bracket around a run', () => {
    // `2. Option 1: …` then `Option 2: …`, `Option 3: …` until `3.`; `4. [Option A: … Option B: ….]` until `5.`.
    expect(options(outline)).toEqual([
      'run1 Option 1: 5-5',
      'run1 Option 2: 6-6',
      'run1 Option 3: 7-7',
      'run2 Option A: 9-9',
      'run2 Option B: 10-10',
    ])
    // The `[` and `]` around paragraph 4's run stand outside its options.
    const outside = all(doc, 'bracket_start', () => '[').length + all(doc, 'bracket_end', () => ']').length
    expect(outside).toBe(2)
  })

  it('has the counts a reader finds by hand', () => {
    // Footnote `1 FCCC/SBI/2026/INF.1.` after the `____` rule, its marker in `workshop;1`; placeholders [20XX],
    // [x], USD X.X; a table of Parties (Germany, Japan) and a field/value table with no Party row.
    const { diagnostics: _, ...counts } = summary
    expect(counts).toMatchObject({
      options: 5,
      optionalBrackets: 3,
      placeholders: ['20XX', 'X.X', 'x'],
      footnotes: 1,
      footnoteRefs: 1,
      tables: 2,
      partyRows: 2,
    })
    expect(diagnostics).toEqual([])
  })
})

describe('telling Markdown from plain text', () => {
  const md = (text: string) => isMarkdown(text.split('\n'))

  it('reads front matter, a footnote definition, two # headings or three bold labels as Markdown', () => {
    expect(md('---\ntitle: Draft\n---\nText.')).toBe(true)
    expect(md('4. Parties shall report.[^1]\n\n[^1]: See decision 1/CP.21.')).toBe(true)
    expect(md('## Article 1\nText.\n## Article 2')).toBe(true)
    expect(md('**Option 1:** a\n**Option 2:** b\n4. **Option 3**: c')).toBe(true)
  })

  it('reads plain text with brackets, one heading or two bold labels as plain text', () => {
    // `[^1]` inside a line of plain text is a bracket holding a marker, not Markdown syntax.
    expect(md('Parties [^1] shall [report]:\n[^a] text')).toBe(false)
    expect(md('## Article 1\nText.')).toBe(false)
    expect(md('**Option 1:** a\n**Option 2:** b')).toBe(false)
    expect(md('#1 Parties shall report.\n#2 They shall review.')).toBe(false)
  })
})
