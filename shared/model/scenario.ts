/**
 * A scenario: one full set of decisions on a text — resolutions by node id,
 * values of placeholders and variables, and inscriptions — as the resolution
 * file of `accord compute` writes it. Reading it checks every entry and names
 * the one at fault.
 */
import { readInscriptions, type Inscriptions } from './inscriptions.ts'
import type { Resolutions } from './resolution.ts'
import type { Values } from './evaluate.ts'
import { checkVariableValue, type VariableValue } from './variables.ts'

/** Decisions on a text. */
export interface Scenario {
  resolutions: Resolutions
  values: Values
  inscriptions: Inscriptions
}

/** An empty scenario: nothing resolved yet. */
export const EMPTY_SCENARIO: Scenario = { resolutions: {}, values: {}, inscriptions: {} }

/** Read a resolution file's JSON (`{ resolutions, variables, inscriptions }`); throws naming the field. */
export function readScenario(json: unknown, where = 'resolutions file'): Scenario {
  if (!json || typeof json !== 'object' || Array.isArray(json))
    throw new Error(`${where}: expected an object with "resolutions", "variables" and "inscriptions"`)
  const { resolutions = {}, variables = {}, inscriptions, ...rest } = json as Record<string, unknown>
  const unknown = Object.keys(rest).filter((k) => !k.startsWith('$') && k !== 'about')
  if (unknown.length)
    throw new Error(
      `${where}: unknown field "${unknown[0]}"; expected "resolutions", "variables", "inscriptions" (and "about")`,
    )
  if (typeof resolutions !== 'object' || Array.isArray(resolutions))
    throw new Error(`${where}.resolutions: expected { "nodeId": "choice" }`)
  for (const [id, v] of Object.entries(resolutions as object)) {
    if (typeof v !== 'string')
      throw new Error(
        `${where}.resolutions.${id}: expected a string (an alternative id, "kept", "deleted", "chosen" or "dropped")`,
      )
  }
  if (typeof variables !== 'object' || Array.isArray(variables))
    throw new Error(`${where}.variables: expected { "X": 18 }`)
  for (const [name, v] of Object.entries(variables as object)) {
    const problem = checkVariableValue(name, v)
    if (problem) throw new Error(`${where}.variables.${name}: ${problem}`)
  }
  return {
    resolutions: resolutions as Resolutions,
    values: variables as Record<string, VariableValue>,
    inscriptions: readInscriptions(inscriptions, `${where}.inscriptions`),
  }
}
