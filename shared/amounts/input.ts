/**
 * Bad input to an amount computation: which input, what it was, how to fix
 * it. Computations throw this rather than return NaN, because a NaN assigned
 * amount would travel silently into a consolidated text.
 */

/** An input a computation cannot use, named with its value and a fix. */
export class AmountInputError extends Error {
  constructor(
    readonly field: string,
    readonly value: unknown,
    readonly hint: string,
  ) {
    super(`${field} = ${JSON.stringify(value)}: ${hint}`)
    this.name = 'AmountInputError'
  }
}

/** Throws unless `value` is a finite number greater than zero. */
export function requirePositive(
  field: string,
  value: number,
  hint = 'must be a finite number greater than zero',
): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new AmountInputError(field, value, hint)
  return value
}

/** Throws unless `value` is a whole number of at least one. */
export function requireWholeYears(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new AmountInputError(
      field,
      value,
      'must be a whole number of years, at least 1 (five for 2008-2012, eight for 2013-2020)',
    )
  return value
}
