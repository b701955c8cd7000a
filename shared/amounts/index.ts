/**
 * Amounts: assigned amounts and the figures negotiators derive from them.
 * Pure functions over plain data; tonnes throughout, Gg at the edges.
 */
export * from './assigned-amount.ts'
export * from './commitment-period.ts'
export * from './reduction-rates.ts'
export * from './annex-c.ts'
export * from './aggregate.ts'
export * from './joint-fulfilment.ts'
export * from './lulucf.ts'
export * from './units.ts'
export * from './input.ts'
