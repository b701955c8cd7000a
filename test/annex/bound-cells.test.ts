// The Annex cells that are the model's, read from the real template: which columns a heading
// binds (brackets read through), each Party's cell in them, and the number it holds — the one
// the editor shows and the consolidation writes.
import { describe, expect, it } from 'vitest'
import { boundCellAt, boundCells, boundColumn, boundValue } from '../../shared/annex/bound-cells.ts'
import { computeScenario } from '../../shared/model/compute.ts'
import { doha, parties, template, templateDoc, templateIndex } from '../model/template-model.ts'

describe('bound Annex cells', () => {
  it('reads the period a heading names through its brackets, and binds no first-period or mixed column', () => {
    const cp2 =
      'Quantified emission reduction commitment ([2013–2017]^a [2013–2020]) (percentage of base year or period)'
    expect(boundColumn(cp2)).toEqual({ kind: 'inscription', column: 'cp2' })
    expect(
      boundColumn(
        'Quantified emission reduction commitment ([2018–2022]^a [2021–2028]^b) (percentage of base year or period)',
      ),
    ).toEqual({
      kind: 'inscription',
      column: 'cp3',
    })
    expect(
      boundColumn(
        'Quantified emission limitation or reduction commitment (2008–2012) (percentage of base year or period)',
      ),
    ).toBeNull()
    // Alternatives naming different periods: which column it is waits for the decision.
    expect(boundColumn('Commitment ([2008–2012] [2013–2020]) (percentage of base year or period)')).toBeNull()
    expect(boundColumn('Party')).toBeNull()
    expect(
      boundColumn('Quantified emission limitation or reduction commitment (2013–V ^a) Assigned amount (Gg CO ₂ eq)'),
    ).toEqual({
      kind: 'inscription',
      column: 'aaGg',
    })
    expect(boundColumn('Reduction rates from 2005 (per cent)')).toEqual({ kind: 'rate', year: 2005 })
  })

  it('finds every Party’s cell in the template’s Annex tables, empty in the text', () => {
    const cells = boundCells(templateDoc)
    const australia = cells.filter((c) => c.party === 'Australia')
    // Option 1's and Option 2's second period, Option 2's third, Option 3's amount and its four rates.
    expect(australia.filter((c) => c.key === 'cp2/Australia')).toHaveLength(2)
    expect(australia.some((c) => c.key === 'cp3/Australia')).toBe(true)
    expect(australia.some((c) => c.key === 'aaGg/Australia')).toBe(true)
    expect(australia.filter((c) => c.column.kind === 'rate').map((c) => (c.column as { year: number }).year)).toEqual(
      expect.arrayContaining([1990, 2000, 2005, 2007]),
    )
    // The text holds no number of its own there; the first period's 108 is not bound.
    expect(cells.every((c) => c.text === '')).toBe(true)
    for (const c of cells) expect(templateDoc.nodeAt(c.pos)!.type.name).toBe('table_cell')
  })

  it('knows the bound cell at a place of the text, and that other places are none', () => {
    const cells = boundCells(templateDoc)
    for (const c of cells) {
      const cell = templateDoc.nodeAt(c.pos)!
      // At the cell's start and inside its (empty) paragraph alike.
      expect(boundCellAt(templateDoc, c.pos + 1)).toEqual(c)
      expect(boundCellAt(templateDoc, c.pos + cell.nodeSize - 1)).toEqual(c)
    }
    // Australia's first-period 108, its Party cell and the heading row are text, not the model's.
    let first: number | null = null
    templateDoc.descendants((node, pos) => {
      if (first === null && node.type.name === 'table_cell' && node.textContent === '108') first = pos
      return first === null
    })
    expect(first).not.toBeNull()
    expect(boundCellAt(templateDoc, first! + 2)).toBeNull()
    const row = templateDoc.resolve(first! + 1).node(-1)
    expect(row.attrs.party).toBe('Australia')
    const partyCell = first! - row.firstChild!.nodeSize
    expect(boundCellAt(templateDoc, partyCell + 2)).toBeNull()
    const table = templateDoc.resolve(first! + 1).node(-2)
    const tablePos = templateDoc.resolve(first! + 1).before(-2)
    expect(table.firstChild!.attrs.header).toBe(true)
    expect(boundCellAt(templateDoc, tablePos + 3)).toBeNull()
    expect(boundCellAt(templateDoc, 3)).toBeNull()
  })

  it('holds the inscription, and what the model derives from it', () => {
    const { results } = computeScenario(templateIndex, template.bindings, doha, parties)
    const norway = results.rows.find((r) => r.party === 'Norway')
    expect(boundValue({ kind: 'inscription', column: 'cp2' }, 'Norway', doha.inscriptions, norway)).toBe(84)
    expect(boundValue({ kind: 'inscription', column: 'cp2' }, 'Tuvalu', doha.inscriptions, undefined)).toBeUndefined()
  })
})
