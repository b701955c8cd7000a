/**
 * How figures read in the editor: tonnes with thin group separators (as UNFCCC
 * documents print them), percentages to one decimal.
 */

const tonnes = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 })
const percent = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })

/** `12 345 678` for a number of tonnes. */
export function formatTonnes(t: number): string {
  return tonnes.format(t).replace(/,/g, '\u202f')
}

/** `18.0` for a percentage (no sign added). */
export function formatPercent(p: number): string {
  return percent.format(p)
}
