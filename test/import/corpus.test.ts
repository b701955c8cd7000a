// The real texts of ../shared/corpus, as found: the structure a reader finds in
// each, counted by hand (how is said beside each figure), and an exact round trip.
import { describe, expect, it } from 'vitest'
import type { Node } from 'prosemirror-model'
import { importText } from '../../shared/import/index.ts'
import { structureOutline, type OutlineEntry } from '../../shared/inspect/structure-outline.ts'
import { summarize } from '../../shared/inspect/summary.ts'
import { serializeText } from '../../shared/serialize/plain.ts'
import { readText } from './texts.ts'

/** The figures a reader counts: options, runs, headings by level, footnotes, placeholders, diagnostics. */
function figures(doc: Node, diagnostics: { line: number; column: number }[]) {
  const s = summarize(doc, [])
  const outline = structureOutline(doc)
  const headings: Record<string, number> = {}
  doc.descendants((n) => {
    if (n.type.name === 'heading') headings[n.attrs.level] = (headings[n.attrs.level] ?? 0) + 1
    return !n.isTextblock
  })
  return {
    options: s.options,
    runs: new Set(outline.filter((e) => e.kind === 'option').map((e) => e.run)).size,
    headings,
    footnotes: s.footnotes,
    footnoteRefs: s.footnoteRefs,
    placeholders: s.placeholders,
    placeholderOccurrences: s.placeholderOccurrences,
    bracketGroups: s.bracketGroups,
    alternatives: s.alternatives,
    optionalBrackets: s.optionalBrackets,
    editorialNotes: s.editorialNotes,
    diagnostics: diagnostics.map((d) => `${d.line}:${d.column}`),
  }
}

function option(outline: OutlineEntry[], name: string): OutlineEntry {
  const found = outline.filter((e) => e.kind === 'option' && e.name === name)
  expect(found, name).toHaveLength(1)
  return found[0]
}

describe('BBNJ further revised draft (2022), as extracted from the PDF', () => {
  const text = readText('corpus/bbnj_further_revised_draft_2022-06-01.txt')
  const { doc, diagnostics, guesses } = importText(text)
  const outline = structureOutline(doc)

  it('round-trips to the character', () => {
    expect(serializeText(doc)).toBe(text)
  })

  it('has the counts a reader finds by hand', () => {
    // Counted with grep on the file, then read line by line:
    // - option labels 67 at a line's start or after a paragraph's number (`3. Option A:`, `(c) Option 1:`),
    //   less the 3 of the President's note explaining the scheme (lines 24–26): 64 options — 19 `OPTION I/II/III`
    //   (articles), 38 `Option A/B/C` (paragraphs), 2 `Option A.1/A.2` (inside Option A of article 24), 5 `Option 1/2/3`;
    // - runs 30: 9 of OPTIONs (articles 11, 13, 19, 34, 35, 39, 47 — three —, Part VIII, 55), 18 starting at
    //   `Option A`, one of A.1–A.2, 2 starting at `Option 1` (article 7 (c), article 23 paragraph 5);
    // - headings: 89 articles (88 `Article N[ bis]` lines and `Article ante 58`), 12 `PART`, 4 annexes (`Annex`,
    //   `Annexes`, `ANNEX I`, `ANNEX II`), `PREAMBLE`, and 20 option labels on a line of their own (19 OPTIONs,
    //   `1. Option A:` of article 24);
    // - brackets: 284 `[`, 284 `]`, none adjacent (`][`): 284 optional brackets, every one closed in its article;
    // - no footnotes, no placeholders, no diagnostic.
    expect(figures(doc, diagnostics)).toEqual({
      options: 64,
      runs: 30,
      headings: { article: 89, part: 12, annex: 4, preamble: 1, option: 20 },
      footnotes: 0,
      footnoteRefs: 0,
      placeholders: [],
      placeholderOccurrences: 0,
      bracketGroups: 0,
      alternatives: 0,
      optionalBrackets: 284,
      editorialNotes: 0,
      diagnostics: [],
    })
  })

  it('ends each option where its paragraph or heading ends', () => {
    // `3. Option A: …` / `Option B: …` (hard-wrapped, with (a) and (b)) / `4. …`: paragraph 4 is not Option B's.
    const b = outline.find((e) => e.kind === 'option' && e.line === 67)!
    expect([b.name, b.endLine]).toEqual(['Option B of paragraph 3', 71])
    expect(text.split('\n')[71]).toMatch(/^4\. “Areas beyond national jurisdiction”/)
    // `4. Option A: …` / `4 bis. …` / `Option B: …`: 4 bis stands in Option A; Option B ends before paragraph 5.
    const runOf4 = outline.filter((e) => e.kind === 'option' && e.name?.endsWith('of paragraph 4') && e.line > 500)
    expect(runOf4.slice(0, 2).map((e) => [e.label, e.line, e.endLine])).toEqual([
      ['Option A:', 508, 509],
      ['Option B:', 510, 511],
    ])
    // Article 24: `1. Option A:` holds `Option A.1:` and `Option A.2:`; `Option B:` ends before paragraph 2.
    const a = option(outline, 'Option A.1 of paragraph 1')
    const parentA = outline.find((e) => e.id === a.parent)!
    expect([parentA.label, parentA.line]).toEqual(['Option A:', 536])
    expect(outline.find((e) => e.kind === 'option' && e.line === 552)).toMatchObject({
      label: 'Option B:',
      endLine: 553,
    })
    // OPTION I and II of article 11 end at article 11 bis; OPTION II of Part VIII takes articles 53 bis and ter
    // with it (they are its articles), and says so: a reviewer may set its end.
    expect(option(outline, 'OPTION II of Article 11').endLine).toBe(286)
    const part8 = option(outline, 'OPTION II of PART VIII')
    expect([part8.line, part8.endLine]).toEqual([1025, 1044])
    expect(guesses).toContainEqual(expect.objectContaining({ kind: 'option', id: part8.id, line: 1025 }))
  })

  it('reads the note explaining the option scheme as text, and lists it as a guess', () => {
    expect(guesses.filter((g) => g.kind === 'option' && g.id === null).map((g) => g.line)).toEqual([24, 25, 26])
  })
})

describe('BBNJ agreement (2023), the agreed control text', () => {
  const text = readText('corpus/bbnj_draft_agreement_final_2023-03-04.txt')
  const { doc, diagnostics, guesses } = importText(text)

  it('round-trips to the character', () => {
    expect(serializeText(doc)).toBe(text)
  })

  it('has no options, no placeholders and two brackets, and the importer invents nothing', () => {
    // grep: 2 `[` and 2 `]`, both on line 1001 (an optional bracket each); 91 `Article N[ bis|ter]` lines and
    // `Article 54 ter ante`: 92 articles; 12 `PART`, `PREAMBLE`, `Annexes`, `ANNEX I`, `ANNEX II`; the title.
    expect(figures(doc, diagnostics)).toEqual({
      options: 0,
      runs: 0,
      headings: { title: 1, article: 92, part: 12, preamble: 1, annex: 3 },
      footnotes: 0,
      footnoteRefs: 0,
      placeholders: [],
      placeholderOccurrences: 0,
      bracketGroups: 0,
      alternatives: 0,
      optionalBrackets: 2,
      editorialNotes: 0,
      diagnostics: [],
    })
    expect(guesses).toEqual([])
  })
})

describe('Paris draft agreement (9 December 2015), as transcribed to Markdown', () => {
  const text = readText('corpus/adp_draft_paris_agreement_2015-12-09.md')
  const { doc, diagnostics, guesses } = importText(text)
  const outline = structureOutline(doc)

  it('round-trips to the character', () => {
    expect(serializeText(doc)).toBe(text)
  })

  it('has the counts a reader finds by hand', () => {
    // Counted with grep, then read:
    // - 28 `**Option N:**` labels: 28 options in 11 runs — article 2 paragraph 1.1 (3), article 2bis (2), article 3
    //   paragraphs 1 (2), 3 (2), 5 (3), article 5 (I, II), article 6 paragraphs 2 (3), 4 (3), 7 (3), article 9
    //   paragraphs 1 (3), 7 (2);
    // - 31 `## ` headings: 29 articles (`## Article`, `## [Article 3bis]`), the title and the preamble; 12 bold lines
    //   standing alone (`**Directional goal**` …); 4 option labels on a line of their own;
    // - brackets: 222 `[`, 223 `]`, 41 `][`; 5 unmatched — `]` on lines 109, 177 and 499, `[` on line 228 and the
    //   `[levels of public …` of line 322, never closed before article 7's heading; 220 pairs: 40 `][` join 74
    //   alternatives in 34 groups, 146 optional brackets;
    // - placeholders 10: X on lines 147, 155, 310, 326, 334, 511, 549, Y in `paragraphs X-Y` twice, XX in
    //   `Article (XX)`; never the C of `2 °C`, `1.5°C` or `2 degrees C`;
    // - no footnote body; one marker, `COP,9`; notes: 11 `{…}` (Kramdown's `{:toc}` is markup).
    expect(figures(doc, diagnostics)).toEqual({
      options: 28,
      runs: 11,
      headings: { markdown: 14, article: 29, option: 4 },
      footnotes: 0,
      footnoteRefs: 1,
      placeholders: ['X', 'XX', 'Y'],
      placeholderOccurrences: 10,
      bracketGroups: 34,
      alternatives: 74,
      optionalBrackets: 146,
      editorialNotes: 11,
      diagnostics: ['109:273', '177:140', '228:366', '322:438', '499:255'],
    })
  })

  it('ends indented options where the indentation says, and one-line options before the paragraphs', () => {
    // Article 2, 1.1: Options 1–3, then `   taking into account …` belongs to paragraph 1.1, not to Option 3.
    const three = outline.filter((e) => e.kind === 'option' && e.run === 'run1')
    expect(three.map((e) => [e.label, e.line, e.endLine])).toEqual([
      ['**Option 1:**', 62, 62],
      ['**Option 2:**', 64, 64],
      ['**Option 3:**', 66, 66],
    ])
    // Article 5: `**Option I:** The following text to be included as Article 5` / `**Option II:**: … part of
    // Article 4`: the paragraphs after them are the text either option places; choosing one drops only the other line.
    expect(option(outline, 'Option I of Article 5 *(loss and damage)*')).toMatchObject({ line: 274, endLine: 274 })
    expect(option(outline, 'Option II of Article 5 *(loss and damage)*')).toMatchObject({ line: 276, endLine: 276 })
    expect(guesses.filter((g) => g.kind === 'option')).toEqual([])
  })
})
