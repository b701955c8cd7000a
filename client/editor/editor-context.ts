/**
 * What node views share: the decisions and values they show and write, the
 * live computation for computed cells, what the user may do, and how to jump
 * to a node by id.
 */
import type { Capabilities } from '../app/capabilities.ts'
import type { LiveComputation } from '../model/live-computation.ts'
import type { Decisions } from './decisions.ts'
import type { PlaceholderValues } from './placeholder-values.ts'
import type { LiveProposals } from '../proposals/live-proposals.ts'
import type { Streamliner } from '../streamlining/streamliner.ts'

/** The context every node view is created with. */
export interface EditorContext {
  decisions: Decisions
  values: PlaceholderValues
  live: LiveComputation
  capabilities: Capabilities
  /** The document's proposals, once their room is open (delegations propose, co-chairs decide). */
  proposals?: LiveProposals
  /** Co-chairs' and the secretariat's streamlining steps (absent for other roles). */
  streamline?: Streamliner
  /** Scroll to the node with this id, select it and flash it; false when no node has it. */
  jumpTo(id: string): boolean
}
