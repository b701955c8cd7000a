/**
 * The assigned-amount table as CSV (RFC 4180): one row per Party with its
 * inscription, base year, years and assigned amount, as `accord compute`
 * prints it, and what its commitments of every kind imply under the counting
 * rule — each figure at both ends, unconditional and conditional — with the
 * assumptions; then the totals. For spreadsheets.
 */
import type { PartyFigure } from '../commitments/counting.ts'
import type { Interval } from '../commitments/interval.ts'
import type { Computation } from '../model/compute.ts'

const HEADER = [
  'party',
  'iso',
  'inscribed',
  'unit',
  'base_year_t',
  'years',
  'assigned_amount_t',
  'approximate',
  'note',
  'commitments',
  'implied_t_a_year',
  'implied_t_a_year_conditional',
  'implied_period_t',
  'implied_period_t_conditional',
  'assigned_amount_t_conditional',
  'counted',
  'assumptions',
]

const n = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x))
const ends = (i: Interval | null | undefined) => [n(i?.unconditional), n(i?.conditional)]

function commitmentCells(f: PartyFigure | undefined, counted: Set<string>, notCounted: Map<string, string>): string[] {
  if (!f) return ['', '', '', '', '', '', '', '']
  const listed = f.commitments.map(
    (c) =>
      `${c.kind}: ${c.label}${c.problem ? ` [not counted: ${c.problem.field} ${c.problem.message}]` : f.notInForce.includes(c.column) ? ' [not in force]' : ''}`,
  )
  return [
    listed.join('; '),
    ...ends(f.annualT),
    ...ends(f.periodT),
    f.assignedAmountT ? String(f.assignedAmountT.conditional) : '',
    counted.has(f.party) ? 'yes' : (notCounted.get(f.party) ?? 'no'),
    [...new Set(f.commitments.flatMap((c) => (c.problem ? [] : c.assumptions)))].concat(f.notes).join('; '),
  ]
}

/** The CSV text (CRLF line ends, as RFC 4180 has them). */
export function assignedAmountsCsv({ results }: Computation): string {
  const t = results.commitments
  const counted = new Set(t?.counted ?? [])
  const notCounted = new Map((t?.notCounted ?? []).map((x) => [x.party, x.reason]))
  const rows = results.rows.map((r) => [
    r.party,
    r.iso,
    r.inscribed === null ? '' : String(r.inscribed),
    r.unit,
    r.baseYearT === null ? '' : String(r.baseYearT),
    r.years === null ? '' : String(r.years),
    r.assignedAmountT === null ? '' : String(r.assignedAmountT),
    r.approximate ? 'yes' : 'no',
    r.missing ?? r.source,
    ...commitmentCells(r.commitments, counted, notCounted),
  ])
  rows.push([
    'Total',
    '',
    '',
    '',
    '',
    results.years === null ? '' : String(results.years),
    String(results.totalT),
    '',
    '',
    t
      ? `${t.counted.length} Parties counted; policies and measures: ${t.policies.count} (estimated effects never added)`
      : '',
    ...ends(t?.annualT),
    ...ends(t?.periodT),
    t ? String(t.assignedAmountT.conditional) : '',
    '',
    '',
  ])
  return [HEADER, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n'
}

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}
