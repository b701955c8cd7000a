/**
 * Reading the party data files (the table, its years, the negotiating groups):
 * CSV records, and the error every bad file gives — which file, which line,
 * which field, and what to do.
 */
import { CsvSyntaxError, parseCsv, type CsvRecord } from './csv.ts'

/** A bad party file: the file, the 1-based line of the row, the column, and what to do. */
export class PartyTableError extends Error {
  constructor(
    readonly file: string,
    readonly row: number,
    readonly field: string,
    readonly detail: string,
  ) {
    super(`${file}, row ${row}, field "${field}": ${detail}`)
    this.name = 'PartyTableError'
  }
}

/** The records of a party file; a CSV syntax error becomes a `PartyTableError` at its line. */
export function partyFileRecords(csvText: string, fileName: string): CsvRecord[] {
  try {
    return parseCsv(csvText, fileName)
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw new PartyTableError(fileName, error.line, '(csv)', error.message.replace(/^[^:]*:\d+: /, ''))
    throw error
  }
}
