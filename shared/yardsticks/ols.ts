/**
 * Ordinary least squares for one explanatory variable: the fitted line a
 * yardstick draws through Parties' (income, cut) points.
 */

/** One observation: `x` explains `y`; `label` names it in errors. */
export interface Observation {
  x: number
  y: number
  label?: string
}

/** The fitted line `y = intercept + slope × x` and how well it fits. */
export interface FittedLine {
  intercept: number
  slope: number
  /** Share of the variance of y the line explains (1 − SSR/SST). */
  rSquared: number
  /** Number of observations the line was fitted on. */
  n: number
  /** Standard error of the slope (NaN for n = 2: no degrees of freedom left). */
  slopeStandardError: number
}

/**
 * Fits `y = a + b x` by ordinary least squares. Throws when the fit is undefined:
 * fewer than two observations, a non-finite value, or every x equal.
 */
export function fitLine(observations: readonly Observation[]): FittedLine {
  const n = observations.length
  if (n < 2) throw new Error(`a fitted line needs at least 2 observations, got ${n}`)
  for (const o of observations) {
    if (!Number.isFinite(o.x) || !Number.isFinite(o.y)) {
      throw new Error(
        `observation ${o.label ?? JSON.stringify(o)} is not a finite (x, y) pair; drop it or supply its figures`,
      )
    }
  }
  const meanX = observations.reduce((s, o) => s + o.x, 0) / n
  const meanY = observations.reduce((s, o) => s + o.y, 0) / n
  // Centred sums avoid the cancellation of Σx² − n·x̄² when x is large (log incomes are ~10).
  let sxx = 0
  let sxy = 0
  let syy = 0
  for (const o of observations) {
    const dx = o.x - meanX
    const dy = o.y - meanY
    sxx += dx * dx
    sxy += dx * dy
    syy += dy * dy
  }
  if (sxx === 0) throw new Error(`all ${n} observations have the same x (${meanX}); a slope is undefined`)
  const slope = sxy / sxx
  const intercept = meanY - slope * meanX
  const ssr = Math.max(0, syy - slope * sxy)
  const rSquared = syy === 0 ? 1 : 1 - ssr / syy
  const slopeStandardError = n > 2 ? Math.sqrt(ssr / (n - 2) / sxx) : Number.NaN
  return { intercept, slope, rSquared, n, slopeStandardError }
}

/** The line's value at `x`. */
export function predict(line: FittedLine, x: number): number {
  return line.intercept + line.slope * x
}
