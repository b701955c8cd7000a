/**
 * The document's log as the editor writes it: every step a co-chair or the
 * secretariat takes on the text — a streamlining operation, a resolution, a
 * value — is performed as its own undoable step and then signed in the log
 * (the proposals room, where the server checks the signature). Undoing or
 * redoing a logged step with Ctrl+Z is logged too, naming the entry it takes
 * back, so the record never claims a step that is no longer in the text; an
 * undone acceptance puts its proposal back on the table.
 */
import type * as Y from 'yjs'
import type { LogDraft, LogEntry } from '../../shared/proposals/log-entry.ts'
import type { ProposalRegister } from '../../shared/proposals/register.ts'
import { mayStreamline } from '../../shared/document/roles.ts'

// Undo stack items carry the id of the log entry they performed.
const LOG_META = 'accord/log-entry'

/** The log of one open document, for this account. */
export class DocumentLog {
  private undo: Y.UndoManager | null = null
  private stop: () => void = () => undefined

  constructor(
    private readonly registerOf: () => ProposalRegister | null,
    private readonly say: (message: string) => void,
  ) {}

  /** Whether this account signs the log (co-chairs and the secretariat). */
  get writable(): boolean {
    const role = this.registerOf()?.actor.role
    return !!role && mayStreamline(role)
  }

  /** The entries so far, by id. */
  entries(): Record<string, LogEntry> {
    return this.registerOf()?.state().log ?? {}
  }

  /** Follow `undo`: logged steps it undoes or redoes are logged. */
  attach(undo: Y.UndoManager): void {
    this.stop()
    this.undo = undo
    const added = ({ stackItem }: { stackItem: { meta: Map<unknown, unknown> } }) => {
      // An undo puts the inverse on the redo stack (and a redo back): it keeps the entry's id.
      const id = undo.currStackItem?.meta.get(LOG_META)
      if (id) stackItem.meta.set(LOG_META, id)
    }
    const popped = ({ stackItem, type }: { stackItem: { meta: Map<unknown, unknown> }; type: 'undo' | 'redo' }) => {
      const id = stackItem.meta.get(LOG_META) as string | undefined
      const original = id ? this.entries()[id] : undefined
      if (!id || !original) return
      this.append({
        op: type,
        ids: original.ids,
        summary: `${type === 'undo' ? 'undid' : 'redid'}: ${original.summary}`,
        of: id,
      })
      if (original.op === 'accept-proposal') this.redecide(original.ids[1], type)
    }
    undo.on('stack-item-added', added)
    undo.on('stack-item-popped', popped)
    this.stop = () => {
      undo.off('stack-item-added', added)
      undo.off('stack-item-popped', popped)
    }
  }

  /**
   * Run `perform` as one undoable step of its own and sign what it returns in
   * the log; `perform` returns null when it did nothing (nothing is logged).
   */
  record(perform: () => LogDraft | null): LogEntry | null {
    const undo = this.undo
    undo?.stopCapturing()
    const depth = undo?.undoStack.length ?? 0
    const draft = perform()
    const item = undo && undo.undoStack.length > depth ? undo.undoStack[undo.undoStack.length - 1] : null
    undo?.stopCapturing()
    if (!draft || (undo && !item)) return null
    const entry = this.append(draft)
    if (entry && item) item.meta.set(LOG_META, entry.id)
    return entry
  }

  /** Sign a decision that changes nothing in the text (a proposal set aside). */
  note(draft: LogDraft): LogEntry | null {
    return this.append(draft)
  }

  /** Stop following the undo manager. */
  destroy(): void {
    this.stop()
  }

  // Undoing an acceptance takes the text back; the proposal goes back on the table with it.
  private redecide(proposal: string, type: 'undo' | 'redo'): void {
    const register = this.registerOf()
    try {
      if (type === 'undo') register?.reopen(proposal)
      else register?.accept(proposal)
    } catch (error) {
      this.say(`The proposal's status could not follow the ${type}: ${(error as Error).message}.`)
    }
  }

  private append(draft: LogDraft): LogEntry | null {
    const register = this.registerOf()
    if (!register || !this.writable) return null
    try {
      return register.log(draft)
    } catch (error) {
      this.say(`The step was taken but not logged: ${(error as Error).message}.`)
      return null
    }
  }
}
