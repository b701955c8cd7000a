/**
 * A streamlining step on a shared document: the operation runs on the text as
 * it stands, and the new text (written by y-prosemirror's diffing writer, so
 * only what changed is sent) and the model's follow-up (bindings and
 * resolutions renamed or removed, values fixed by accepted text) land in one
 * Yjs transaction. The editor takes the same steps through its view
 * (`client/streamlining/`); this is the path for scripts and tests.
 */
import { EditorState } from 'prosemirror-state'
import { prosemirrorToYXmlFragment } from 'y-prosemirror'
import type * as Y from 'yjs'
import { followStep, type ModelFollowUp } from '../model/follow-step.ts'
import { readSharedBindings } from './model-state.ts'
import { isStepError, stepOf, type Step, type StepError, type StepResult } from '../streamline/step.ts'
import { readNegotiationDoc } from './negotiation-doc.ts'
import { textRoom } from './text-room.ts'

/** A step taken: what it was and what the model did to follow it. */
export interface StepTaken {
  step: Step
  followUp: ModelFollowUp
}

/** The model changes that follow `step` in `ydoc`'s maps as they stand. */
export function followUpIn(ydoc: Y.Doc, step: Step): ModelFollowUp {
  return followStep(step, readSharedBindings(ydoc).bindings, textRoom(ydoc).resolutions.toJSON())
}

/** Write `followUp` into `ydoc`'s model maps (inside the caller's transaction, if any). */
export function writeFollowUp(ydoc: Y.Doc, followUp: ModelFollowUp, origin: unknown = null): void {
  const m = textRoom(ydoc)
  ydoc.transact(() => {
    for (const id of followUp.deleteBindings) m.bindings.delete(id)
    for (const [id, b] of Object.entries(followUp.setBindings)) m.bindings.set(id, b)
    for (const id of followUp.deleteResolutions) m.resolutions.delete(id)
    for (const [id, v] of Object.entries(followUp.setResolutions)) m.resolutions.set(id, v)
    for (const [name, v] of Object.entries(followUp.setValues)) m.values.set(name, v)
  }, origin)
}

/**
 * Run `operation` on `ydoc`'s text and write the result and the model's
 * follow-up in one transaction; a `StepError` leaves `ydoc` untouched.
 */
export function takeStep(
  ydoc: Y.Doc,
  operation: (state: EditorState) => StepResult,
  origin: unknown = null,
): StepTaken | StepError {
  const result = operation(EditorState.create({ doc: readNegotiationDoc(ydoc) }))
  if (isStepError(result)) return result
  const step = stepOf(result)
  if (!step) throw new Error('a streamlining operation returned a transaction without its step')
  const followUp = followUpIn(ydoc, step)
  ydoc.transact(() => {
    prosemirrorToYXmlFragment(result.doc, textRoom(ydoc).text)
    writeFollowUp(ydoc, followUp)
  }, origin)
  return { step, followUp }
}
