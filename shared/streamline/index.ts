/**
 * Streamlining: the operations co-chairs perform to narrow down a non-paper —
 * merge, drop and move options, regroup and split brackets, accept agreed
 * text, set applicability notes, renumber, and correct the importer's
 * structure (make and unmake options, end options and runs, read a
 * placeholder as text) — each a pure function of an
 * `EditorState` returning one `Transaction` (one undoable step, logged in its
 * `accord/step` metadata) or a `StepError` saying why it does not apply.
 */
export {
  STEP_META,
  isStepError,
  stepOf,
  type Step,
  type StepError,
  type StepOp,
  type StepOptions,
  type StepResult,
} from './step.ts'
export { describeStep } from './step-description.ts'
export { mergeOptions } from './option-merge.ts'
export { dropOption, moveOption } from './option-removal.ts'
export { regroupBrackets, splitGroup } from './bracket-grouping.ts'
export { acceptBracketText } from './bracket-acceptance.ts'
export { setApplicability, type ApplicabilityTarget } from './applicability-note.ts'
export { renumberOptions } from './option-numbering.ts'
export { renumberFootnotes } from './footnote-numbering.ts'
export { makeOption, unmakeOption, setOptionEnd, setRunEnd } from './option-structure.ts'
export { markNotPlaceholder } from './placeholder-review.ts'
