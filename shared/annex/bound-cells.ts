/**
 * The cells of the Annex tables that are the model's: in a column its heading names, a
 * Party's row holds that Party's inscription (the second or third period's percentage of
 * base year, Option 3's assigned amount in Gg) or what the model derives from it (Option
 * 3's reduction rates, Option 5's Annex C figures). Such a cell holds no text of its own:
 * the editor shows the inscription there and a co-chair typing in it sets the inscription,
 * and the consolidation fills it from the same inscriptions — one source, never a copy in
 * the text that could disagree with the numbers.
 */
import type { Node } from 'prosemirror-model'
import type { InscriptionColumn, Inscriptions } from '../model/inscriptions.ts'
import type { PartyResult } from '../model/results.ts'
import { plainText } from '../consolidate/unresolved.ts'

/** What a column holds. */
export type BoundColumn =
  | { kind: 'inscription'; column: InscriptionColumn }
  | { kind: 'rate'; year: number }
  | { kind: 'annexC'; field: 'baseYearPct' | 'referenceYear2007Pct' | 'budgetGg' }

/**
 * The column a heading names, brackets and footnote markers read through (a heading
 * `([2013–2017]^a [2013–2020])` names the second period whichever is chosen); null for the
 * Party column, the first period, a heading whose alternatives name different periods
 * (`([2008–2012] [2013–2020])`: which one stands is not decided yet), and headings that
 * name no number of the model. The editor and the consolidation both read columns here.
 */
export function boundColumn(heading: string): BoundColumn | null {
  const h = heading.replace(/\^\{?[a-z*]+\}?/g, '').replace(/[[\]]/g, '')
  const rate = /Reduction rates from (\d{4})/.exec(h)
  if (rate) return { kind: 'rate', year: Number(rate[1]) }
  if (/Assigned amount \(Gg/.test(h)) return { kind: 'inscription', column: 'aaGg' }
  if (/^Base year or period \(per cent\)/.test(h)) return { kind: 'annexC', field: 'baseYearPct' }
  if (/^Reference year 2007/.test(h)) return { kind: 'annexC', field: 'referenceYear2007Pct' }
  if (/^Budget \(Gg/.test(h)) return { kind: 'annexC', field: 'budgetGg' }
  if (!/percentage of base year/.test(h)) return null
  const starts = [...h.matchAll(/\b((?:19|20)\d\d)\s*–/g)].map((m) => Number(m[1]))
  if (!starts.length) return /second commitment period/.test(h) ? { kind: 'inscription', column: 'cp2' } : null
  const periods = new Set(starts.map((y) => (y === 2013 ? 'cp2' : y > 2013 ? 'cp3' : 'first')))
  if (periods.size !== 1 || periods.has('first')) return null
  return { kind: 'inscription', column: periods.has('cp2') ? 'cp2' : 'cp3' }
}

/** The columns of `table` by index, from its heading rows (a heading may span several rows). */
export function tableColumns(table: Node): (BoundColumn | null)[] {
  const headings: string[] = []
  table.forEach((row) => {
    if (row.type.name !== 'table_row' || !row.attrs.header) return
    row.forEach((cell, _, i) => {
      headings[i] = ((headings[i] ?? '') + ' ' + plainText(cell)).trim()
    })
  })
  return headings.map(boundColumn)
}

/** A cell of a Party's row in a bound column. */
export interface BoundCell {
  /** The cell node's position in the document. */
  pos: number
  party: string
  column: BoundColumn
  /** The inscription it shows (`cp2/Australia`), for inscription columns. */
  key?: string
  /** The cell holds text of its own (an imported number): the editor flags it beside the model's. */
  text: string
}

/** Every bound cell of `doc`, in document order. */
export function boundCells(doc: Node): BoundCell[] {
  const out: BoundCell[] = []
  doc.descendants((node, pos) => {
    if (node.type.name !== 'table') return !node.isTextblock
    const columns = tableColumns(node)
    node.forEach((row, rowOffset) => {
      const party = row.attrs.party as string | null
      if (row.type.name !== 'table_row' || row.attrs.header || !party) return
      row.forEach((cell, cellOffset, i) => {
        const column = columns[i]
        if (!column) return
        out.push({
          pos: pos + 1 + rowOffset + 1 + cellOffset,
          party,
          column,
          ...(column.kind === 'inscription' ? { key: `${column.column}/${party}` } : {}),
          text: cell.textContent,
        })
      })
    })
    return false
  })
  return out
}

/**
 * The bound cell holding document position `pos`, or null: what a place in the text is
 * asked before words are suggested there (a bound cell takes none).
 */
export function boundCellAt(doc: Node, pos: number): BoundCell | null {
  const $pos = doc.resolve(pos)
  for (let depth = $pos.depth; depth > 2; depth--) {
    if ($pos.node(depth).type.name !== 'table_cell') continue
    const [row, table] = [$pos.node(depth - 1), $pos.node(depth - 2)]
    const party = row.attrs.party as string | null
    if (table.type.name !== 'table' || row.type.name !== 'table_row' || row.attrs.header || !party) return null
    const column = tableColumns(table)[$pos.index(depth - 1)]
    if (!column) return null
    return {
      pos: $pos.before(depth),
      party,
      column,
      ...(column.kind === 'inscription' ? { key: `${column.column}/${party}` } : {}),
      text: $pos.node(depth).textContent,
    }
  }
  return null
}

/**
 * The number a bound cell holds: the Party's inscription, or what the model derives from
 * it (`row`, the Party's computed row); undefined while there is none. The editor shows it
 * and the consolidation writes it.
 */
export function boundValue(
  column: BoundColumn,
  party: string,
  inscriptions: Inscriptions,
  row: Pick<PartyResult, 'reductionRates' | 'annexC'> | undefined,
): number | undefined {
  if (column.kind === 'inscription') {
    const v = inscriptions[`${column.column}/${party}`]
    return typeof v === 'number' ? v : undefined
  }
  if (column.kind === 'rate') return row?.reductionRates?.find((r) => r.year === column.year)?.ratePct
  return row?.annexC?.[column.field]
}
