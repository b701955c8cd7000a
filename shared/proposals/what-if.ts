/**
 * "What if it were accepted?": the scenario a proposal would make, the
 * numbers under it, computed the same way as the live ones, and the words of
 * the text it would take out — the cost of the decision, before it is taken.
 */
import type { Node } from 'prosemirror-model'
import { readRejections, wordsTakenOut, type WordsTakenOut } from '../consolidate/rejected-text.ts'
import type { Party } from '../parties/party.ts'
import type { Bindings } from '../model/bindings.ts'
import { computeScenario, type Computation } from '../model/compute.ts'
import type { DocumentIndex } from '../model/document-index.ts'
import type { Scenario } from '../model/scenario.ts'
import type { VariableValue } from '../model/variables.ts'
import type { Proposal } from './proposal.ts'

/** The scenario with `proposal` applied (text proposals change no number: the scenario is returned as is). */
export function scenarioWith(scenario: Scenario, proposal: Proposal): Scenario {
  switch (proposal.kind) {
    case 'resolution':
      return { ...scenario, resolutions: { ...scenario.resolutions, [proposal.target]: String(proposal.value) } }
    case 'value':
      return { ...scenario, values: { ...scenario.values, [proposal.target]: proposal.value as VariableValue } }
    case 'inscription':
      return {
        ...scenario,
        inscriptions: { ...scenario.inscriptions, [proposal.target]: proposal.value as number | string },
      }
    default:
      return scenario
  }
}

/** The computation if `proposal` were accepted. */
export function whatIf(
  index: DocumentIndex,
  bindings: Bindings,
  scenario: Scenario,
  parties: readonly Party[],
  proposal: Proposal,
): Computation {
  return computeScenario(index, bindings, scenarioWith(scenario, proposal), parties)
}

/** The words of `doc` that accepting `proposal` would take out of the text under `scenario`. */
export function wordsRemovedBy(doc: Node, bindings: Bindings, scenario: Scenario, proposal: Proposal): WordsTakenOut {
  const then = scenarioWith(scenario, proposal)
  return wordsTakenOut(readRejections(doc, scenario, { bindings }), readRejections(doc, then, { bindings }))
}
