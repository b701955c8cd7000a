/**
 * Annex columns the model computes. A consolidated Annex B carries, in the
 * column its heading names, each Party's inscription (the second-period
 * percentage, Option 3's assigned amount in Gg) and what the model derives
 * from it (Option 3's reduction rates, Option 5's Annex C figures). A column is
 * known by its heading as consolidated — `(2013–2020) (percentage of base
 * year or period)` — so a heading still bracketed is left empty.
 */
import { Fragment, type Node } from 'prosemirror-model'
import type { Computation } from '../model/compute.ts'
import { inscriptionKey } from '../model/inscriptions.ts'
import type { Scenario } from '../model/scenario.ts'
import { boundColumn, boundValue, type BoundColumn } from '../annex/bound-cells.ts'
import { plainText } from './unresolved.ts'

/** What a column holds (the editor's bound cells and the consolidation read columns alike). */
export type ComputedColumn = BoundColumn

/**
 * The computed column a heading names as consolidated, or null (the Party column, the
 * first period, a heading still bracketed: the consolidation cannot tell its period).
 */
export function computedColumn(heading: string): ComputedColumn | null {
  return heading.includes('[') ? null : boundColumn(heading)
}

/** A number as an Annex cell shows it: at most two decimals, no trailing zeros. */
export function formatCell(value: number): string {
  return String(Math.round(value * 100) / 100)
}

/** `doc` with the empty computed cells of every Annex table filled; notices name inscriptions no row carries. */
export function fillComputedColumns(
  doc: Node,
  scenario: Scenario,
  computation?: Computation,
): { doc: Node; notices: string[] } {
  const placed = new Set<string>()
  const rows = new Map((computation?.results.rows ?? []).map((r) => [r.party, r]))
  const value = (column: ComputedColumn, party: string): number | undefined => {
    const v = boundValue(column, party, scenario.inscriptions, rows.get(party))
    if (column.kind === 'inscription' && v !== undefined) placed.add(inscriptionKey(column.column, party))
    return v
  }
  const map = (node: Node): Node => {
    if (node.type.name === 'table') return fillTable(node, value)
    if (node.isTextblock || node.isLeaf) return node
    const children: Node[] = []
    node.forEach((c) => children.push(map(c)))
    return node.copy(Fragment.from(children))
  }
  const out = map(doc)
  const notices: string[] = []
  for (const [key, v] of Object.entries(scenario.inscriptions)) {
    const column = key.slice(0, key.indexOf('/'))
    if (typeof v !== 'number' || placed.has(key) || !['cp2', 'cp3', 'aaGg'].includes(column)) continue
    notices.push(
      `${key.slice(key.indexOf('/') + 1)}: inscription ${v} (${column}) has no row in the consolidated Annex; add the Party's row to the table`,
    )
  }
  return { doc: out, notices }
}

function fillTable(table: Node, value: (column: ComputedColumn, party: string) => number | undefined): Node {
  const headings: string[] = []
  table.forEach((row) => {
    if (row.type.name !== 'table_row' || !row.attrs.header) return
    row.forEach((cell, _, i) => {
      headings[i] = ((headings[i] ?? '') + ' ' + plainText(cell)).trim()
    })
  })
  const columns = headings.map(computedColumn)
  const children: Node[] = []
  table.forEach((row) => {
    if (row.type.name !== 'table_row' || row.attrs.header || !row.attrs.party) return children.push(row)
    const cells: Node[] = []
    row.forEach((cell, _, i) => {
      const column = columns[i]
      const v = column && cell.childCount === 0 ? value(column, row.attrs.party) : undefined
      cells.push(v === undefined ? cell : cell.copy(Fragment.from(cell.type.schema.text(formatCell(v)))))
    })
    children.push(row.copy(Fragment.from(cells)))
  })
  return table.copy(Fragment.from(children))
}
