/**
 * The error a bad party file gives: which file, which line, which field, and what to do.
 */

/** A bad party table: the file, the 1-based line of the row, the column, and what to do. */
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
