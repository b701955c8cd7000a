/**
 * Word's number formats (`w:numFmt`), for list numbers and note marks, written
 * the way Word writes them: `upperLetter` 27 is `AA` (Word repeats the letter,
 * it does not carry like a spreadsheet column), `lowerRoman` 4 is `iv`.
 */
import { romanNumeral } from '../numerals/roman.ts'

const ORDINAL_WORDS = [
  'zeroth',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
]
const CARDINAL_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']
const CHICAGO = ['*', '†', '‡', '§']

/** `n` in format `fmt`; formats Accord does not know fall back to decimal. */
export function formatNumber(n: number, fmt: string | undefined): string {
  switch (fmt) {
    case 'none':
      return ''
    case 'upperRoman':
      return romanNumeral(n)
    case 'lowerRoman':
      return romanNumeral(n).toLowerCase()
    case 'upperLetter':
      return letters(n)
    case 'lowerLetter':
      return letters(n).toLowerCase()
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n)
    case 'ordinal':
      return `${n}${ordinalSuffix(n)}`
    case 'ordinalText':
      return ORDINAL_WORDS[n] ?? `${n}${ordinalSuffix(n)}`
    case 'cardinalText':
      return CARDINAL_WORDS[n] ?? String(n)
    case 'chicago':
      return n >= 1 ? CHICAGO[(n - 1) % 4].repeat(Math.floor((n - 1) / 4) + 1) : String(n)
    case 'decimalEnclosedCircle':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n)
    case 'decimalEnclosedParen':
      return `(${n})`
    default:
      return String(n)
  }
}

function letters(n: number): string {
  if (n <= 0) return String(n)
  return String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1)
}

function ordinalSuffix(n: number): string {
  const t = n % 100
  if (t >= 11 && t <= 13) return 'th'
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'
}
