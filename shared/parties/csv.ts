/**
 * A small RFC 4180 reader: comma-separated fields, double-quoted fields that
 * may hold commas, newlines and doubled quotes (`""`). Enough for the party
 * table and the reference data; no dependency so that `shared/` stays
 * isomorphic.
 */

/** A malformed CSV text: where the reader stopped and why. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`)
    this.name = 'CsvSyntaxError'
  }
}

/** One record of a CSV text, with the 1-based line it starts on. */
export interface CsvRecord {
  line: number
  fields: string[]
}

/**
 * Splits CSV text into records. Blank lines are skipped (a trailing newline
 * is common and means nothing); CRLF and LF both end a record.
 */
export function parseCsv(text: string, file = '<csv>'): CsvRecord[] {
  const records: CsvRecord[] = []
  let fields: string[] = []
  let field = ''
  let line = 1
  let recordLine = 1
  let quoted = false
  let quoteLine = 0
  let fieldStarted = false

  const endField = () => {
    fields.push(field)
    field = ''
    fieldStarted = false
  }
  const endRecord = () => {
    endField()
    // A lone empty field is a blank line, not a record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields })
    fields = []
  }

  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else {
          quoted = false
          const next = text[i + 1]
          if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
            throw new CsvSyntaxError(
              file,
              line,
              `text after a closing quote; quote the whole field and double any " inside it`,
            )
          }
        }
      } else {
        if (c === '\n') line++
        field += c
      }
      continue
    }
    if (c === '"') {
      if (fieldStarted)
        throw new CsvSyntaxError(
          file,
          line,
          'a quote inside an unquoted field; quote the whole field and double any " inside it',
        )
      quoted = true
      quoteLine = line
      fieldStarted = true
    } else if (c === ',') {
      endField()
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      endRecord()
      line++
      recordLine = line
    } else {
      field += c
      fieldStarted = true
    }
  }
  if (quoted) throw new CsvSyntaxError(file, quoteLine, 'a quoted field is never closed; add the closing "')
  endRecord()
  return records
}

/** Quotes a field when it holds a comma, quote or newline, so `parseCsv` reads it back unchanged. */
export function formatCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** Formats rows of fields as CSV text ending in a newline. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(formatCsvField).join(',')).join('\n') + '\n'
}
