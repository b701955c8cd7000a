/**
 * The variables a non-paper's brackets and placeholders decide, with their
 * types and ranges: the commitment periods and their lengths, the Annex B
 * option in force, the 7 bis LULUCF sentence, and the placeholder letters.
 */

/** A commitment period as the text writes it: first and last year. */
export interface Period {
  start: number
  end: number
}

/** The value of a variable. */
export type VariableValue = number | string | boolean | Period

/** What a variable holds and which values are allowed. */
export interface VariableSpec {
  label: string
  type: 'period' | 'years' | 'percent' | 'year' | 'count' | 'article' | 'boolean' | 'annexB' | 'scope'
  min?: number
  max?: number
}

/** The Annex B options' column layouts (DOMAIN: Options 1–5 of section A). */
export const ANNEX_B_LAYOUTS = ['percent', 'percent-two-periods', 'assigned-amount', 'annex-b1', 'annex-c'] as const
/** An Annex B layout. */
export type AnnexBLayout = (typeof ANNEX_B_LAYOUTS)[number]

/**
 * Whom paragraph 1 bis's aggregate covers: "The Parties included in Annex I"
 * (Options 1–3), or "…and Parties not included in Annex I, if they so elect"
 * (Option 4, with Annex B.I).
 */
export const AGGREGATE_SCOPES = ['annex-i', 'annex-i-and-electing'] as const
/** An aggregate scope. */
export type AggregateScope = (typeof AGGREGATE_SCOPES)[number]

/** Every variable Accord knows, by name. */
export const VARIABLES: Record<string, VariableSpec> = {
  'cp2.period': { label: 'second commitment period', type: 'period' },
  'cp2.years': { label: 'years in the second commitment period', type: 'years', min: 1, max: 20 },
  'cp3.period': { label: 'third commitment period', type: 'period' },
  'cp3.years': { label: 'years in the third commitment period', type: 'years', min: 1, max: 20 },
  'annexB.layout': { label: 'Annex B option in force', type: 'annexB' },
  'aggregate.scope': { label: 'Parties paragraph 1 bis’s aggregate covers', type: 'scope' },
  lulucf: { label: '7 bis: 1990 land-use change in the base year of net-source Parties', type: 'boolean' },
  X: { label: 'aggregate reduction below 1990 (per cent)', type: 'percent', min: 0, max: 100 },
  S: { label: 'aggregate reduction below 1990 by 2050 (per cent)', type: 'percent', min: 0, max: 100 },
  Q: { label: 'aggregate reduction in the third period (per cent)', type: 'percent', min: 0, max: 100 },
  V: { label: 'year the second commitment period ends', type: 'year', min: 2013, max: 2100 },
  W: { label: 'base year of the aggregate target', type: 'year', min: 1985, max: 2100 },
  T: { label: 'target year', type: 'year', min: 2013, max: 2100 },
  U: { label: 'target year', type: 'year', min: 2013, max: 2100 },
  P: { label: 'base year or period (7 bis Option 2)', type: 'year', min: 1985, max: 2100 },
  Z: { label: 'years before the end of a period', type: 'count', min: 1, max: 20 },
  R: { label: 'article number', type: 'article', min: 1, max: 28 },
}

/** Why `value` is not a valid value of `name`, or null when it is. */
export function checkVariableValue(name: string, value: unknown): string | null {
  const spec = VARIABLES[name]
  if (!spec) return `unknown variable "${name}"; known: ${Object.keys(VARIABLES).join(', ')}`
  switch (spec.type) {
    case 'period': {
      const p = value as Period
      if (!p || typeof p !== 'object' || !Number.isInteger(p.start) || !Number.isInteger(p.end))
        return `${name} must be { "start": YEAR, "end": YEAR }`
      return p.end >= p.start ? null : `${name} must end in or after the year it starts`
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : `${name} must be true or false`
    case 'annexB':
      return ANNEX_B_LAYOUTS.includes(value as AnnexBLayout)
        ? null
        : `${name} must be one of ${ANNEX_B_LAYOUTS.join(', ')}`
    case 'scope':
      return AGGREGATE_SCOPES.includes(value as AggregateScope)
        ? null
        : `${name} must be one of ${AGGREGATE_SCOPES.join(', ')}`
    default: {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${name} (${spec.label}) must be a number`
      if (spec.type !== 'percent' && !Number.isInteger(value)) return `${name} (${spec.label}) must be a whole number`
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
        return `${name} (${spec.label}) must be between ${spec.min} and ${spec.max}, got ${value}`
      }
      return null
    }
  }
}

/** Years in a period, both ends counted: 2013–2020 is eight. */
export function periodYears(p: Period): number {
  return p.end - p.start + 1
}

/** Whether two variable values are the same. */
export function sameValue(a: VariableValue, b: VariableValue): boolean {
  if (typeof a === 'object' && typeof b === 'object') return a.start === b.start && a.end === b.end
  return a === b
}

/** A value for display: `2013–2020`, `8`, `true`. */
export function formatValue(v: VariableValue): string {
  return typeof v === 'object' ? `${v.start}–${v.end}` : String(v)
}
