// Structure review for what no importer can know: a reviewer's corrections, kept in the
// text's annotations, make and unmake options, set where an option or a run ends, and
// join brackets on different lines as alternatives; the list functions an editor calls
// add and remove them.
import { describe, expect, it } from 'vitest'
import { addAnnotation, removeAnnotation } from '../../shared/import/annotation-list.ts'
import { importText, readAnnotations, type Annotation } from '../../shared/import/index.ts'
import { structureOutline } from '../../shared/inspect/structure-outline.ts'
import { summarize } from '../../shared/inspect/summary.ts'
import { serializeText } from '../../shared/serialize/plain.ts'
import { consolidate } from '../../shared/consolidate/consolidate.ts'
import { checkRemovals } from '../../shared/consolidate/removal-check.ts'
import { EMPTY_SCENARIO } from '../../shared/model/scenario.ts'

const text = [
  'Article 1',
  '1. Option 1: Parties shall report.',
  'Option 2: Parties may report.',
  'Parties shall also cooperate.',
  'OPTION I:',
  'Article 2',
  '1. The CMA shall review.',
  'OPTION II:',
  'Article 2',
  '1. The CMA shall take stock.',
  'Article 2 bis',
  '1. Modalities are adopted.',
  'Article 3',
  'The [Fund] shall serve.',
  'It reports [annually].',
].join('\n')

const runs = (annotations: Annotation[] = []) => {
  const { doc, diagnostics } = importText(text, { annotations })
  expect(serializeText(doc)).toBe(text)
  const options = structureOutline(doc)
    .filter((e) => e.kind === 'option')
    .map((e) => `${e.run} ${e.label ?? '(made)'} ${e.line}-${e.endLine}`)
  return { doc, diagnostics, options }
}

describe('structure corrections', () => {
  it('leaves the importer its guesses without them', () => {
    // Option 2 takes in "Parties shall also cooperate." (a guess); OPTION I holds article 2, so the run ends
    // only at a heading above articles: OPTION II takes in articles 2 bis and 3 (a guess).
    expect(runs().options).toEqual([
      'run1 Option 1: 2-2',
      'run1 Option 2: 3-4',
      'run2 OPTION I: 5-7',
      'run2 OPTION II: 8-15',
    ])
  })

  it('lists as a guess a numbered paragraph that a run under a heading takes in, and the check refuses to drop it', () => {
    // Option 1 stands on a line of its own (the run is the heading's), Option 2 has its text on its label line:
    // paragraph 1 bis may be Option 2's or follow the run.
    const mixed = 'Article 3\nOption 1\nParties shall report.\nOption 2: Parties may report.\n1 bis. The Fund serves.'
    const { doc, guesses } = importText(mixed)
    expect(guesses.filter((g) => g.kind === 'option').map((g) => [g.line, g.message])).toEqual([
      [
        4,
        'the last option of its run takes in the numbered paragraph on line 5; set its end if that paragraph follows the options',
      ],
    ])
    const scenario = { ...EMPTY_SCENARIO, resolutions: { o1: 'chosen' } }
    expect(checkRemovals(doc, scenario, consolidate(doc, scenario).doc).map((f) => f.decision)).toEqual(['o2'])
    // Told where Option 2 ends, the consolidation keeps 1 bis and is issued.
    const reviewed = importText(mixed, { annotations: [{ kind: 'option-end', line: 4, text: 'Option 2' }] }).doc
    const out = consolidate(reviewed, scenario).doc
    expect(serializeText(out)).toBe('Article 3\nParties shall report.\n1 bis. The Fund serves.')
    expect(checkRemovals(reviewed, scenario, out)).toEqual([])
  })

  it('sets where an option ends, and where a run ends', () => {
    const { options, diagnostics, doc } = runs([
      { kind: 'option-end', line: 3, text: 'Option 2' },
      { kind: 'run-end', line: 10, text: 'take stock' },
    ])
    expect(diagnostics).toEqual([])
    expect(options).toEqual(['run1 Option 1: 2-2', 'run1 Option 2: 3-3', 'run2 OPTION I: 5-7', 'run2 OPTION II: 8-10'])
    // Set by a reviewer: the removal check trusts these ends.
    const extents: string[] = []
    doc.descendants((n) => {
      if (n.type.name === 'option') extents.push(`${n.attrs.id}:${n.attrs.extent}`)
      return !n.isTextblock
    })
    expect(extents).toEqual(['o1:null', 'o2:reviewed', 'o3:null', 'o4:reviewed'])
  })

  it('lets an option run on past where the importer ends it', () => {
    // Paragraph 4 of a run in paragraph 1 would end it; the reviewer says Option 2 goes on to line 4.
    const longer = 'Article 1\n1. Option 1: a.\nOption 2: b.\n2. c.\n3. d.'
    const { doc } = importText(longer, { annotations: [{ kind: 'option-end', line: 4, text: '2. c.' }] })
    const option2 = structureOutline(doc).find((e) => e.label === 'Option 2:')!
    expect([option2.line, option2.endLine]).toEqual([3, 4])
  })

  it('makes a paragraph an option of the run it stands in, and unmakes a label', () => {
    const { options } = runs([
      { kind: 'option', line: 4, text: 'Parties shall also' },
      { kind: 'not-option', line: 5, text: 'OPTION I:' },
    ])
    // The paragraph joins run1 as its third option, up to article 2; OPTION I is text, and OPTION II, alone in
    // its run and holding articles, is read as text too (listed as a guess: make it an option if it is one).
    expect(options).toEqual(['run1 Option 1: 2-2', 'run1 Option 2: 3-3', 'run1 (made) 4-5'])
  })

  it('joins brackets on different lines as alternatives', () => {
    const joined = importText(text, {
      annotations: [{ kind: 'alternatives', line: 14, text: '[Fund]', through: { line: 15, text: '[annually]' } }],
    })
    expect(summarize(joined.doc).bracketGroups).toBe(1)
    expect(summarize(joined.doc).optionalBrackets).toBe(0)
    expect(serializeText(joined.doc)).toBe(text)
  })

  it('reports a correction that finds nothing to correct, and one whose quote is not on its line', () => {
    const { diagnostics } = runs([
      { kind: 'not-option', line: 7, text: 'The CMA' },
      { kind: 'option-end', line: 2, text: 'nowhere' },
    ])
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
      [2, 'annotation (option-end): "nowhere" is not on line 2'],
      [7, 'annotation (not-option): nothing to correct at line 7'],
    ])
  })

  it('reads corrections from JSON, naming the entry and field of a bad one', () => {
    expect(readAnnotations({ annotations: [{ kind: 'run-end', line: 3, text: 'x' }] })).toEqual([
      { kind: 'run-end', line: 3, text: 'x', nth: undefined, why: undefined },
    ])
    expect(() => readAnnotations({ annotations: [{ kind: 'option-start', line: 3, text: 'x' }] })).toThrow(
      /annotations\[0\]\.kind: expected one of/,
    )
    expect(() =>
      readAnnotations({ annotations: [{ kind: 'option', line: 3, text: 'x', through: { line: 4 } }] }),
    ).toThrow('annotations[0].through: only "alternatives" spans lines')
  })
})

describe('the annotation list an editor keeps', () => {
  const make: Annotation = { kind: 'option', line: 4, text: 'Parties shall also' }
  const unmake: Annotation = { kind: 'not-option', line: 4, text: 'Parties shall also' }

  it('adds a correction once, replacing the one it contradicts at the same place', () => {
    const once = addAnnotation(addAnnotation([], make), make)
    expect(once).toEqual([make])
    expect(addAnnotation(once, unmake)).toEqual([unmake])
    const elsewhere: Annotation = { kind: 'not-option', line: 5, text: 'OPTION I:' }
    expect(addAnnotation(once, elsewhere)).toEqual([make, elsewhere])
  })

  it('removes a correction (an undo), leaving the others and the input untouched', () => {
    const end: Annotation = { kind: 'option-end', line: 3, text: 'Option 2' }
    const list = [make, end]
    expect(removeAnnotation(list, { ...make, why: 'any reason' })).toEqual([end])
    expect(removeAnnotation(list, unmake)).toEqual(list)
    expect(list).toEqual([make, end])
  })
})
