// Regrouping and splitting bracket groups, and accepting agreed bracketed text.
import { describe, expect, it } from 'vitest'
import { alt, doc, footnote, group, guessed, label, p, ph, ref, sep, structure } from '../builder.ts'
import {
  acceptBracketText,
  describeStep,
  isStepError,
  regroupBrackets,
  splitGroup,
} from '../../shared/streamline/index.ts'
import { applied, idsOf, lines, stateOf, withIds } from './fixtures.ts'

// `([2013–2017]^a [2013–2020])`: the importer read two optional brackets.
const heading = withIds(
  doc(
    p(
      '(',
      guessed('independent', alt('2013–2017')),
      ref('a', '^a'),
      ' ',
      guessed('independent', alt('2013–2020')),
      ')',
    ),
  ),
)

describe('regroupBrackets', () => {
  it('joins two brackets separated by a marker and a space into one group, the marker as separator', () => {
    const { doc: after, text, step } = applied(regroupBrackets(stateOf(heading), 'g1', 'g2'))
    expect(text).toBe('\n([2013–2017]^a [2013–2020])')
    expect(structure(after)).toEqual(
      structure(doc(p('(', group(alt('2013–2017'), sep(ref('a', '^a'), ' '), alt('2013–2020')), ')'))),
    )
    const ids = idsOf(after)
    for (const id of ['g1', 'g1.1', 'g2.1', 'r1']) expect(ids.has(id)).toBe(true)
    expect(step.removed).toEqual(['g2'])
    expect(describeStep(step)).toBe('regrouped [2013–2017] and [2013–2020] in the opening text as alternatives')
  })

  it('refuses brackets with words between them, or named out of order', () => {
    const worded = withIds(doc(p(group(alt('a')), ' and ', group(alt('b')))))
    const r = regroupBrackets(stateOf(worded), 'g1', 'g2')
    expect(isStepError(r) && r.error).toBe('text stands between g1 and g2')
    const swapped = regroupBrackets(stateOf(heading), 'g2', 'g1')
    expect(isStepError(swapped) && swapped.hint).toContain("regroupBrackets(state, 'g1', 'g2')")
    const apart = withIds(doc(p(group(alt('a'))), p(group(alt('b')))))
    expect(isStepError(regroupBrackets(stateOf(apart), 'g1', 'g2'))).toBe(true)
  })
})

describe('splitGroup', () => {
  it('is the inverse of regrouping: the separator comes back out between the brackets', () => {
    const joined = applied(regroupBrackets(stateOf(heading), 'g1', 'g2')).doc
    const { doc: after, text, step } = applied(splitGroup(stateOf(joined), 'g1', 'g2.1'))
    expect(text).toBe('\n([2013–2017]^a [2013–2020])')
    expect(structure(after)).toEqual(
      structure(doc(p('(', group(alt('2013–2017')), ref('a', '^a'), ' ', group(alt('2013–2020')), ')'))),
    )
    const created = step.words.created
    expect(idsOf(after).get(created)).toBe('bracket_group')
    expect(idsOf(after).get('g2.1')).toBe('alternative')
  })

  it('splits every alternative into its own optional bracket, and refuses optional text', () => {
    const three = withIds(doc(p(group(alt('a'), alt('b'), alt('c')))))
    const { doc: after, text } = applied(splitGroup(stateOf(three), 'g1'))
    expect(text).toBe('\n[a][b][c]')
    expect(structure(after)).toEqual(structure(doc(p(group(alt('a')), group(alt('b')), group(alt('c'))))))
    const r = splitGroup(stateOf(withIds(doc(p(group(alt('a')))))), 'g1')
    expect(isStepError(r) && r.error).toBe('g1 is optional text, with nothing to split')
  })
})

describe('acceptBracketText', () => {
  const period = withIds(
    doc(
      p('from ', group(alt('2013 to 2017'), alt('2013 to ', ph('V'), ref('1', '¹'))), ' by ', group(alt('five')), '.'),
      footnote('1')(label('footnote', '¹', '1'), ' V is the end year.'),
    ),
  )

  it('puts the chosen alternative in place of the group, keeping the ids inside it', () => {
    const { doc: after, text, step } = applied(acceptBracketText(stateOf(period), 'g1', 'g1.2'))
    expect(lines(text)).toEqual(['from 2013 to V¹ by [five].', '¹ V is the end year.'])
    expect(idsOf(after).get('p1')).toBe('placeholder')
    expect(step.removed).toEqual(['g1', 'g1.1', 'g1.2'])
    expect(describeStep(step)).toBe('accepted [2013 to V¹] in the opening text as clean text')
  })

  it('drops the footnote only a discarded alternative cites, and keeps optional text without being told which', () => {
    const first = applied(acceptBracketText(stateOf(period), 'g1', 'g1.1')).doc
    const { text } = applied(acceptBracketText(stateOf(first), 'g2'))
    expect(lines(text)).toEqual(['from 2013 to 2017 by five.'])
  })

  it('asks which alternative when a group has several', () => {
    const r = acceptBracketText(stateOf(period), 'g1')
    expect(isStepError(r) && r.hint).toBe('Say which one is agreed: one of g1.1, g1.2.')
    expect(isStepError(acceptBracketText(stateOf(period), 'g1', 'g2.1'))).toBe(true)
  })
})
