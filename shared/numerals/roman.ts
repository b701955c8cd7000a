/**
 * Roman numerals, as negotiating texts number chapters and sub-paragraphs
 * (`IV.`, `(iii)`): one home for the option renumbering and the Word reader.
 */

const TABLE: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
]

/** `n` (1–3999) in upper-case Roman numerals; other numbers as decimals. */
export function romanNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 4000) return String(n)
  let out = ''
  for (const [value, glyph] of TABLE) for (; n >= value; n -= value) out += glyph
  return out
}
