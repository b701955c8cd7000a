/**
 * The consolidated text the secretariat issues. Before the decisions are
 * applied, two rules of the model complete them: brackets the model links
 * follow the one decided (`linked-brackets.ts`), and options whose
 * applicability note does not hold are dropped (`model/applicability-fate.ts`).
 * Then the text is consolidated under the completed scenario, the model's
 * numbers (inscriptions, computed columns) stand in its tables, and the closing
 * annex lists what stays open and what the consolidation did. Every export
 * format issues this one document.
 */
import type { Node } from 'prosemirror-model'
import type { Bindings } from '../model/bindings.ts'
import { dropUnmetOptions } from '../model/applicability-fate.ts'
import { computeScenario, type Computation } from '../model/compute.ts'
import { indexDocument } from '../model/document-index.ts'
import { nodeState } from '../model/resolution.ts'
import type { Scenario } from '../model/scenario.ts'
import { formatValue, VARIABLES } from '../model/variables.ts'
import type { Party } from '../parties/party.ts'
import { closingAnnex, type ConsolidationNote } from './closing-annex.ts'
import { consolidate, type Consolidation } from './consolidate.ts'
import { followLinkedBrackets, impliedPlaceholderValues } from './linked-brackets.ts'
import { plainText } from './unresolved.ts'

/** The scenario completed by the model's rules, and what completing it did. */
export interface CompletedScenario {
  scenario: Scenario
  notes: ConsolidationNote[]
}

/** An issued consolidation: the text with its closing annex, and the consolidation it rests on. */
export interface IssuedConsolidation extends Consolidation {
  /** The text followed by the closing annex. */
  issued: Node
  scenario: Scenario
  computation: Computation
  notes: ConsolidationNote[]
}

/** `scenario` with linked brackets following their decision and unmet options dropped. */
export function completeScenario(doc: Node, scenario: Scenario, bindings: Bindings): CompletedScenario {
  const index = indexDocument(doc)
  const linked = followLinkedBrackets(index, bindings, scenario.resolutions)
  const unmet = dropUnmetOptions(index, linked.resolutions)
  const texts = groupTexts(doc)
  // A bracket that followed inside an option that goes is not worth a word.
  const stands = (group: string) => {
    const option = index.groups.get(group)?.option
    const state = option ? nodeState(index, unmet.resolutions, option) : null
    return !(state?.kind === 'option' && state.state === 'dropped')
  }
  const notes: ConsolidationNote[] = [
    ...linked.followed
      .filter((f) => stands(f.group))
      .map((f) => ({
        kind: 'followed' as const,
        id: f.group,
        text: `${texts.get(f.group) ?? f.group} (${f.group}) follows the decision on ${f.from.join(', ')}: ${VARIABLES[f.variable]?.label ?? f.variable} ${f.value}`,
      })),
    ...unmet.fates.map((f) => ({ kind: 'applicability' as const, id: f.option, text: f.reason })),
  ]
  const values = { ...scenario.values }
  for (const implied of impliedPlaceholderValues(index, bindings, unmet.resolutions, values)) {
    values[implied.variable] = implied.value
    notes.push({
      kind: 'followed',
      id: null,
      text: `${implied.variable} (${VARIABLES[implied.variable]?.label ?? implied.variable}) is ${formatValue(implied.value)}, following the ${VARIABLES[implied.from]?.label ?? implied.from}`,
    })
  }
  return { scenario: { ...scenario, resolutions: unmet.resolutions, values }, notes }
}

/** Consolidate `doc` as the secretariat issues it. */
export function issueConsolidation(
  doc: Node,
  scenario: Scenario,
  bindings: Bindings,
  parties: readonly Party[],
): IssuedConsolidation {
  const completed = completeScenario(doc, scenario, bindings)
  const computation = computeScenario(indexDocument(doc), bindings, completed.scenario, parties)
  const result = consolidate(doc, completed.scenario, { bindings, computation })
  const notes: ConsolidationNote[] = [
    ...completed.notes,
    ...result.notices.map((text) => ({ kind: 'notice' as const, id: null, text })),
  ]
  const annex = closingAnnex(doc.type.schema, result.unresolved, notes, computation)
  const issued = result.doc.copy(
    result.doc.content.append(result.doc.type.schema.nodes.doc.create(null, annex).content),
  )
  return { ...result, issued, scenario: completed.scenario, computation, notes }
}

// The bracket groups' texts as written, by id, for the notes.
function groupTexts(doc: Node): Map<string, string> {
  const out = new Map<string, string>()
  doc.descendants((node) => {
    if (node.type.name === 'bracket_group' && !out.has(node.attrs.id)) out.set(node.attrs.id, plainText(node))
    return true
  })
  return out
}
