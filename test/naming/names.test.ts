// What a negotiator is shown for the model's keys, read from the real non-paper: a bracket by
// its words and paragraph, an option by number and division, a cell by Party, column and period.
import { describe, expect, it } from 'vitest'
import { templateDoc } from '../model/template-model.ts'
import { GONE, nameNode } from '../../shared/naming/node-name.ts'
import { inscriptionUnit, nameInscription } from '../../shared/naming/inscription-name.ts'
import { nameReference } from '../../shared/naming/reference-name.ts'

describe('names, not ids', () => {
  it('names brackets by their words and the paragraph they stand in', () => {
    expect(nameNode(templateDoc, 'g39')).toBe('[2013 to 2017][2013 to 2020] in paragraph 7 bis')
    expect(nameNode(templateDoc, 'g39.2')).toBe('[2013 to 2020] in paragraph 7 bis')
    expect(nameNode(templateDoc, 'g40')).toBe('[five][eight] in paragraph 7 bis')
    expect(nameNode(templateDoc, 'g1')).toBe(
      '[2013–2017][2013–2020] in the heading of the table in Option 1 of section A',
    )
    expect(nameNode(templateDoc, 'g5')).toBe('[*] in Lithuania’s row of the table in Option 1 of section A')
  })

  it('names options and sections by number and division, table rows by Party', () => {
    expect(nameNode(templateDoc, 'o2')).toBe('Option 2 of section A')
    expect(nameNode(templateDoc, 'o21')).toBe('Option 1 of ARTICLE 2')
    expect(nameNode(templateDoc, 's1')).toBe('section A (Annex B)')
    expect(nameNode(templateDoc, 'Australia')).toBe('Australia’s row of the table in Option 1 of section A')
  })

  it('never shows an id for a node the text no longer has', () => {
    expect(nameNode(templateDoc, 'o999')).toBe(GONE)
  })

  it('names inscription cells by Party, column and the chosen period', () => {
    expect(nameInscription('cp2/Australia', { start: 2013, end: 2020 })).toBe(
      'Australia’s QELRC for 2013–2020 (Annex B)',
    )
    expect(nameInscription('cp2/Australia', null)).toBe('Australia’s QELRC for the second period (Annex B)')
    expect(nameInscription('aaGg/Marshall Islands')).toBe(
      'Marshall Islands’ assigned amount in Gg for the second period (Annex B)',
    )
    // Commitments of other kinds are named by their column's meaning, with their unit.
    expect(nameInscription('bau.pct.conditional/Indonesia')).toBe(
      'Indonesia’s deviation: conditional % below business as usual',
    )
    expect(nameInscription('intensity.baseYear/China')).toBe('China’s intensity: the base year')
    expect(
      ['intensity.baseYear/China', 'intensity.pct/China', 'bau.targetMt/India', 'aaGg/Japan'].map(inscriptionUnit),
    ).toEqual(['', ' %', ' Mt', ' Gg'])
  })

  it('names any key of the model: cells, variables, nodes', () => {
    expect(nameReference(templateDoc, 'cp2/Norway', { start: 2013, end: 2017 })).toBe(
      'Norway’s QELRC for 2013–2017 (Annex B)',
    )
    expect(nameReference(templateDoc, 'X')).toMatch(/^X \(/)
    expect(nameReference(templateDoc, 'cp2.period')).toBe('the second commitment period')
    expect(nameReference(templateDoc, 'o2')).toBe('Option 2 of section A')
  })
})
