/**
 * What one commitment implies in tonnes for a commitment period: emissions in
 * its target year and over the period for the economy-wide kinds, the cut a
 * sectoral target makes, a policy's estimated effect — each as an interval
 * between the unconditional and the conditional figure, with the assumptions
 * it rests on in words. A bad value gives a problem naming the cell, never a
 * number.
 */
import type { Party } from '../parties/party.ts'
import { exact, type Interval } from './interval.ts'
import type { CommitmentKind } from './kinds.ts'
import { bauPath, gdpGrowthRange, lastEmissionsYear, recentGdpGrowthPct } from './paths.ts'
import type { CommitmentTerms, StatedFigure } from './terms.ts'

/** A commitment period: first and last year, both counted. */
export interface PeriodSpan {
  start: number
  end: number
}

/** How a result's tonnes count toward the Party's figure. */
export type ResultCounting = 'economy-wide' | 'toward' | 'additional' | 'listed'

/** What a commitment implies for the period. Tonnes CO₂ eq throughout. */
export interface CommitmentResult {
  kind: CommitmentKind
  /** The cell that heads it: `cp2`, `intensity.pct`, `sectoral.cement`. */
  column: string
  /** The commitment in words, with its figures. */
  label: string
  /** The same in a few words, for a table cell. */
  short: string
  counting: ResultCounting
  /** Sectoral: the sector; policies: what is undertaken. */
  subject?: string
  targetYear?: number
  /** Emissions the commitment allows in its target year. */
  targetYearT?: Interval
  /** Emissions it allows over the period (economy-wide kinds). */
  periodT?: Interval
  /** The assigned amount, whole tonnes (absolute commitments only). */
  assignedAmountT?: Interval
  /** A sectoral cut, or a policy's estimated effect, tonnes a year. */
  cutT?: Interval
  /** Where a policy's estimate comes from. */
  source?: string
  /** True when a conditional figure is stated. */
  conditional: boolean
  assumptions: string[]
  /** True when a figure rests on an approximate base year, a projection or an estimate. */
  approximate: boolean
  /** The cell at fault and why; the commitment then counts nowhere. */
  problem?: { field: string; message: string }
}

/** A stated figure as an interval (the conditional end equal to the other when none is stated). */
export function statedInterval(f: StatedFigure, scale = 1): Interval {
  return { unconditional: f.unconditional * scale, conditional: (f.conditional ?? f.unconditional) * scale }
}

const pctText = (f: StatedFigure) =>
  f.conditional === undefined ? `${f.unconditional}` : `${f.unconditional}–${f.conditional}`

/** The years of a period, first to last. */
function* yearsOf(period: PeriodSpan): Generator<number> {
  for (let y = period.start; y <= period.end; y++) yield y
}

// A cut below a reference: the conditional end must cut at least as deep.
function upsideDownCut(f: StatedFigure, column: string, unit: string): CommitmentResult['problem'] {
  if (f.conditional === undefined || f.conditional >= f.unconditional) return undefined
  return {
    field: `${column}.conditional`,
    message: `is ${f.conditional}${unit} but ${column} is ${f.unconditional}${unit}: the conditional offer must go at least as far as the unconditional one (the range is upside down); swap the two cells`,
  }
}

/** What `terms` imply for `party` over `period`. */
export function impliedByTerms(party: Party, terms: CommitmentTerms, period: PeriodSpan): CommitmentResult {
  switch (terms.kind) {
    case 'intensity':
      return intensity(party, terms, period)
    case 'bau-deviation':
      return bauDeviation(party, terms, period)
    case 'policies-and-measures':
      return {
        kind: terms.kind,
        column: `pam.${terms.slug}`,
        label: terms.description,
        short: terms.effectMt === undefined ? 'policy' : `policy (≈${terms.effectMt} Mt)`,
        subject: terms.description,
        counting: 'listed',
        cutT: terms.effectMt === undefined ? undefined : exact(terms.effectMt * 1e6),
        source: terms.source,
        conditional: false,
        assumptions:
          terms.effectMt === undefined
            ? ['no estimated effect stated: counted, not quantified']
            : [
                `estimated effect ${terms.effectMt} Mt a year (${terms.source}), listed apart and never added to the emissions`,
              ],
        approximate: terms.effectMt !== undefined,
      }
    case 'sectoral':
      return sectoral(party, terms)
  }
}

function intensity(
  party: Party,
  t: Extract<CommitmentTerms, { kind: 'intensity' }>,
  period: PeriodSpan,
): CommitmentResult {
  const b = t.baseYear
  const target = t.targetYear ?? period.end
  const result: CommitmentResult = {
    kind: 'intensity',
    column: 'intensity.pct',
    label: `${pctText(t.pct)} % below ${b} emissions per unit of GDP by ${target}`,
    short: `intensity −${pctText(t.pct)} % by ${target}`,
    counting: 'economy-wide',
    targetYear: target,
    conditional: t.pct.conditional !== undefined,
    assumptions: [],
    approximate: true,
  }
  const fail = (field: string, message: string) => ({ ...result, problem: { field, message } })
  const s = party.series
  const eB = s?.ghgKt.get(b)
  const gdpB = s?.gdp.get(b)
  if (!s || eB === undefined || gdpB === undefined)
    return fail('intensity.baseYear', `is ${b}, but the data has no emissions and GDP for ${party.name} in ${b}`)
  if (eB <= 0)
    return fail('intensity.baseYear', `is ${b}, when the data’s emissions are a net sink: an intensity has no meaning`)
  if (target <= b)
    return fail('intensity.targetYear', `is ${target}: the target year must come after the base year (${b})`)
  const upsideDown = upsideDownCut(t.pct, 'intensity.pct', ' %')
  if (upsideDown) return { ...result, problem: upsideDown }
  let g = t.gdpGrowthPct
  if (g === undefined) {
    const trend = recentGdpGrowthPct(s)
    if (!trend)
      return fail('intensity.gdpGrowthPct', 'is not stated and the data has no GDP trend for this Party: state it')
    g = trend.pct
    result.assumptions.push(
      `GDP grows ${g.toFixed(2)} % a year from ${b}: the data’s trend ${trend.from}–${trend.to} (none stated)`,
    )
  } else {
    const range = gdpGrowthRange(s)
    if (g < 0 && range && g < range.lowestPct)
      return fail(
        'intensity.gdpGrowthPct',
        `is ${g} % a year: a fall beyond the data’s range (its worst year was ${range.lowestPct.toFixed(1)} % in ${range.lowestYear}, ${range.from}–${range.to}); state a rate within it, or check the sign`,
      )
    result.assumptions.push(`GDP grows ${g} % a year from ${b} (stated)`)
  }
  if (t.targetYear === undefined) result.assumptions.push(`target year: the period’s last, ${target} (none stated)`)
  result.assumptions.push(`intensity falls in a straight line from ${b} to ${target}, then holds`)
  const eBT = eB * 1000
  const factor = 1 + g / 100
  // E(y) = intensity(y) × GDP(y) = E(b) × (1+g)^(y−b) × (1 − cut × ramp(y)).
  const at = (y: number, cutPct: number) =>
    eBT * factor ** (y - b) * (1 - (cutPct / 100) * Math.min(1, Math.max(0, (y - b) / (target - b))))
  const cond = t.pct.conditional ?? t.pct.unconditional
  result.targetYearT = { unconditional: at(target, t.pct.unconditional), conditional: at(target, cond) }
  const p = { unconditional: 0, conditional: 0 }
  for (const y of yearsOf(period)) {
    p.unconditional += at(y, t.pct.unconditional)
    p.conditional += at(y, cond)
  }
  result.periodT = p
  return result
}

function bauDeviation(
  party: Party,
  t: Extract<CommitmentTerms, { kind: 'bau-deviation' }>,
  period: PeriodSpan,
): CommitmentResult {
  const target = t.targetYear ?? period.end
  const result: CommitmentResult = {
    kind: 'bau-deviation',
    column: 'bau.pct',
    label: `${pctText(t.pct)} % below business as usual by ${target}`,
    short: `below BAU −${pctText(t.pct)} % by ${target}`,
    counting: 'economy-wide',
    targetYear: target,
    conditional: t.pct.conditional !== undefined,
    assumptions: [],
    approximate: true,
  }
  if (!party.series)
    return { ...result, problem: { field: 'bau.pct', message: `the data has no emissions for ${party.name}` } }
  const upsideDown = upsideDownCut(t.pct, 'bau.pct', ' %')
  if (upsideDown) return { ...result, problem: upsideDown }
  const path = bauPath(party.series, { targetMt: t.targetMt, targetYear: target, growthPct: t.growthPct })
  if ('problem' in path) return { ...result, problem: { field: path.field, message: path.problem } }
  result.assumptions.push(path.assumption)
  if (t.targetYear === undefined) result.assumptions.push(`target year: the period’s last, ${target} (none stated)`)
  result.assumptions.push('the cut below BAU applies in every year of the period')
  const cond = t.pct.conditional ?? t.pct.unconditional
  const bauT = path.at(target)
  result.targetYearT = { unconditional: bauT * (1 - t.pct.unconditional / 100), conditional: bauT * (1 - cond / 100) }
  const p = { unconditional: 0, conditional: 0 }
  for (const y of yearsOf(period)) {
    const bau = path.at(y)
    p.unconditional += bau * (1 - t.pct.unconditional / 100)
    p.conditional += bau * (1 - cond / 100)
  }
  result.periodT = p
  return result
}

function sectoral(party: Party, t: Extract<CommitmentTerms, { kind: 'sectoral' }>): CommitmentResult {
  const column = `sectoral.${t.slug}`
  const result: CommitmentResult = {
    kind: 'sectoral',
    column,
    label: `${t.sector}: ${pctText(t.cutMt)} Mt a year less, ${t.counting === 'toward' ? 'counted toward the economy-wide target' : 'additional to it'}`,
    short: `${t.sector}: −${pctText(t.cutMt)} Mt (${t.counting})`,
    subject: t.sector,
    counting: t.counting,
    cutT: statedInterval(t.cutMt, 1e6),
    conditional: t.cutMt.conditional !== undefined,
    assumptions: ['the cut applies in every year of the period'],
    approximate: false,
  }
  const upsideDown = upsideDownCut(t.cutMt, `${column}.cutMt`, ' Mt')
  if (upsideDown) return { ...result, problem: upsideDown }
  const deepest = Math.max(t.cutMt.unconditional, t.cutMt.conditional ?? 0)
  const deepestField = deepest === t.cutMt.unconditional ? `${column}.cutMt` : `${column}.cutMt.conditional`
  const last = party.series && lastEmissionsYear(party.series)
  const wholeMt = last === undefined ? undefined : party.series!.ghgKt.get(last)! / 1000
  if (t.sectorMt !== undefined) {
    if (deepest > t.sectorMt)
      return {
        ...result,
        problem: {
          field: deepestField,
          message: `is ${deepest} Mt, larger than the sector itself (${column}.sectorMt = ${t.sectorMt} Mt)`,
        },
      }
    if (wholeMt !== undefined && t.sectorMt > wholeMt)
      return {
        ...result,
        problem: {
          field: `${column}.sectorMt`,
          message: `is ${t.sectorMt} Mt, larger than ${party.name}’s whole emissions (${wholeMt.toFixed(1)} Mt in ${last})`,
        },
      }
  } else if (wholeMt !== undefined && deepest > wholeMt) {
    return {
      ...result,
      problem: {
        field: deepestField,
        message: `is ${deepest} Mt, larger than ${party.name}’s whole emissions (${wholeMt.toFixed(1)} Mt in ${last})`,
      },
    }
  } else {
    result.assumptions.push(
      'the sector’s size is not stated: the cut is checked only against the Party’s whole emissions',
    )
  }
  return result
}
