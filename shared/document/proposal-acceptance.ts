/**
 * Accepting a proposal in the text's room: its resolution, value or inscription
 * written into the model's maps, and its provenance — which proposal, which
 * Party, who accepted it and when — recorded beside it in the 'provenance'
 * map, all in one Yjs transaction. Alternative text is an edit of the text
 * itself: the editor makes it (so it is undoable there) and records the
 * provenance of the new alternative with `recordProvenance`.
 */
import type * as Y from 'yjs'
import { z } from 'zod'
import type { DocumentIndex } from '../model/document-index.ts'
import { refuseInscription } from '../model/inscriptions.ts'
import { refuseResolution } from '../model/resolution.ts'
import { checkVariableValue, type VariableValue } from '../model/variables.ts'
import type { Proposal } from '../proposals/proposal.ts'
import { inscribe, resolveNode, setVariableValue } from './model-state.ts'
import { textRoom } from './text-room.ts'

/** The schema of a provenance entry: where an accepted decision came from. */
export const ProvenanceSchema = z
  .object({
    /** The proposal's id in the proposals room. */
    proposal: z.string().min(1).max(100),
    /** The Party that proposed it. */
    party: z.string().min(1).max(200),
    /** The co-chair (or secretariat) who accepted it. */
    by: z.string().min(1).max(100),
    at: z.string().max(40),
  })
  .strict()

/** Where an accepted decision came from: keyed by node id, variable or `column/Party` cell. */
export type Provenance = z.infer<typeof ProvenanceSchema>

/** The Yjs transaction origin of an acceptance (one undoable step for an UndoManager tracking it). */
export const ACCEPTANCE_ORIGIN = 'accord-acceptance'

/** Why `proposal` cannot be applied to the model as it stands, or null. */
export function refuseAcceptance(proposal: Proposal, index?: DocumentIndex): string | null {
  if (proposal.status !== 'open') return `the proposal is ${proposal.status}`
  switch (proposal.kind) {
    case 'resolution':
      if (typeof proposal.value !== 'string') return 'a resolution is a string'
      return index ? refuseResolution(index, proposal.target, proposal.value) : null
    case 'value':
      return checkVariableValue(proposal.target, proposal.value)
    case 'inscription':
      return refuseInscription(proposal.target, proposal.value)
    case 'alternative':
      return typeof proposal.value === 'string' && proposal.value.trim()
        ? null
        : 'new alternative text is a non-empty string'
  }
}

/**
 * Apply an accepted resolution, value or inscription to the text room `ydoc`
 * and record its provenance, in one transaction. Choosing an option clears any
 * rival chosen beside it (`index` tells which), as a co-chair's
 * own choice does. Throws for 'alternative' proposals: those are text edits.
 */
export function applyAcceptance(
  ydoc: Y.Doc,
  proposal: Proposal,
  decision: { by: string; at: string },
  index: DocumentIndex,
): void {
  const refusal = refuseAcceptance(proposal, index)
  if (refusal) throw new Error(refusal)
  if (proposal.kind === 'alternative')
    throw new Error('alternative text is added by an edit of the text, not a model write')
  ydoc.transact(() => {
    if (proposal.kind === 'resolution') resolveNode(ydoc, index, proposal.target, String(proposal.value))
    else if (proposal.kind === 'value') setVariableValue(ydoc, proposal.target, proposal.value as VariableValue)
    else inscribe(ydoc, proposal.target, proposal.value as number | string)
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
  textRoom(ydoc).provenance.set(key, { proposal: proposal.id, party: proposal.party, by: decision.by, at: decision.at })
}
