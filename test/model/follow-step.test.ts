// Bindings and resolutions follow ids through streamlining, and the numbers stay right.
import { describe, expect, it } from 'vitest'
import { EditorState } from 'prosemirror-state'
import type { Node } from 'prosemirror-model'
import {
  acceptBracketText,
  dropOption,
  isStepError,
  mergeOptions,
  stepOf,
  type StepResult,
} from '../../shared/streamline/index.ts'
import { followStep } from '../../shared/model/follow-step.ts'
import { computeScenario } from '../../shared/model/compute.ts'
import { indexDocument } from '../../shared/model/document-index.ts'
import type { Bindings } from '../../shared/model/bindings.ts'
import type { Scenario } from '../../shared/model/scenario.ts'
import { doha, parties, template, templateDoc } from './template-model.ts'

/** Apply a step to the document and its model state the way the editor does. */
function apply(doc: Node, bindings: Bindings, scenario: Scenario, result: StepResult) {
  if (isStepError(result)) throw new Error(result.error)
  const f = followStep(stepOf(result)!, bindings, scenario.resolutions)
  const nextBindings = { ...bindings, ...f.setBindings }
  for (const id of f.deleteBindings) delete nextBindings[id]
  const resolutions = { ...scenario.resolutions, ...f.setResolutions }
  for (const id of f.deleteResolutions) if (!(id in f.setResolutions)) delete resolutions[id]
  const next = { ...scenario, resolutions, values: { ...scenario.values, ...f.setValues } }
  return { doc: result.doc, bindings: nextBindings, scenario: next, notes: f.notes }
}

const state = EditorState.create({ doc: templateDoc })
const before = computeScenario(indexDocument(templateDoc), template.bindings, doha, parties)

describe('following a streamlining step', () => {
  it('keeps the eight-year period when [2013 to 2020] and [eight] are accepted as clean text', () => {
    const one = apply(templateDoc, template.bindings, doha, acceptBracketText(state, 'g39', 'g39.2'))
    const two = apply(
      one.doc,
      one.bindings,
      one.scenario,
      acceptBracketText(EditorState.create({ doc: one.doc }), 'g40', 'g40.2'),
    )
    expect(two.scenario.values).toMatchObject({ 'cp2.period': { start: 2013, end: 2020 }, 'cp2.years': 8 })
    expect(two.bindings['cp2-7bis']).toBeUndefined()
    expect(two.scenario.resolutions.g39).toBeUndefined()
    const after = computeScenario(indexDocument(two.doc), two.bindings, two.scenario, parties)
    expect(after.results.rows).toEqual(before.results.rows)
    expect(after.results.aggregate).toEqual(before.results.aggregate)
    expect([...one.notes, ...two.notes]).toEqual([
      'the accepted text [2013 to 2020] fixes the second commitment period at 2013–2020',
      'the accepted text [eight] fixes the years in the second commitment period at 8',
    ])
  })

  it('drops a merged option from the Annex B binding and keeps the figures', () => {
    const merged = apply(templateDoc, template.bindings, doha, mergeOptions(state, 'o1', 'o2'))
    const layout = merged.bindings['annexB-option']
    expect('section' in layout && Object.keys(layout.values)).toEqual(['o1', 'o3', 'o4', 'o5'])
    const after = computeScenario(indexDocument(merged.doc), merged.bindings, merged.scenario, parties)
    expect(after.results.rows).toEqual(before.results.rows)
  })

  it('removes the resolution of a dropped option', () => {
    const scenario = { ...doha, resolutions: { ...doha.resolutions, o5: 'dropped' } }
    const dropped = apply(templateDoc, template.bindings, scenario, dropOption(state, 'o5'))
    expect(dropped.scenario.resolutions.o5).toBeUndefined()
    expect(dropped.scenario.resolutions.o1).toBe('chosen')
  })
})
