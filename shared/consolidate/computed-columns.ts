/**
 * Annex columns the model computes. A consolidated Annex B carries, in the
 * column its heading names, each Party's inscription (the second-period
 * percentage, Option 3's assigned amount in Gg) and what the model derives
 * from it (Option 3's reduction rates, Option 5's Annex C figures). Which
 * columns those are is the bound cells' rule (`shared/annex/bound-cells.ts`), the
 * one the editor shows the inscriptions by: a heading still bracketed names its
 * column when every alternative names the same period.
 */
import { Fragment, type Node } from 'prosemirror-model'
import type { Computation } from '../model/compute.ts'
import { inscriptionKey } from '../model/inscriptions.ts'
import type { Scenario } from '../model/scenario.ts'
import { boundValue, tableColumns, type BoundColumn } from '../annex/bound-cells.ts'

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
  const value = (column: BoundColumn, party: string): number | undefined => {
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

function fillTable(table: Node, value: (column: BoundColumn, party: string) => number | undefined): Node {
  const columns = tableColumns(table)
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
