// Streamlining the real AWG-KP non-paper: every step leaves a valid document
// whose bindings still name real nodes, and whose numbers are right.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Node } from 'prosemirror-model'
import { bindingNode, readBindings } from '../../shared/model/bindings.ts'
import { indexDocument } from '../../shared/model/document-index.ts'
import { serializeText } from '../../shared/serialize/plain.ts'
import {
  acceptBracketText,
  describeStep,
  dropOption,
  isStepError,
  mergeOptions,
  regroupBrackets,
  renumberFootnotes,
  setApplicability,
  splitGroup,
} from '../../shared/streamline/index.ts'
import { applied, stateOf, templateDoc, templateText } from './fixtures.ts'
import { structure } from '../builder.ts'

const bindings = readBindings(
  JSON.parse(readFileSync(new URL('../../templates/non-paper/bindings.json', import.meta.url), 'utf8')).bindings,
)

// The bindings whose node no longer exists in `doc`.
function unresolved(doc: Node): string[] {
  const index = indexDocument(doc)
  return Object.entries(bindings)
    .filter(([, b]) => {
      const id = bindingNode(b)
      return !(index.groups.has(id) || index.sections.has(id) || index.placeholders.has(id))
    })
    .map(([name]) => name)
}

const numberedFootnotes = (text: string) =>
  text
    .split('\n')
    .filter((l) => /^[¹²³⁴⁵⁶⁷⁸⁹⁰]+ /.test(l))
    .map((l) => l.split(' ')[0])

describe('streamlining the non-paper', () => {
  it('starts from a text whose bindings all resolve', () => {
    expect(serializeText(templateDoc)).toBe(templateText)
    expect(unresolved(templateDoc)).toEqual([])
  })

  it('merges Annex B Options 1 and 2: the tables become alternatives, every binding still resolves, notes follow their options', () => {
    const { doc, text, step } = applied(mergeOptions(stateOf(templateDoc), 'o1', 'o2', { by: 'Co-Chair' }))
    expect(describeStep(step)).toBe('Co-Chair merged Option 2 into Option 1 of section A')
    expect(unresolved(doc)).toEqual([])
    const index = indexDocument(doc)
    expect(index.groups.get('g39')!.alternatives).toEqual(['g39.1', 'g39.2'])
    expect(index.groups.get('g40')!.alternatives).toEqual(['g40.1', 'g40.2'])
    expect(index.groups.get('g12')!.option).toBe('o1') // Option 2's heading brackets now sit in the merged option
    expect(index.sections.get('s1')).toEqual(['o1', 'o3', 'o4', 'o5'])
    expect(['o1', 'o3', 'o4', 'o5'].map((o) => index.options.get(o)!.number)).toEqual(['1', '2', '3', '4'])
    // 1 bis Options 3 and 4 and 7 bis Option 3 follow Annex B's options 3, 4 and 5.
    expect(index.options.get('o8')!.requires).toEqual({ section: 's1', option: '2' })
    expect(text).toContain(
      '(would only apply if option 3 for Annex B above is selected)\n\nThe following paragraph shall be inserted after paragraph 1 of Article 3 of the Protocol:\n\n1 bis. The Parties included in Annex I, and Parties not included',
    )
    expect(text).toContain('(would apply only if option 4 for Annex B above is selected)')
    expect(text).toContain('⁴ See option 3 in section A above.')
    expect(text).toContain('⁸ See option 4 in section A above.')
    expect(text).toContain(
      'Quantified emission limitation or reduction commitment (2008–2012) (percentage of base year or period)\tQuantified emission limitation or reduction commitment ([2013–2017] [2013–2020])',
    )
  })

  it('merges 7 bis Options 1 and 2 into one paragraph with brackets where they differ', () => {
    const { doc, text } = applied(mergeOptions(stateOf(templateDoc), 'o10', 'o11'))
    expect(text).toContain(
      '7 bis. [In the second quantified emission limitation and reduction commitment period, from [2013 to 2017][2013 to 2020], ][By 2020, T and U, respectively, ]the assigned amount',
    )
    expect(text).toContain('in Annex A in [1990,][W,] or the base year')
    expect(text).toContain('\n\nOption 2⁷\n\n(would apply only if option 5 for Annex B above is selected)')
    const index = indexDocument(doc)
    expect(index.groups.get('g39')!.option).toBe('o10')
    expect(index.groups.get('g41')!.alternatives).toEqual(['g41.1'])
    expect(index.placeholders.get('p14')).toEqual({ name: 'T', option: 'o10' })
    expect(unresolved(doc)).toEqual([])
  })

  it('drops Annex B Option 5 with the footnote crediting New Zealand, and renumbers the footnotes after it', () => {
    const { doc, text, step } = applied(dropOption(stateOf(templateDoc), 'o5'))
    expect(text).not.toContain('New Zealand suggests the addition of a new table')
    expect(numberedFootnotes(text)).toEqual(['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '¹⁰'])
    expect(text).toContain('I. Article 4, paragraph[s] 2 [and 3][, 3 and 3 bis]¹⁰')
    expect(text).toContain('X per cent below W levels by V²')
    // 7 bis Option 3 and footnote 8 named Option 5: they are reported, not silently re-aimed.
    expect(step.dangling).toEqual(['o12', 'f20'])
    expect(indexDocument(doc).options.get('o12')!.requires).toBeNull()
    expect(step.removed).toEqual(expect.arrayContaining(['o5', 't5', 'r54', 'f14']))
    expect(unresolved(doc)).toEqual([])
  })

  it('accepts the Doha outcome for the period and its length, keeping the other brackets', () => {
    let doc = applied(acceptBracketText(stateOf(templateDoc), 'g39', 'g39.2')).doc
    doc = applied(acceptBracketText(stateOf(doc), 'g40', 'g40.2')).doc
    const text = serializeText(doc)
    expect(text).toContain('from 2013 to 2020, the assigned amount')
    expect(text).toContain('multiplied by eight. [Those Parties included in Annex I')
    expect(unresolved(doc).sort()).toEqual(['cp2-7bis', 'cp2-years-7bis'])
  })

  it('regroups and splits the two optional insertions of G Option 4 back to the text as written', () => {
    const joined = applied(regroupBrackets(stateOf(templateDoc), 'g49', 'g50'))
    expect(joined.text).toBe(templateText)
    expect(indexDocument(joined.doc).groups.get('g49')!.alternatives).toEqual(['g49.1', 'g50.1'])
    const split = applied(splitGroup(stateOf(joined.doc), 'g49', 'g50.1'))
    expect(split.text).toBe(templateText)
    expect(structure(split.doc)).toEqual(structure(templateDoc))
    expect(isStepError(regroupBrackets(stateOf(templateDoc), 'g39', 'g40'))).toBe(true)
  })

  it('sets, changes and removes applicability notes the model reads', () => {
    const added = applied(setApplicability(stateOf(templateDoc), 'o7', { sectionId: 's1', optionNumber: '2' }))
    expect(added.text).toContain(
      'Option 2\n\n(would only apply if option 2 for Annex B above is selected)\n\nThe following paragraph shall be inserted after paragraph 1',
    )
    expect(indexDocument(added.doc).options.get('o7')!.requires).toEqual({ section: 's1', option: '2' })
    expect(describeStep(added.step)).toBe('made Option 2 of section B apply only with option 2 of section A')
    const changed = applied(
      setApplicability(stateOf(added.doc), 'o8', {
        sectionId: 's1',
        optionNumber: '1',
        text: '(applies only with option 1 for Annex B above)',
      }),
    )
    expect(changed.text).toContain('Option 3\n\n(applies only with option 1 for Annex B above)\n\nThe following')
    expect(indexDocument(changed.doc).options.get('o8')!.requires).toEqual({ section: 's1', option: '1' })
    const removed = applied(setApplicability(stateOf(changed.doc), 'o9', null))
    expect(removed.text).not.toContain('option 4 for Annex B')
    expect(indexDocument(removed.doc).options.get('o9')!.requires).toBeNull()
    const own = setApplicability(stateOf(templateDoc), 'o7', { sectionId: 's2', optionNumber: '1' })
    expect(isStepError(own) && own.error).toBe('an option cannot depend on an option of its own section')
    expect(isStepError(setApplicability(stateOf(templateDoc), 'o7', { sectionId: 's1', optionNumber: '9' }))).toBe(true)
  })

  it('finds the footnotes already in order', () => {
    expect(applied(renumberFootnotes(stateOf(templateDoc))).tr.docChanged).toBe(false)
  })
})
