/**
 * The assigned-amount table as CSV (RFC 4180): one row per Party with its
 * inscription, base year, years and assigned amount, as `accord compute`
 * prints it, for spreadsheets.
 */
import type { Computation } from '../model/compute.ts'

const HEADER = ['party', 'iso', 'inscribed', 'unit', 'base_year_t', 'years', 'assigned_amount_t', 'approximate', 'note']

/** The CSV text (CRLF line ends, as RFC 4180 has them). */
export function assignedAmountsCsv({ results }: Computation): string {
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
  ])
  return [HEADER, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n'
}

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}
