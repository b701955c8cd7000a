import { describe, expect, it } from 'vitest'
import { consolidate } from '../../shared/consolidate/consolidate.ts'
import { importText } from '../../shared/import/index.ts'
import { EMPTY_SCENARIO, type Scenario } from '../../shared/model/scenario.ts'
import { serializeText } from '../../shared/serialize/plain.ts'

// Each case is a small text as a negotiator writes it; ids are the importer's (g1, g2 … in reading order).
const run = (text: string, resolutions: Record<string, string>, values: Scenario['values'] = {}, options = {}) => {
  const { doc } = importText(text)
  const result = consolidate(doc, { ...EMPTY_SCENARIO, resolutions, values }, options)
  return { text: serializeText(result.doc), result }
}

describe('consolidation rules', () => {
  it('keeps the chosen alternative without brackets', () => {
    expect(run('from [2013 to 2017][2013 to 2020], the amount\n', { g1: 'g1.2' }).text).toBe(
      'from 2013 to 2020, the amount\n',
    )
  })

  it('removes deleted optional text and mends the spacing around it', () => {
    expect(run('consideration of [further] commitments\n', { g1: 'deleted' }).text).toBe(
      'consideration of commitments\n',
    )
    expect(run('paragraph 9 [bis].\n', { g1: 'deleted' }).text).toBe('paragraph 9.\n')
  })

  it('unbrackets kept optional text, nested groups resolved inside it', () => {
    expect(run('assessment[, [with][and in accordance with] Article 7].\n', { g1: 'kept', g2: 'g2.2' }).text).toBe(
      'assessment, and in accordance with Article 7.\n',
    )
  })

  it('leaves an unresolved group bracketed and lists it', () => {
    const { text, result } = run('by [five][eight] years\n', {})
    expect(text).toBe('by [five][eight] years\n')
    expect(result.unresolved).toEqual([
      { id: 'g1', kind: 'alternatives', text: '[five][eight]', location: 'by [five][eight] years' },
    ])
  })

  it('drops options, and a chosen option loses its heading and applicability note', () => {
    const text =
      'A. Annex B\n\nOption 1\n\nFirst text.\n\nOption 2\n\n(would only apply if option 1 for Annex B above is selected)\n\nSecond text.\n'
    expect(run(text, { o2: 'chosen' }).text).toBe('A. Annex B\n\nSecond text.\n')
  })

  it('removes a section whose options were all dropped, heading and all', () => {
    const text = 'A. Annex B\n\nOption 1\n\nFirst.\n\nOption 2\n\nSecond.\n\nB. Article 3\n\nKept.\n'
    expect(run(text, { o1: 'dropped', o2: 'dropped' }).text).toBe('B. Article 3\n\nKept.\n')
  })

  it('replaces placeholders by their values; a placeholder with none stays and is listed', () => {
    const { text, result } = run('reduce by X per cent below W levels\n', {}, { X: 18 })
    expect(text).toBe('reduce by 18 per cent below W levels\n')
    expect(result.unresolved.map((u) => [u.kind, u.text])).toEqual([['placeholder', 'W']])
  })

  it('renumbers inserted provisions when asked', () => {
    expect(run('9 bis. The Conference shall act.\n', {}, {}, { renumberProvisions: { '9 bis': '9 ter' } }).text).toBe(
      '9 ter. The Conference shall act.\n',
    )
  })

  it('renumbers footnotes and moves a body out of a dropped option to its reference', () => {
    const text = 'A. Heading one¹\n\nOption 1\n\nText one.²\n\n¹ Note one.\n\n² Note two.\n\nOption 2\n\nText two.\n'
    // Footnote 1 is referenced from the heading but printed inside Option 1; Option 1 is dropped.
    expect(run(text, { o2: 'chosen' }).text).toBe('A. Heading one¹\n\nText two.\n\n¹ Note one.\n')
    expect(run(text, { o1: 'chosen' }).text).toBe('A. Heading one¹\n\nText one.²\n\n¹ Note one.\n\n² Note two.\n')
  })
})
