/**
 * The pending changes of the open text, live: every change still waiting with
 * the range it covers now, in text order, re-read when the records or the text
 * change; and the co-chairs' decision on one, taken as one undoable step of
 * the editor and signed in the document's log (accepting or rejecting writes
 * the text; nothing is applied without such a decision).
 */
import type * as Y from 'yjs'
import type { Node } from 'prosemirror-model'
import { mayDecide } from '../../shared/document/roles.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { placeOf } from '../../shared/inspect/text-place.ts'
import { pendingDecisionDraft } from '../../shared/pending-changes/decision-log.ts'
import { decidePendingChange, pendingSpans, type PendingSpan } from '../../shared/pending-changes/decide.ts'
import type { Account } from '../app/session.ts'
import type { StepRecorder } from '../editor/step-recorder.ts'

/** The Yjs transaction origin of a co-chair's decision on a pending change (undoable). */
export const PENDING_DECISION_ORIGIN = 'accord-pending-decision'

/** The pending changes of one text room. */
export class LiveChanges {
  private readonly listeners = new Set<() => void>()
  private scheduled = false
  private readonly stop: () => void

  constructor(
    readonly textDoc: Y.Doc,
    readonly account: Account,
    private readonly log: StepRecorder,
    private readonly say: (message: string) => void,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {
    const room = textRoom(textDoc)
    const changed = () => this.changed()
    room.pendingChanges.observe(changed)
    room.text.observeDeep(changed)
    this.stop = () => {
      room.pendingChanges.unobserve(changed)
      room.text.unobserveDeep(changed)
    }
  }

  /** Whether this account accepts and rejects changes. */
  get mayDecide(): boolean {
    return mayDecide(this.account.role)
  }

  /** Every change still pending, with the range it covers in the text room as it is now, in text order. */
  spans(): PendingSpan[] {
    return pendingSpans(this.textDoc)
  }

  /** Tell `listener` (once per burst) when the changes or their ranges change; returns the function that stops. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Accept or reject change `id`, as one undoable, logged step; `doc` names where it stands. */
  decide(id: string, accept: boolean, doc: Node): void {
    if (!this.mayDecide) return
    const span = this.spans().find((s) => s.change.id === id)
    if (!span) return this.say('That change is no longer pending.')
    const where = span.range ? placeOf(doc, span.range.from).words : ''
    let refused: string | null = null
    this.log.record(() => {
      let outcome: ReturnType<typeof decidePendingChange> = { refused: 'not decided' }
      this.textDoc.transact(() => {
        outcome = decidePendingChange(this.textDoc, id, accept, { by: this.account.username, at: this.now() })
      }, PENDING_DECISION_ORIGIN)
      if ('refused' in outcome) {
        refused = (outcome as { refused: string }).refused
        return null
      }
      return pendingDecisionDraft(span.change, accept, where)
    })
    if (refused) this.say(`The change could not be ${accept ? 'accepted' : 'rejected'}: ${refused}.`)
  }

  /** Stop observing. */
  destroy(): void {
    this.stop()
    this.listeners.clear()
  }

  private changed(): void {
    if (this.scheduled) return
    this.scheduled = true
    queueMicrotask(() => {
      this.scheduled = false
      for (const listener of this.listeners) listener()
    })
  }
}
