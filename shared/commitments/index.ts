/**
 * Commitments of every kind — absolute, intensity, below business as usual,
 * policies and measures, sectoral — as data: what each needs, what it implies
 * for a period, and the counting rule that makes one figure of a Party's
 * commitments and one total of all Parties' without counting a tonne twice.
 */
export * from './interval.ts'
export * from './kinds.ts'
export * from './terms.ts'
export * from './paths.ts'
export * from './implied.ts'
export * from './counting.ts'
export * from './totals.ts'
export * from './aggregate.ts'
export * from './side-by-side.ts'
