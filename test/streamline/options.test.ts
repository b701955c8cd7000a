// Merging, dropping, moving and renumbering options: the text a co-chair reads
// afterwards, the ids the model's bindings name, and the numbers.
import { describe, expect, it } from 'vitest'
import { doc, footnote, label, option, p, ph, ref, section } from '../builder.ts'
import { indexDocument } from '../../shared/model/document-index.ts'
import {
  describeStep,
  dropOption,
  isStepError,
  mergeOptions,
  moveOption,
  renumberOptions,
} from '../../shared/streamline/index.ts'
import { applied, applies, idsOf, lines, optionHeading, sectionHeading, stateOf, withIds } from './fixtures.ts'

// s1 (A. Annex B): o1 (with footnote ¹), o2, o3; s2 (B.): o4, which applies
// only with option 3 of Annex B and cites footnote ², which names option 2.
const twoSections = withIds(
  doc(
    section(
      sectionHeading('A', 'Annex B'),
      option()(optionHeading('1'), p('Annex B.I', ref('1', '¹'))),
      option()(optionHeading('2'), p(ph('X'), ' per cent below 1990 levels')),
      option()(optionHeading('3'), p('Annex C')),
    ),
    section(
      sectionHeading('B', 'Article 3'),
      option()(
        optionHeading('1'),
        applies('s1', '3', '(would only apply if option 3 for Annex B above is selected)'),
        p('by V', ref('2', '²')),
      ),
      footnote('1')(label('footnote', '¹', '1'), ' Tuvalu suggests an Annex B.I.'),
      footnote('2')(label('footnote', '²', '2'), ' See option 2 in section A above.'),
    ),
  ),
)

describe('mergeOptions', () => {
  const periods = withIds(
    doc(
      section(
        sectionHeading('D', 'Article 3, paragraph 7 bis'),
        option()(optionHeading('1'), p('from 2013 to 2017 multiplied by five'), p(ph('X'), ' per cent')),
        option()(
          optionHeading('2'),
          p('from 2013 to 2020 multiplied by eight'),
          p(ph('X'), ' per cent'),
          p('Parties may elect.'),
        ),
        option()(optionHeading('3'), p('Something else')),
      ),
    ),
  )

  it('brackets the words that differ, keeps shared paragraphs once, and makes extra paragraphs optional', () => {
    const { text, step } = applied(mergeOptions(stateOf(periods), 'o1', 'o2'))
    expect(lines(text)).toEqual([
      'D. Article 3, paragraph 7 bis',
      'Option 1',
      'from 2013 to [2017][2020] multiplied by [five][eight]',
      'X per cent',
      '[Parties may elect.]',
      'Option 2',
      'Something else',
    ])
    expect(describeStep(step)).toBe('merged Option 2 into Option 1 of section D')
  })

  it('keeps the ids of surviving nodes and says which vanished ids a surviving node replaces', () => {
    const before = idsOf(periods)
    const { doc: after, step } = applied(mergeOptions(stateOf(periods), 'o1', 'o2'))
    const ids = idsOf(after)
    for (const id of ['s1', 'o1', 'o3', 'p1']) expect(ids.get(id)).toBe(before.get(id))
    expect(ids.has('o2')).toBe(false)
    expect(step.removed).toEqual(['o2', 'p2'])
    expect(step.replaced).toEqual({ p2: 'p1' })
    // The new groups have fresh ids, and the model sees them as groups of the kept option.
    const index = indexDocument(after)
    const created = step.words.created.split(' ')
    expect(created).toHaveLength(3)
    for (const id of created) expect(index.groups.get(id)?.option).toBe('o1')
    expect(index.groups.get(created[0])!.alternatives).toEqual([`${created[0]}.1`, `${created[0]}.2`])
    expect(index.groups.get(created[2])!.alternatives).toHaveLength(1) // optional
    expect(index.sections.get('s1')).toEqual(['o1', 'o3'])
  })

  it('renumbers, and references to the merged option now name the option it joined', () => {
    const { text } = applied(mergeOptions(stateOf(twoSections), 'o1', 'o3'))
    expect(lines(text)).toEqual([
      'A. Annex B',
      'Option 1',
      'Annex [B.I¹][C]',
      'Option 2',
      'X per cent below 1990 levels',
      'B. Article 3',
      'Option 1',
      '(would only apply if option 1 for Annex B above is selected)',
      'by V²',
      '¹ Tuvalu suggests an Annex B.I.',
      '² See option 2 in section A above.',
    ])
  })

  it('refuses options of different sections, and an option merged into itself', () => {
    const r = mergeOptions(stateOf(twoSections), 'o1', 'o4')
    expect(isStepError(r) && r.error).toBe('o1 and o4 are not options of the same section')
    expect(isStepError(mergeOptions(stateOf(twoSections), 'o2', 'o2'))).toBe(true)
    expect(isStepError(mergeOptions(stateOf(twoSections), 'o1', 's2'))).toBe(true)
  })
})

describe('dropOption', () => {
  it('removes the option and the footnote only it cites, then renumbers options, notes and footnotes', () => {
    const { text, step } = applied(dropOption(stateOf(twoSections), 'o1', { by: 'Co-Chair' }))
    expect(lines(text)).toEqual([
      'A. Annex B',
      'Option 1',
      'X per cent below 1990 levels',
      'Option 2',
      'Annex C',
      'B. Article 3',
      'Option 1',
      '(would only apply if option 2 for Annex B above is selected)',
      'by V¹',
      '¹ See option 1 in section A above.',
    ])
    expect(step.removed).toEqual(['o1', 'r1', 'f1'])
    expect(describeStep(step)).toBe('Co-Chair dropped Option 1 of section A')
  })

  it('leaves a note that named the dropped option as written, no longer tied to any option', () => {
    const { doc: after, text, step } = applied(dropOption(stateOf(twoSections), 'o3'))
    expect(text).toContain('(would only apply if option 3 for Annex B above is selected)')
    expect(indexDocument(after).options.get('o4')!.requires).toBeNull()
    expect(step.dangling).toEqual(['o4'])
    expect(describeStep(step)).toBe('dropped Option 3 of section A (Option 1 of section B still refers to it)')
  })
})

describe('moveOption', () => {
  it('moves an option before another and renumbers what names the options', () => {
    const { text, doc: after } = applied(moveOption(stateOf(twoSections), 'o3', 'o1'))
    expect(lines(text).slice(0, 7)).toEqual([
      'A. Annex B',
      'Option 1',
      'Annex C',
      'Option 2',
      'Annex B.I¹',
      'Option 3',
      'X per cent below 1990 levels',
    ])
    expect(text).toContain('(would only apply if option 1 for Annex B above is selected)')
    expect(text).toContain('² See option 3 in section A above.')
    expect(indexDocument(after).options.get('o4')!.requires).toEqual({ section: 's1', option: '1' })
  })

  it('moves an option to the end, renumbering the footnotes it carries', () => {
    const cited = withIds(
      doc(
        section(
          sectionHeading('A', 'Annex B'),
          option()(optionHeading('a', 'Option (a):'), p('one', ref('1', '^1'))),
          option()(optionHeading('b', 'Option (b):'), p('two', ref('2', '^2'))),
          footnote('1')(label('footnote', '^1', '1'), ' First.'),
          footnote('2')(label('footnote', '^2', '2'), ' Second.'),
        ),
      ),
    )
    const { text, step } = applied(moveOption(stateOf(cited), 'o1', null))
    expect(lines(text)).toEqual([
      'A. Annex B',
      'Option (a):',
      'two^1',
      'Option (b):',
      'one^2',
      '^2 First.',
      '^1 Second.',
    ])
    expect(describeStep(step)).toBe('moved Option a of section A to the end')
  })

  it('refuses to move an option out of its section', () => {
    const r = moveOption(stateOf(twoSections), 'o1', 'o4')
    expect(isStepError(r) && r.hint).toMatch(/within their section/)
  })
})

describe('renumberOptions', () => {
  it('renumbers in the section’s own style, and is no change when the numbers are right', () => {
    const roman = withIds(
      doc(
        section(
          sectionHeading('A', 'Annex B'),
          option()(optionHeading('I', 'Option I:'), p('x')),
          option()(optionHeading('III', 'Option III:'), p('y')),
        ),
      ),
    )
    expect(lines(applied(renumberOptions(stateOf(roman), 's1')).text)).toEqual([
      'A. Annex B',
      'Option I:',
      'x',
      'Option II:',
      'y',
    ])
    expect(applied(renumberOptions(stateOf(twoSections), 's1')).tr.docChanged).toBe(false)
    expect(isStepError(renumberOptions(stateOf(twoSections), 'o1'))).toBe(true)
  })
})
