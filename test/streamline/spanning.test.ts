// Brackets spanning blocks, as a merge writes them around differing tables and
// paragraphs, and accepting one side of them.
import { describe, expect, it } from 'vitest'
import { doc, footnote, label, option, p, ref, section } from '../builder.ts'
import { indexDocument } from '../../shared/model/document-index.ts'
import { acceptBracketText, mergeOptions, renumberFootnotes } from '../../shared/streamline/index.ts'
import {
  applied,
  lines,
  optionHeading,
  sectionHeading,
  stateOf,
  templateDoc,
  templateText,
  withIds,
} from './fixtures.ts'

describe('brackets spanning blocks', () => {
  const uneven = withIds(
    doc(
      section(
        sectionHeading('G', 'Article 3, paragraph 9'),
        option()(
          optionHeading('1'),
          p('In paragraph 9, for the words:'),
          p('such commitments'),
          p('there shall be substituted:'),
        ),
        option()(optionHeading('2'), p('Paragraph 9 shall be deleted.')),
      ),
    ),
  )

  it('brackets stretches of different lengths as two alternatives, and accepting either leaves its blocks clean', () => {
    const merged = applied(mergeOptions(stateOf(uneven), 'o1', 'o2'))
    expect(lines(merged.text)).toEqual([
      'G. Article 3, paragraph 9',
      'Option 1',
      '[In paragraph 9, for the words:',
      'such commitments',
      'there shall be substituted:]',
      '[Paragraph 9 shall be deleted.]',
    ])
    const group = merged.step.words.created
    expect(indexDocument(merged.doc).groups.get(group)!.alternatives).toEqual([`${group}.1`, `${group}.2`])
    expect(lines(applied(acceptBracketText(stateOf(merged.doc), group, `${group}.1`)).text)).toEqual([
      'G. Article 3, paragraph 9',
      'Option 1',
      'In paragraph 9, for the words:',
      'such commitments',
      'there shall be substituted:',
    ])
    expect(lines(applied(acceptBracketText(stateOf(merged.doc), group, `${group}.2`)).text)).toEqual([
      'G. Article 3, paragraph 9',
      'Option 1',
      'Paragraph 9 shall be deleted.',
    ])
  })

  it('puts markers on lines of their own around tables, and accepting a table removes those lines', () => {
    const merged = applied(mergeOptions(stateOf(templateDoc), 'o1', 'o2'))
    const group = merged.step.words.created
    expect(merged.text).toContain(
      'Annex B\n\n[\n\nParty\tQuantified emission limitation or reduction commitment (2008–2012)',
    )
    expect(merged.text).toContain('market economy.\n\n][\n\nParty\t')
    const second = applied(acceptBracketText(stateOf(merged.doc), group, `${group}.2`))
    // Section A reads as the non-paper without its Option 1, renumbered.
    const sectionA = (text: string) => text.slice(text.indexOf('A. Annex B'), text.indexOf('B. Article 3'))
    const expected = sectionA(templateText)
      .replace(/\nOption 1\n[\s\S]*?\nOption 2\n/, '\nOption 1\n')
      .replace('\nOption 3\n', '\nOption 2\n')
      .replace('\nOption 4\n', '\nOption 3\n')
      .replace('\nOption 5\n', '\nOption 4\n')
    expect(sectionA(second.text)).toBe(expected)
    expect(indexDocument(second.doc).groups.has('g12')).toBe(true)
  })
})

describe('renumberFootnotes', () => {
  it('numbers footnotes in the order of their references, each keeping how it is written', () => {
    const shuffled = withIds(
      doc(
        p('first', ref('3', '^{3}'), ' second', ref('1', '¹'), ' third', ref('2', '2')),
        footnote('1')(label('footnote', '¹', '1'), ' One.'),
        footnote('2')(label('footnote', '^2', '2'), ' Two.'),
        footnote('3')(label('footnote', '³', '3'), ' Three.'),
      ),
    )
    const { text, step } = applied(renumberFootnotes(stateOf(shuffled)))
    expect(lines(text)).toEqual(['first^{1} second² third3', '² One.', '^3 Two.', '¹ Three.'])
    expect(step.op).toBe('renumber-footnotes')
  })
})
