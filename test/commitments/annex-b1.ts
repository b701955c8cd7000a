/**
 * Scenarios on the template with Annex B.I on the table: Option 4 of Annex B
 * and of 1 bis chosen, 7 bis Option 1 with 2013–2020 and eight years. Tests
 * state inscriptions the way a resolution file does.
 */
import { computeScenario, type Computation } from '../../shared/model/compute.ts'
import { readInscriptions } from '../../shared/model/inscriptions.ts'
import type { Resolutions } from '../../shared/model/resolution.ts'
import { parties, template, templateIndex } from '../model/template-model.ts'

/** Annex B.I, 1 bis Option 4, 2013–2020. */
export const ANNEX_B1: Resolutions = { o4: 'chosen', o9: 'chosen', o10: 'chosen', g39: 'g39.2', g40: 'g40.2' }

/** The computation with these inscriptions (`{ column: { Party: value } }`). */
export function compute(
  inscriptions: Record<string, Record<string, number | string>>,
  resolutions: Resolutions = ANNEX_B1,
  values: Record<string, number> = {},
): Computation {
  return computeScenario(
    templateIndex,
    template.bindings,
    { resolutions, values, inscriptions: readInscriptions(inscriptions) },
    parties,
  )
}

/** One Party's row. */
export function rowOf(c: Computation, party: string) {
  const row = c.results.rows.find((r) => r.party === party)
  if (!row) throw new Error(`no row for ${party}`)
  return row
}

export { parties }
