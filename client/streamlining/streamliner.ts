/**
 * Streamlining through the editor: a co-chair's operation runs on the state on
 * screen, its transaction is dispatched (y-prosemirror sends it), the model's
 * follow-up (bindings and resolutions renamed or removed, values fixed by
 * accepted text) is written in the same undoable step, and the step is signed
 * in the document's log. An operation that does not apply says why and what
 * to do instead, and changes nothing.
 */
import type { EditorState } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { ySyncPluginKey } from 'y-prosemirror'
import type * as Y from 'yjs'
import { followUpIn, writeFollowUp } from '../../shared/document/streamline-step.ts'
import { stepLogDraft } from '../../shared/proposals/log-entry.ts'
import { isStepError, stepOf, type StepOptions, type StepResult } from '../../shared/streamline/index.ts'
import type { DocumentLog } from './document-log.ts'

/** A streamlining operation with its arguments bound: `(s, o) => mergeOptions(s, 'o1', 'o2', o)`. */
export type Operation = (state: EditorState, options: StepOptions) => StepResult

/** Takes co-chairs' streamlining steps on one open document. */
export class Streamliner {
  constructor(
    private readonly viewOf: () => EditorView | null,
    private readonly ydoc: Y.Doc,
    private readonly log: DocumentLog,
    private readonly by: string,
    private readonly say: (message: string) => void,
  ) {}

  /** Take `operation`; false (and the reason said) when it does not apply. */
  take(operation: Operation): boolean {
    const view = this.viewOf()
    if (!view) return false
    let refused: string | null = null
    this.log.record(() => {
      const result = operation(view.state, { by: this.by })
      if (isStepError(result)) {
        refused = `${result.error}. ${result.hint}`
        return null
      }
      const step = stepOf(result)!
      const followUp = followUpIn(this.ydoc, step)
      view.dispatch(result.scrollIntoView())
      // Same origin as the text's change, within the same capture: one undo step.
      writeFollowUp(this.ydoc, followUp, ySyncPluginKey)
      return stepLogDraft(step, followUp.notes)
    })
    if (refused) this.say(`Not done: ${refused}`)
    return !refused
  }

  /** Tell the co-chair something about a step not taken. */
  tell(message: string): void {
    this.say(message)
  }
}
