/**
 * Streamlining as a feature of the editor, for co-chairs and the secretariat: the
 * tools on every option card (merge, move, delete, applicability), the bracket
 * tools in the choice bar (accept as clean text, split, regroup), the structure
 * review tools at the caret (make or unmake an option, end an option or a run,
 * read a placeholder as text), and the importer's guesses marked in the text.
 */
import type { EditorFeature } from '../editor/editor-feature.ts'
import { bracketTools } from './bracket-tools.ts'
import { guessMarkers } from './guess-markers.ts'
import { optionTools } from './option-tools.ts'
import { structureTools } from './structure-tools.ts'
import type { Streamliner } from './streamliner.ts'
import './structure-review.css'

/** The editor feature of `streamliner`. */
export function streamliningFeature(streamliner: Streamliner): EditorFeature {
  return {
    plugins: () => [guessMarkers()],
    optionControls: ({ id, view, label }) => optionTools(id, view, streamliner, label),
    choiceBarParts: (target) => [
      ...(target.group
        ? bracketTools(target.state, target.group.node, target.group.optional, target.group.stored, streamliner)
        : []),
      ...structureTools(target, streamliner),
    ],
  }
}
