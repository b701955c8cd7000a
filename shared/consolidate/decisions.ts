/**
 * How consolidation reads a scenario: what becomes of each bracket group,
 * optional bracket and option. Options are read against their siblings in any
 * division (a section or, as in ARTICLE 2, an article): choosing one drops the
 * others, whatever container holds them.
 */
import type { Node } from 'prosemirror-model'
import type { DocumentIndex } from '../model/document-index.ts'
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

/** The decision on `option`, a child of `division`: its own resolution, or dropped because a sibling was chosen. */
export function optionDecision(division: Node, option: Node, resolutions: Resolutions): OptionDecision {
  const own = resolutions[option.attrs.id]
  if (own === 'chosen' || own === 'dropped') return own
  let siblingChosen = false
  division.forEach((c) => {
    if (c.type.name === 'option' && c !== option && resolutions[c.attrs.id] === 'chosen') siblingChosen = true
  })
  return siblingChosen ? 'dropped' : 'unresolved'
}

/** Whether every option of `division` is dropped (false when it has none): it then disappears with its heading. */
export function allOptionsDropped(division: Node, resolutions: Resolutions): boolean {
  let options = 0
  let dropped = 0
  division.forEach((c) => {
    if (c.type.name !== 'option') return
    options++
    if (optionDecision(division, c, resolutions) === 'dropped') dropped++
  })
  return options > 0 && dropped === options
}
