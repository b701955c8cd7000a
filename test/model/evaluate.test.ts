// Variables and diagnostics from resolutions and bindings, on tiny documents.
import { describe, expect, it } from 'vitest'
import { importText } from '../../shared/import/index.ts'
import { indexDocument } from '../../shared/model/document-index.ts'
import { evaluateVariables } from '../../shared/model/evaluate.ts'
import { checkResolutions, nodeState, remaining } from '../../shared/model/resolution.ts'
import type { Bindings } from '../../shared/model/bindings.ts'

const text = [
  'A. Annex B',
  '',
  'Option 1',
  '',
  'Text',
  '',
  'Option 3',
  '',
  'Amount table',
  '',
  'B. Article 3, paragraph 1 bis',
  '',
  'Option 3',
  '',
  '(would only apply if option 3 for Annex B above is selected)',
  '',
  '1 bis. In the period [2013 to 2017][2013 to 2020], multiplied by [five][eight], X per cent below [1990].',
].join('\n')
const index = indexDocument(importText(text).doc)
// Ids as the importer gives them: g1 period, g2 multiplier, g3 [1990]; s1 A, s2 B; o1 o2 in A, o3 in B; p1 X.
const bindings: Bindings = {
  period: {
    variable: 'cp2.period',
    group: 'g1',
    values: { 'g1.1': { start: 2013, end: 2017 }, 'g1.2': { start: 2013, end: 2020 } },
  },
  years: { variable: 'cp2.years', group: 'g2', values: { 'g2.1': 5, 'g2.2': 8 } },
  x: { variable: 'X', placeholder: 'p1' },
  layout: { variable: 'annexB.layout', section: 's1', values: { o1: 'percent', o2: 'assigned-amount' } },
}

describe('evaluation', () => {
  it('reads the index the importer gives', () => {
    expect([...index.groups.keys()]).toEqual(['g1', 'g2', 'g3'])
    expect(index.options.get('o3')).toEqual({
      id: 'o3',
      section: 's2',
      run: 'run2',
      parent: null,
      number: '3',
      requires: { section: 's1', option: '3' },
    })
    expect(index.sections.get('s1')).toEqual(['o1', 'o2'])
  })

  it('sets variables from chosen alternatives and set values', () => {
    const e = evaluateVariables(index, { g1: 'g1.2', g2: 'g2.2', o2: 'chosen' }, bindings, { X: 25 })
    expect(e.values).toEqual({
      'cp2.period': { start: 2013, end: 2020 },
      'cp2.years': 8,
      'annexB.layout': 'assigned-amount',
      X: 25,
    })
    expect(e.diagnostics).toEqual([])
  })

  it('flags linked brackets resolved inconsistently, with both ids', () => {
    const e = evaluateVariables(index, { g1: 'g1.1', g2: 'g2.2' }, bindings, { X: 25 })
    expect(e.diagnostics).toEqual([
      {
        code: 'period-years',
        message: 'the period 2013–2017 has 5 years, but the multiplier says 8',
        ids: ['g1', 'g2'],
      },
    ])
  })

  it('flags two bindings of one variable that disagree', () => {
    const twice: Bindings = {
      ...bindings,
      again: { variable: 'cp2.years', optional: 'g3', values: { kept: 5, deleted: 8 } },
    }
    const e = evaluateVariables(index, { g2: 'g2.2', g3: 'kept' }, twice, {})
    expect(e.diagnostics).toContainEqual({
      code: 'linked-conflict',
      message: 'cp2.years is resolved two ways: 5 and 8',
      ids: ['g3', 'g2'],
    })
    expect(e.values['cp2.years']).toBeUndefined()
  })

  it('flags an option chosen whose applicability note fails, and clears when it holds', () => {
    const failing = evaluateVariables(index, { o1: 'chosen', o3: 'chosen' }, bindings, { X: 1 })
    expect(failing.diagnostics).toEqual([expect.objectContaining({ code: 'applicability', ids: ['o3', 'o1'] })])
    expect(evaluateVariables(index, { o2: 'chosen', o3: 'chosen' }, bindings, { X: 1 }).diagnostics).toEqual([])
  })

  it('flags a placeholder with no value', () => {
    expect(evaluateVariables(index, {}, bindings, {}).diagnostics).toEqual([
      { code: 'missing-value', message: 'placeholder X has no value', ids: ['p1'] },
    ])
  })

  it('reads states: optional brackets, implied drops, bad values', () => {
    expect(nodeState(index, { g3: 'deleted' }, 'g3')).toEqual({ kind: 'optional', state: 'deleted' })
    expect(nodeState(index, { o1: 'chosen' }, 'o2')).toEqual({ kind: 'option', state: 'dropped', implied: true })
    expect(checkResolutions(index, { g1: 'kept', o1: 'chosen', o2: 'chosen', zz: 'x' }).map((d) => d.code)).toEqual([
      'invalid-resolution',
      'invalid-resolution',
      'two-options',
    ])
  })

  it('counts what remains per section', () => {
    const r = remaining(index, { g1: 'g1.2', o1: 'chosen' })
    expect({ brackets: r.brackets, options: r.options }).toEqual({ brackets: 2, options: 1 })
    expect(r.bySection.get('s1')).toBeUndefined()
    expect(r.bySection.get('s2')).toEqual({ brackets: 2, options: 1 })
  })
})
