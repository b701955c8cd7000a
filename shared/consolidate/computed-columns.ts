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
import { inscriptionKey, type InscriptionColumn } from '../model/inscriptions.ts'
import type { Scenario } from '../model/scenario.ts'
import { plainText } from './unresolved.ts'

/** What a column holds. */
export type ComputedColumn =
  | { kind: 'inscription'; column: InscriptionColumn }
  | { kind: 'rate'; year: number }
  | { kind: 'annexC'; field: 'baseYearPct' | 'referenceYear2007Pct' | 'budgetGg' }

/**
 * The computed column a heading names, or null (the Party column, the first period). A
 * heading still bracketed names its column when every alternative does: `([2013–2017]
 * [2013–2020])` is the second period's either way, so its inscriptions stand in it.
 */
export function computedColumn(heading: string): ComputedColumn | null {
  if (heading.includes('[')) {
    const columns = new Set(
      [...heading.matchAll(/\[(\d{4})–\d{4}\]/g)].map((m) =>
        Number(m[1]) === 2013 ? 'cp2' : Number(m[1]) > 2013 ? 'cp3' : 'other',
      ),
    )
    if (columns.size !== 1 || columns.has('other') || !/percentage of base year/.test(heading)) return null
    return { kind: 'inscription', column: [...columns][0] as InscriptionColumn }
  }
  const rate = /Reduction rates from (\d{4})/.exec(heading)
  if (rate) return { kind: 'rate', year: Number(rate[1]) }
  if (/Assigned amount \(Gg/.test(heading)) return { kind: 'inscription', column: 'aaGg' }
  if (/^Base year or period \(per cent\)/.test(heading)) return { kind: 'annexC', field: 'baseYearPct' }
  if (/^Reference year 2007/.test(heading)) return { kind: 'annexC', field: 'referenceYear2007Pct' }
  if (/^Budget \(Gg/.test(heading)) return { kind: 'annexC', field: 'budgetGg' }
  const period = /\((\d{4})–(\d{4})\)/.exec(heading) ?? (/second commitment period/.test(heading) ? ['', '2013'] : null)
  if (period && /percentage of base year/.test(heading)) {
    const start = Number(period[1])
    if (start === 2013) return { kind: 'inscription', column: 'cp2' }
    if (start > 2013) return { kind: 'inscription', column: 'cp3' }
  }
  return null
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
    if (column.kind === 'inscription') {
      const v = scenario.inscriptions[inscriptionKey(column.column, party)]
      if (typeof v === 'number') placed.add(inscriptionKey(column.column, party))
      return typeof v === 'number' ? v : undefined
    }
    const row = rows.get(party)
    if (column.kind === 'rate') return row?.reductionRates?.find((r) => r.year === column.year)?.ratePct
    return row?.annexC?.[column.field]
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
