import { describe, expect, it } from 'vitest'
import { CsvSyntaxError, formatCsv, parseCsv } from '../../shared/parties/csv.ts'

describe('parseCsv', () => {
  it('reads quoted fields holding commas, doubled quotes and newlines', () => {
    const records = parseCsv(
      'party,note\nAustralia,"Minister Wong, 28 Jul 2009"\nNZ,"says ""61.9 Mt""\nsee A8"\n',
      'x.csv',
    )
    expect(records).toEqual([
      { line: 1, fields: ['party', 'note'] },
      { line: 2, fields: ['Australia', 'Minister Wong, 28 Jul 2009'] },
      { line: 3, fields: ['NZ', 'says "61.9 Mt"\nsee A8'] },
    ])
  })

  it('keeps empty fields and skips blank lines, with CRLF endings', () => {
    expect(parseCsv('a,,c\r\n\r\n,b,\r\n')).toEqual([
      { line: 1, fields: ['a', '', 'c'] },
      { line: 3, fields: ['', 'b', ''] },
    ])
  })

  it('names the file and line of an unclosed quote', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n', 'bad.csv')).toThrowError(
      new CsvSyntaxError('bad.csv', 2, 'a quoted field is never closed; add the closing "'),
    )
  })

  it('refuses text after a closing quote', () => {
    expect(() => parseCsv('"92"x,1', 'bad.csv')).toThrow(/bad\.csv:1: text after a closing quote/)
  })

  it('formats fields so they read back unchanged', () => {
    const rows = [
      ['name', 'note'],
      ['United Kingdom of Great Britain and Northern Ireland', 'a "quoted", comma\nline'],
    ]
    expect(formatCsv(rows)).toBe(
      'name,note\nUnited Kingdom of Great Britain and Northern Ireland,"a ""quoted"", comma\nline"\n',
    )
    expect(parseCsv(formatCsv(rows)).map((r) => r.fields)).toEqual(rows)
  })
})
