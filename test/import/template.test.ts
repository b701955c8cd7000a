// The AWG-KP non-paper (templates/non-paper): exact counts, counted by hand from
// the text, and an exact round trip.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Node } from 'prosemirror-model'
import { importText, readAnnotations } from '../../shared/import/index.ts'
import { summarize } from '../../shared/inspect/summary.ts'
import { serializeText } from '../../shared/serialize/plain.ts'

const dir = new URL('../../templates/non-paper/', import.meta.url)
const text = readFileSync(new URL('text.txt', dir), 'utf8')
const annotations = readAnnotations(JSON.parse(readFileSync(new URL('annotations.json', dir), 'utf8')))

describe('the non-paper template', () => {
  const { doc, diagnostics } = importText(text, { annotations })

  it('round-trips to the character', () => {
    expect(serializeText(doc)).toBe(text)
    expect(serializeText(importText(text).doc)).toBe(text) // and without its annotations
  })

  it('has the counts a reader finds by hand', () => {
    // How these were counted (grep on text.txt, then by eye):
    // - articles 2 (ARTICLE 1, ARTICLE 2); sections 9 (A. to I.);
    // - options 22: A 5, B 4, D 3, G 5, I 3, ARTICLE 2 2;
    // - brackets: 76 '[' and 78 ']', the two extra ']' being "satisfied]]." in 1 ter;
    //   76 pairs = 6 blanks "[...]" + 1 note "[*specified conditions…*]" + 69 bracket pairs;
    //   13 "][" join 13 pairs of alternatives, and the annotations join 6 more pairs in
    //   the Annex B headings: 19 groups, 38 alternatives; the other 69 − 38 = 31 pairs are
    //   optional: 21 "[*]" EIT markers (Option 1: 7, Option 2: 13, Option 3: 1) and 10 in the text;
    // - placeholders 21 occurrences: X 5 (1 bis Options 1 ×3, 2, 4), V 5 (1 bis "by V",
    //   Annex B Option 3 heading ×2, "2013 to V" ×2), Z 3 (9 bis ×3), W 2, S, Q, T, U, P, R 1 each;
    // - footnotes 23: ¹ to ¹¹ and 12 table notes (Option 1: a b *, Option 2: a b c d *, Option 3: a b c *);
    // - footnote references 63: ¹ to ¹¹ once each; Option 1 table 15 (Belarus, 6 glued *,
    //   7 [*], United States), Option 2 20 (5 in headings, Belarus, 13 [*], United States),
    //   Option 3 17 (2 in headings, Belarus, 12 glued *, Ukraine [*], United States);
    // - tables 5 (Annex B Options 1–3, each split by "Table (continued)", Annex B.I, Annex C);
    //   party rows 40 + 40 + 40 + "Party A", "Party B" twice = 124;
    // - deepest nesting 2: "[, [with the provision of][and in accordance with] …]".
    const { diagnostics: _, ...counts } = summarize(doc, diagnostics)
    expect(counts).toEqual({
      articles: 2,
      sections: 9,
      options: 22,
      bracketGroups: 19,
      alternatives: 38,
      optionalBrackets: 31,
      blanks: 6,
      editorialNotes: 1,
      placeholders: ['P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Z'],
      placeholderOccurrences: 21,
      footnotes: 23,
      footnoteRefs: 63,
      tables: 5,
      partyRows: 124,
      maxDepth: 2,
      guesses: 0,
    })
  })

  it('flags the two unmatched brackets of paragraph 1 ter, and nothing else', () => {
    expect(diagnostics.map((d) => `${d.line}:${d.column}`)).toEqual(['274:491', '274:492'])
    expect(text.split('\n')[273].slice(481, 492)).toBe('satisfied]]')
  })

  it('guesses 7 bracket pairs without its annotations', () => {
    expect(summarize(importText(text).doc).guesses).toBe(14)
  })

  it('links applicability notes to the Annex B options and credits proposals', () => {
    const notes: string[] = []
    const credits: string[] = []
    doc.descendants((n: Node) => {
      if (n.type.name === 'applicability') notes.push(`${n.attrs.section}/${n.attrs.option}`)
      if (n.type.name === 'option' && n.attrs.attribution) credits.push(`${n.attrs.id}:${n.attrs.attribution}`)
    })
    expect(notes).toEqual(['s1/3', 's1/4', 's1/5'])
    expect(credits).toEqual(['o4:Tuvalu', 'o5:New Zealand', 'o12:New Zealand'])
  })

  it('reads the Annex B heading alternatives as one group each', () => {
    const heading: string[] = []
    doc.descendants((n: Node) => {
      if (n.type.name === 'table_row' && n.attrs.header && heading.length < 1) {
        n.lastChild!.descendants((c) => {
          if (c.type.name === 'alternative') heading.push(c.textContent)
        })
      }
    })
    expect(heading).toEqual(['2013–2017', '2013–2020'])
  })
})
