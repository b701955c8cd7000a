// What the seeded random texts found, each as the smallest text that shows it: a consolidation
// that lost words no decision rejects (a second footnote body under a label already taken, a
// footnote referred to only from another's body, a table note no row ever referred to), one
// that kept words a decision rejects (the rest of an alternative opened in a dropped option),
// and a check that refused what the text allows (a wrapped cross-reference read as a heading,
// words its brackets joined that the consolidated text keeps on two lines).
import { describe, expect, it } from 'vitest'
import { consolidate } from '../../shared/consolidate/consolidate.ts'
import { checkRemovals } from '../../shared/consolidate/removal-check.ts'
import { importText } from '../../shared/import/index.ts'
import { EMPTY_SCENARIO, type Scenario } from '../../shared/model/scenario.ts'
import { serializeText } from '../../shared/serialize/plain.ts'
import { wordsOf, wordsThatStay } from './choices.ts'

function consolidated(text: string, resolutions: Record<string, string> = {}) {
  const { doc } = importText(text)
  const scenario: Scenario = { ...EMPTY_SCENARIO, resolutions }
  const out = consolidate(doc, scenario).doc
  return {
    doc,
    text: serializeText(out),
    findings: checkRemovals(doc, scenario, out).map((f) => f.message),
    // The letters the structure says stay, against the consolidated text's.
    agrees: wordsOf(out).join('') === wordsThatStay(doc, resolutions).join(''),
  }
}

describe('footnotes in a consolidated text', () => {
  it('keeps a second body under a label already taken where it stands', () => {
    // A PDF extraction that numbers footnotes anew in each chapter: two bodies labelled 1.
    const text =
      'Parties shall report.¹\n\n¹ See decision 1/CP.21.\n\nThe CMA shall review.\n\n¹ Annual reports only.\n'
    const out = consolidated(text)
    expect(out.text).toContain('Annual reports only.')
    expect(out.findings).toEqual([])
    expect(out.agrees).toBe(true)
  })

  it('keeps a footnote referred to from the body of one that stays, and renumbers the reference there', () => {
    const text = 'Parties[ shall²] report.³\n\n² As in note 3³.\n\n³ See decision 1/CP.21.\n'
    const kept = consolidated(text, { g1: 'deleted' })
    // Footnote 2 went with its bracket; footnote 3, referred to from the text, is now 1.
    expect(kept.text).toBe('Parties report.¹\n\n¹ See decision 1/CP.21.\n')
    expect(kept.findings).toEqual([])
    // Referred to only from the body of footnote 2 (which stays), footnote 3 stays, renumbered there too.
    const inBody = consolidated('Parties shall² report.\n\n² As in note 3³.\n\n³ See decision 1/CP.21.\n')
    expect(inBody.text).toBe('Parties shall¹ report.\n\n¹ As in note 3².\n\n² See decision 1/CP.21.\n')
    expect(inBody.findings).toEqual([])
    expect(inBody.agrees).toBe(true)
  })

  it('lets a body that refers only to itself go with its last reference', () => {
    const out = consolidated('Parties[ shall²] report.\n\n² Text², again.\n', { g1: 'deleted' })
    expect(out.text).toBe('Parties report.\n')
    expect(out.findings).toEqual([])
  })

  it('keeps a table note no row refers to, and drops one whose every reference went', () => {
    const table = 'Party\tTarget\nNorway^a\t[30^b]\n^a Including Svalbard.\n^b Conditional.\n^c Unreferenced.\n'
    const out = consolidated(table, { g1: 'deleted' })
    expect(out.text).toContain('^a Including Svalbard.')
    expect(out.text).not.toContain('Conditional')
    // `c` was never referred to: it is not a decision's to take; it stays, lettered after `a`.
    expect(out.text).toContain('^b Unreferenced.')
    expect(out.findings).toEqual([])
    expect(out.agrees).toBe(true)
  })

  it('keeps a note marked `a*` while either mark stays', () => {
    const out = consolidated('Party\tTarget\nNorway^{a*}\t30\n^{a*} Including Svalbard.\n')
    expect(out.text).toContain('Including Svalbard.')
    expect(out.findings).toEqual([])
  })
})

describe('a removed alternative that spans blocks', () => {
  it('takes out its rest after an option dropped with its start', () => {
    // g1's second alternative opens in Option B (dropped when A is chosen) and closes in paragraph 5.
    const text = '4. Option A: Parties shall report.\nOption B: Parties [may][report in\n5. due time] act.\n'
    const { doc } = importText(text)
    const alts = importText(text).doc
    expect(alts.textContent).toContain('due time')
    const out = consolidated(text, { o1: 'chosen', g1: 'g1.1' })
    expect(out.text).not.toContain('due time')
    expect(out.agrees).toBe(true)
    expect(doc.eq(alts)).toBe(true)
  })
})

describe('the removal check reads the text as a reader does', () => {
  it('does not end an option at a wrapped cross-reference', () => {
    const text = [
      '4. Option A: Parties shall report.',
      'Option B: Parties shall report in accordance with',
      'Article 2.] of the Convention as applicable',
      '5. The Fund serves.',
    ].join('\n')
    const out = consolidated(text, { o1: 'chosen' })
    expect(out.text).toBe('4. Parties shall report.\n5. The Fund serves.')
    expect(out.findings).toEqual([])
  })

  // BBNJ 2022, article 38: `1bis.` glued, between Option B and Option C of paragraph 1 (the check's own reading of paragraphs).
  it('lets a `1bis.` inside a run of paragraph 1 belong to the run', () => {
    const text = [
      '1. Option A: The Party decides.',
      'Option B: The Party decides when the effect is minor.',
      '1bis. The Conference decides otherwise.',
      'Option C: The Conference decides.',
      '2. Documents are public.',
    ].join('\n')
    const out = consolidated(text, { o1: 'chosen' })
    expect(out.text).toBe('1. The Party decides.\n2. Documents are public.')
    expect(out.findings).toEqual([])
  })

  it('does not count words its brackets join as lost when the consolidated text keeps them on two lines', () => {
    // Taking out `[ NDMC ⏎ … ]` joins `x` and `emissions` in the text; the consolidation keeps two lines.
    const text = 'Parties check x[ NDMC\n\nshall report]emissions.\n'
    const out = consolidated(text, { g1: 'deleted' })
    expect(out.findings).toEqual([])
    expect(out.agrees).toBe(true)
  })
})
