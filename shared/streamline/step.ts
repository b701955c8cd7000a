/**
 * A streamlining step: one co-chair operation, applied as one transaction so
 * the editor can dispatch it as one undoable step, and recorded in the
 * transaction's metadata so the document's log can say who did what.
 */
import type { Transaction } from 'prosemirror-state'
import { nameNode } from '../naming/node-name.ts'

/** The metadata key under which every streamlining transaction carries its `Step`. */
export const STEP_META = 'accord/step'

/** The operations co-chairs perform on a non-paper. */
export const STEP_OPS = [
  'merge-options',
  'drop-option',
  'move-option',
  'regroup-brackets',
  'split-group',
  'accept-bracket-text',
  'set-applicability',
  'renumber-options',
  'renumber-footnotes',
  'make-option',
  'unmake-option',
  'set-option-end',
  'set-run-end',
  'not-placeholder',
] as const

/** One of `STEP_OPS`. */
export type StepOp = (typeof STEP_OPS)[number]

/**
 * What a step did, for the log. `ids` are the nodes the co-chair named, in the
 * order the operation takes them; `words` the labels as they read before the
 * step ("Option 3", "A"), so the log can be written after the text changed.
 */
export interface Step {
  op: StepOp
  ids: string[]
  /** Who did it: a user id or name; null when the caller did not say. */
  by: string | null
  words: Record<string, string>
  /** Ids that no longer exist after the step (a binding or resolution naming them is stale). */
  removed: string[]
  /** Ids that vanished because an identical node survives: gone id → surviving id. */
  replaced: Record<string, string>
  /** Nodes whose cross-reference (applicability note, footnote) named an option that is gone. */
  dangling: string[]
}

/** Why an operation does not apply, and what the co-chair can do instead. */
export interface StepError {
  error: string
  hint: string
}

/** What every streamlining operation returns. */
export type StepResult = Transaction | StepError

/** Options every operation accepts. */
export interface StepOptions {
  /** Who performs the step; recorded in the log. */
  by?: string | null
}

/** Whether `result` is an error rather than a transaction. */
export function isStepError(result: StepResult): result is StepError {
  return typeof (result as StepError).error === 'string' && !('doc' in result)
}

/** A step error. */
export function stepError(error: string, hint: string): StepError {
  return { error, hint }
}

/** The step a transaction carries, if it is a streamlining step. */
export function stepOf(tr: Transaction): Step | undefined {
  return tr.getMeta(STEP_META) as Step | undefined
}

/** Record `step` on `tr`, filling the lists it leaves out; returns `tr`. */
export function recordStep(
  tr: Transaction,
  step: Pick<Step, 'op' | 'ids'> & Partial<Step>,
  options: StepOptions = {},
): Transaction {
  const full: Step = {
    op: step.op,
    ids: step.ids,
    by: step.by ?? options.by ?? null,
    // The nodes left referring to a vanished option, named in the text as the step leaves it.
    words: {
      ...step.words,
      ...(step.dangling?.length ? { dangling: step.dangling.map((id) => nameNode(tr.doc, id)).join(', ') } : {}),
    },
    removed: step.removed ?? [],
    replaced: step.replaced ?? {},
    dangling: step.dangling ?? [],
  }
  return tr.setMeta(STEP_META, full)
}
