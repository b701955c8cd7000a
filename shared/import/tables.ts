/**
 * Joins table rows into tables: a run of tab-separated lines is one table, a
 * "Table (continued)" break followed by the same heading row continues it, and
 * the lettered notes right after it are its table notes. A table's rows are
 * Parties when its heading says so (`Party`, `Country`) or most of its rows
 * name States; a field/value table has no Party rows.
 */
import { isStateName } from '../parties/state-names.ts'
import type { BlockRec } from './blocks.ts'

/** A table row, a continuation break or a table note, in table order. */
export interface TableChild {
  rec: BlockRec
  header: boolean
  party: string | null
}

/** A table assembled from blocks. */
export interface TableRec {
  type: 'table'
  gap: number
  children: TableChild[]
}

/** Replace runs of row blocks by tables. */
export function assembleTables(blocks: BlockRec[], lines: string[]): (BlockRec | TableRec)[] {
  const out: (BlockRec | TableRec)[] = []
  for (let i = 0; i < blocks.length;) {
    const block = blocks[i]
    if (block.type !== 'row') {
      if (block.type === 'table_break') {
        block.type = 'heading'
        block.level = 'caption'
      }
      out.push(block)
      i++
      continue
    }
    const table: TableRec = { type: 'table', gap: block.gap, children: [] }
    const headingCell = firstCell(lines[block.first])
    i = takeRows(blocks, i, lines, table, true)
    // "Table (continued)" says so: the rows after it go on with the same table,
    // led by a repeat of the heading when their first cell repeats it. (Repeats
    // differ in detail: Option 2's drops a footnote marker.)
    while (blocks[i]?.type === 'table_break' && blocks[i + 1]?.type === 'row') {
      table.children.push({ rec: blocks[i], header: false, party: null })
      i = takeRows(blocks, i + 1, lines, table, firstCell(lines[blocks[i + 1].first]) === headingCell)
    }
    while (blocks[i]?.type === 'footnote' && !/^\d+$/.test(blocks[i].label?.value ?? '')) {
      table.children.push({ rec: blocks[i], header: false, party: null })
      i++
    }
    table.children[0].rec.gap = 0
    if (!isPartyTable(table, headingCell)) for (const child of table.children) child.party = null
    out.push(table)
  }
  return out
}

// Take consecutive rows from `start`. When `headed`, the first row and the
// empty-first-cell rows right after it are heading rows (multi-row headings).
function takeRows(blocks: BlockRec[], start: number, lines: string[], table: TableRec, headed: boolean): number {
  let i = start
  let inHeading = headed
  while (i < blocks.length && blocks[i].type === 'row' && (i === start || blocks[i].gap === 0)) {
    const cell = firstCell(lines[blocks[i].first])
    const header = inHeading && (i === start || cell.trim() === '')
    inHeading = header
    table.children.push({ rec: blocks[i], header, party: header ? null : partyName(cell) })
    i++
  }
  return i
}

const PARTY_HEADING = /^\s*(?:Party|Parties|Country|Countries|Member States?|States?)\b/i

// Whether the rows of `table` are Parties: its heading's first cell says so, or
// at least half of its named rows (two or more) are States.
function isPartyTable(table: TableRec, headingCell: string): boolean {
  if (table.children[0]?.header && PARTY_HEADING.test(headingCell)) return true
  const named = table.children.filter((c) => c.party !== null)
  const states = named.filter((c) => isStateName(c.party!)).length
  return states >= 2 && states * 2 >= named.length
}

function firstCell(line: string): string {
  return line.split('\t', 1)[0]
}

/** The Party a row's first cell names, without footnote markers; null for `...`. */
export function partyName(cell: string): string | null {
  const name = cell
    .replace(/\[\*\]|\^\{[^}]*\}|\^[A-Za-z0-9*]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\*/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  return name === '' || /^(?:\.{2,}|…)$/.test(name) ? null : name
}
