/**
 * One full computation: from a text's index, its bindings and a scenario to
 * the variables and every number the text carries. The live model does the
 * same incrementally; this is the reference it is tested against.
 */
import type { Party } from '../parties/party.ts'
import type { Bindings } from './bindings.ts'
import type { DocumentIndex } from './document-index.ts'
import { evaluateVariables, type Evaluation } from './evaluate.ts'
import { checkResolutions } from './resolution.ts'
import { cellsByParty, NO_CELLS, type CellsByParty } from './commitment-rows.ts'
import { partyResult, rowContext, summarizeRows, type Results } from './results.ts'
import type { Scenario } from './scenario.ts'

/** The variables and results of a scenario. */
export interface Computation {
  evaluation: Evaluation
  results: Results
}

/** The Parties that get a row: the non-paper's Annex B and anyone inscribed (in any column). */
export function rowParties(parties: readonly Party[], cells: CellsByParty): Party[] {
  return parties.filter((p) => p.inNonPaperAnnexB || cells.has(p.name))
}

/** Compute everything from scratch. */
export function computeScenario(
  index: DocumentIndex,
  bindings: Bindings,
  scenario: Scenario,
  parties: readonly Party[],
): Computation {
  const evaluation = evaluateVariables(index, scenario.resolutions, bindings, scenario.values)
  evaluation.diagnostics.unshift(...checkResolutions(index, scenario.resolutions))
  const cx = rowContext(evaluation)
  const cells = cellsByParty(scenario.inscriptions)
  const rows = rowParties(parties, cells).map((p) => partyResult(p, cx, cells.get(p.name) ?? NO_CELLS))
  return { evaluation, results: summarizeRows(rows, new Map(parties.map((p) => [p.name, p])), evaluation, cx) }
}
