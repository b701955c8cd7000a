/**
 * Streamlining as a feature of the editor, for co-chairs and the secretariat: the
 * tools on every option card (merge, move, delete, applicability) and the bracket
 * tools in the choice bar (accept as clean text, split, regroup).
 */
import type { EditorFeature } from '../editor/editor-feature.ts'
import { bracketTools } from './bracket-tools.ts'
import { optionTools } from './option-tools.ts'
import type { Streamliner } from './streamliner.ts'

/** The editor feature of `streamliner`. */
export function streamliningFeature(streamliner: Streamliner): EditorFeature {
  return {
    optionControls: ({ id, view, label }) => optionTools(id, view, streamliner, label),
    choiceBarParts: ({ state, group }) =>
      group ? bracketTools(state, group.node, group.optional, group.stored, streamliner) : [],
  }
}
