/**
 * What a revision holds, as the comparison reads it: the text, the
 * resolutions entered on it and the proposals room beside it. A revision and
 * the working draft are read the same way, so either can stand on either side
 * of a comparison.
 */
import type { Node } from 'prosemirror-model'
import type * as Y from 'yjs'
import { readNegotiationDoc } from '../document/negotiation-doc.ts'
import type { Resolutions } from '../model/resolution.ts'
import { readSharedScenario } from '../document/model-state.ts'
import type { ProposalsState } from '../proposals/proposal.ts'
import { readProposalsState } from '../document/proposals-room.ts'

/** One side of a comparison. */
export interface RevisionContent {
  /** `Rev.1`, `Rev.2` … or `draft`. */
  name: string
  doc: Node
  resolutions: Resolutions
  proposals: ProposalsState
}

/** The content of a text room (and its proposals room, when there is one) under `name`. */
export function readRevisionContent(name: string, textDoc: Y.Doc, proposalsDoc?: Y.Doc): RevisionContent {
  return {
    name,
    doc: readNegotiationDoc(textDoc),
    resolutions: readSharedScenario(textDoc).resolutions,
    proposals: proposalsDoc ? readProposalsState(proposalsDoc) : { proposals: {}, stances: {}, log: {} },
  }
}
