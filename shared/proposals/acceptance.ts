/**
 * Accepting a proposal in the text's room: its resolution, value or inscription
 * written into the model's maps, and its provenance — which proposal, which
 * Party, who accepted it and when — recorded beside it in the 'provenance'
 * map, all in one Yjs transaction. Alternative text is an edit of the text
 * itself: the editor makes it (so it is undoable there) and records the
 * provenance of the new alternative with `recordProvenance`.
 */
import type * as Y from 'yjs'
import type { DocumentIndex } from '../model/document-index.ts'
import { runSiblings } from '../model/option-runs.ts'
import { modelMaps } from '../model/shared-state.ts'
import { checkVariableValue, type VariableValue } from '../model/variables.ts'
import { INSCRIPTION_COLUMNS } from '../model/inscriptions.ts'
import type { Proposal } from './proposal.ts'

/** Name of the map, in the text's room, of where accepted decisions came from. */
export const PROVENANCE_MAP = 'provenance'

/** Where an accepted decision came from: keyed by node id, variable or `column/Party` cell. */
export interface Provenance {
  /** The proposal's id in the proposals room. */
  proposal: string
  /** The Party that proposed it. */
  party: string
  /** The co-chair (or secretariat) who accepted it. */
  by: string
  at: string
}

/** The Yjs transaction origin of an acceptance (one undoable step for an UndoManager tracking it). */
export const ACCEPTANCE_ORIGIN = 'accord-acceptance'

/** The provenance map of a text room. */
export function provenanceMap(ydoc: Y.Doc): Y.Map<Provenance> {
  return ydoc.getMap<Provenance>(PROVENANCE_MAP)
}

/** Why `proposal` cannot be applied to the model as it stands, or null. */
export function refuseAcceptance(proposal: Proposal, index?: DocumentIndex): string | null {
  if (proposal.status !== 'open') return `the proposal is ${proposal.status}`
  switch (proposal.kind) {
    case 'resolution': {
      if (typeof proposal.value !== 'string') return 'a resolution is a string'
      if (!index) return null
      const group = index.groups.get(proposal.target)
      if (group) {
        const ok =
          group.alternatives.length === 1
            ? proposal.value === 'kept' || proposal.value === 'deleted'
            : group.alternatives.includes(proposal.value)
        return ok ? null : `${proposal.value} does not resolve ${proposal.target}`
      }
      if (index.options.has(proposal.target))
        return proposal.value === 'chosen' || proposal.value === 'dropped'
          ? null
          : `an option is chosen or dropped, not ${proposal.value}`
      return `the text has no bracket or option ${proposal.target}`
    }
    case 'value':
      return checkVariableValue(proposal.target, proposal.value)
    case 'inscription': {
      const column = proposal.target.slice(0, proposal.target.indexOf('/'))
      if (!(column in INSCRIPTION_COLUMNS)) return `unknown inscription column ${column}`
      if (column === 'election')
        return proposal.value === 'gg' || proposal.value === 'pct' ? null : 'an election is "gg" or "pct"'
      return typeof proposal.value === 'number' && Number.isFinite(proposal.value) && proposal.value > 0
        ? null
        : 'an inscription is a number greater than zero'
    }
    case 'alternative':
      return typeof proposal.value === 'string' && proposal.value.trim()
        ? null
        : 'new alternative text is a non-empty string'
  }
}

/**
 * Apply an accepted resolution, value or inscription to the text room `ydoc`
 * and record its provenance, in one transaction. Choosing an option clears any
 * other chosen option of its run (`index` tells which), as a co-chair's
 * own choice does. Throws for 'alternative' proposals: those are text edits.
 */
export function applyAcceptance(
  ydoc: Y.Doc,
  proposal: Proposal,
  decision: { by: string; at: string },
  index?: DocumentIndex,
): void {
  const refusal = refuseAcceptance(proposal, index)
  if (refusal) throw new Error(refusal)
  if (proposal.kind === 'alternative')
    throw new Error('alternative text is added by an edit of the text, not a model write')
  const maps = modelMaps(ydoc)
  ydoc.transact(() => {
    if (proposal.kind === 'resolution') {
      const value = String(proposal.value)
      for (const other of value === 'chosen' && index ? runSiblings(index, proposal.target) : []) {
        if (other !== proposal.target && maps.resolutions.get(other) === 'chosen') maps.resolutions.delete(other)
      }
      maps.resolutions.set(proposal.target, value)
    } else if (proposal.kind === 'value') {
      maps.values.set(proposal.target, proposal.value as VariableValue)
    } else {
      maps.inscriptions.set(proposal.target, proposal.value as number | string)
    }
    recordProvenance(ydoc, proposal.target, proposal, decision)
  }, ACCEPTANCE_ORIGIN)
}

/** Record that the decision at `key` came from `proposal`, accepted by `decision.by`. */
export function recordProvenance(
  ydoc: Y.Doc,
  key: string,
  proposal: Proposal,
  decision: { by: string; at: string },
): void {
  provenanceMap(ydoc).set(key, { proposal: proposal.id, party: proposal.party, by: decision.by, at: decision.at })
}
