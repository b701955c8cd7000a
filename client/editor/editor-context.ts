/**
 * What node views share: the decisions and values they show and write, the
 * live computation for computed cells, what the user may do, the features
 * plugged in, and how to jump to a node by id.
 */
import type { Capabilities } from '../app/capabilities.ts'
import type { LiveComputation } from '../model/live-computation.ts'
import type { Decisions } from './decisions.ts'
import type { PlaceholderValues } from './placeholder-values.ts'
import type { EditorFeature } from './editor-feature.ts'

/** The context every node view is created with. */
export interface EditorContext {
  decisions: Decisions
  values: PlaceholderValues
  live: LiveComputation
  capabilities: Capabilities
  /** What features add to option cards, the choice bar and the view. */
  features: readonly EditorFeature[]
  /** Scroll to the node with this id, select it and flash it; false when no node has it. */
  jumpTo(id: string): boolean
}
