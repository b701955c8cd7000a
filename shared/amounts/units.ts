/**
 * Units. Inventories are reported in Gg (= kt) CO2 eq; assigned amounts are
 * issued in tonnes (one AAU = one tonne). Computations work in tonnes and
 * convert at the edges with these.
 */

/** Tonnes in one gigagram (one kilotonne). */
export const TONNES_PER_GG = 1000

/** Converts Gg (kt) CO2 eq to tonnes. */
export function ggToTonnes(gg: number): number {
  return gg * TONNES_PER_GG
}

/** Converts tonnes CO2 eq to Gg (kt). */
export function tonnesToGg(tonnes: number): number {
  return tonnes / TONNES_PER_GG
}
