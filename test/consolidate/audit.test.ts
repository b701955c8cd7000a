import { describe, expect, it } from 'vitest'
import type { Node } from 'prosemirror-model'
import { auditTexts } from '../../shared/consolidate/audit.ts'
import { importText } from '../../shared/import/index.ts'
import { serializeText } from '../../shared/serialize/plain.ts'
import { fullComputation, fullConsolidation, fullScenario, template, templateDoc } from './template-fixture.ts'

const explanations = { scenario: fullScenario, bindings: template.bindings, computation: fullComputation }

// A stray edit, as a slip of the pen would make it, in the consolidated text.
function planted(doc: Node, from: string, to: string): Node {
  const text = serializeText(doc)
  expect(text).toContain(from)
  return importText(text.replace(from, to)).doc
}

describe('streamlining audit', () => {
  it('explains every word the consolidation of the template removed or added', () => {
    const audit = auditTexts(templateDoc, fullConsolidation.doc, explanations)
    expect(audit.unexplained).toEqual([])
    const removed = audit.changes.filter((c) => c.change === 'removed')
    // Placeholders and their values, traced to the variable.
    expect(audit.changes).toContainEqual({
      change: 'added',
      word: '25',
      location: expect.stringContaining('B. Article 3, paragraph 1 bis'),
      cause: 'Q = 25',
    })
    // The 2050 sentence, traced to its deletion.
    expect(removed).toContainEqual(expect.objectContaining({ word: '2050', cause: 'g35 deleted' }))
    // An inscription filled into Annex B.
    expect(audit.changes).toContainEqual(
      expect.objectContaining({ change: 'added', word: '99.5', cause: 'inscription cp2/Australia = 99.5' }),
    )
    // The dropped options account for most of what went.
    expect(removed.filter((c) => c.cause === 'option o2 dropped').length).toBeGreaterThan(100)
  })

  it('finds a stray word changed in the consolidated text', () => {
    const edited = planted(
      fullConsolidation.doc,
      'shall be equal to the percentage inscribed for it in the third column',
      'may be equal to the percentage inscribed for it in the third column',
    )
    const audit = auditTexts(templateDoc, edited, explanations)
    expect(audit.unexplained).toEqual([
      {
        change: 'removed',
        word: 'shall',
        location: expect.stringContaining('D. Article 3, paragraph 7 bis'),
        cause: null,
      },
      { change: 'added', word: 'may', location: expect.stringContaining('D. Article 3, paragraph 7 bis'), cause: null },
    ])
  })

  it('finds a word silently dropped and a number changed in Annex B', () => {
    const dropped = planted(fullConsolidation.doc, 'Annex I shall, individually or jointly,', 'Annex I shall, jointly,')
    expect(auditTexts(templateDoc, dropped, explanations).unexplained.map((c) => [c.change, c.word])).toEqual([
      ['removed', 'individually'],
      ['removed', 'or'],
    ])
    const changed = planted(fullConsolidation.doc, 'Norway\t101\t84', 'Norway\t101\t94')
    expect(auditTexts(templateDoc, changed, explanations).unexplained.map((c) => [c.change, c.word])).toEqual([
      ['added', '94'],
    ])
  })

  it('accounts for two revisions with no scenario: every changed word, unexplained', () => {
    const a = importText('7 bis. From [2013 to 2017][2013 to 2020], multiplied by [five][eight].\n').doc
    const b = importText('7 bis. From [2013 to 2020], multiplied by [eight].\n').doc
    const audit = auditTexts(a, b)
    // Words as written, brackets glued: "[2013 to 2017][2013 to 2020]," keeps "[2013 to … 2020]," and loses two words.
    expect(audit.changes.map((c) => [c.change, c.word])).toEqual([
      ['removed', '2017][2013'],
      ['removed', 'to'],
      ['removed', '[five][eight].'],
      ['added', '[eight].'],
    ])
    expect(audit.unexplained).toHaveLength(4)
  })
})
