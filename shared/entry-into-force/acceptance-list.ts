/**
 * The JSON form of an acceptance list (what `accord entry-into-force FILE.json`
 * reads): the rules chosen, the instruments received, and optionally the date
 * to evaluate on.
 */
import { z } from 'zod'
import type { Acceptance, EntryIntoForceRules } from './evaluate.ts'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date in the form YYYY-MM-DD')

/** Schema of the acceptance-list file. */
export const acceptanceListSchema = z.object({
  partiesToProtocol: z.number().int().positive(),
  option: z.union([z.literal(1), z.literal(2)]).default(1),
  asOf: isoDate.optional(),
  firstPeriodEnds: isoDate.optional(),
  acceptances: z.array(z.object({ party: z.string().min(1), date: isoDate, annexI: z.boolean().optional() })),
  paragraph1Ter: z
    .object({
      minimumCoverage: z.number().optional(),
      emissions: z.record(z.string(), z.number().nonnegative()).optional(),
      totalEmissions: z.number().positive().optional(),
      minimumAnnexIAcceptances: z.number().int().nonnegative().optional(),
      lcaLinkSatisfied: z.boolean().optional(),
    })
    .optional(),
})

/** A parsed acceptance list. */
export interface AcceptanceList {
  rules: EntryIntoForceRules
  acceptances: Acceptance[]
  asOf?: string
}

/** Parses the file's JSON value; throws listing each problem with its path (e.g. `acceptances.3.date`). */
export function parseAcceptanceList(value: unknown): AcceptanceList {
  const result = acceptanceListSchema.safeParse(value)
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`)
    throw new Error(`not an acceptance list:\n  ${problems.join('\n  ')}`)
  }
  const { acceptances, asOf, ...rules } = result.data
  return { rules, acceptances, asOf }
}
