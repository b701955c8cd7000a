/**
 * How consolidation reads a scenario: what becomes of each bracket group,
 * optional bracket and option. Options are read against their run
 * (`option-runs.ts`): choosing one drops the others of its run, and the options
 * nested in a dropped one go with it.
 */
import type { Node } from 'prosemirror-model'
import type { DocumentIndex } from '../model/document-index.ts'
import { optionStanding } from '../model/option-runs.ts'
import { nodeState, type Resolutions } from '../model/resolution.ts'

/** What becomes of a bracket group: `keep` the alternative with this id, drop all (`delete`), or leave it bracketed. */
export type GroupDecision = { kind: 'keep'; alt: string } | { kind: 'delete' } | { kind: 'unresolved' }

/** What becomes of an option. */
export type OptionDecision = 'chosen' | 'dropped' | 'unresolved'

/** The decision on group `id` under `resolutions` (an unknown id is unresolved). */
export function groupDecision(index: DocumentIndex, resolutions: Resolutions, id: string): GroupDecision {
  const state = nodeState(index, resolutions, id)
  if (state?.kind === 'group' && state.choice) return { kind: 'keep', alt: state.choice }
  if (state?.kind === 'optional' && state.state !== 'unresolved') {
    return state.state === 'kept' ? { kind: 'keep', alt: index.groups.get(id)!.alternatives[0] } : { kind: 'delete' }
  }
  return { kind: 'unresolved' }
}

/** The decision on the option node `option` (the rest of an option after a nested run stands as that option). */
export function optionDecision(index: DocumentIndex, option: Node, resolutions: Resolutions): OptionDecision {
  return optionStanding(index, resolutions, option.attrs.continues ?? option.attrs.id)?.state ?? 'unresolved'
}

/**
 * Whether every option of `division` is dropped and nothing else stands in it
 * but its heading (false when it has no option): it then disappears with its heading.
 */
export function allOptionsDropped(index: DocumentIndex, division: Node, resolutions: Resolutions): boolean {
  let options = 0
  let dropped = 0
  let other = 0
  division.forEach((c, _, i) => {
    if (c.type.name !== 'option') {
      if (!(i === 0 && c.type.name === 'heading')) other++
      return
    }
    options++
    if (optionDecision(index, c, resolutions) === 'dropped') dropped++
  })
  return options > 0 && dropped === options && other === 0
}

/**
 * Whether a chosen option's label line holds more than its label, markers and
 * notes: with brackets or placeholders on it, the line stays (its label goes).
 */
export function holdsStructure(heading: Node): boolean {
  let holds = false
  heading.forEach((n) => {
    const name = n.type.name
    if (name === 'bracket_group' || name === 'bracket_start' || name === 'bracket_end' || name === 'placeholder')
      holds = true
  })
  return holds
}
