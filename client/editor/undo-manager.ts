/**
 * The editor's undo: one Yjs UndoManager over the text and the model's maps
 * beside it, so a co-chair's streamlining step (text, bindings, resolutions
 * and values together), a resolution, a value and an accepted proposal are
 * each undone with Ctrl+Z as the one step they were. Only this client's own
 * changes are undone, never a collaborator's.
 */
import * as Y from 'yjs'
import { ySyncPluginKey } from 'y-prosemirror'
import { ACCEPTANCE_ORIGIN } from '../../shared/document/proposal-acceptance.ts'
import { textRoom } from '../../shared/document/text-room.ts'

/** Transaction origin of a co-chair's resolution written from the editor. */
export const DECISION_ORIGIN = 'accord-decision'
/** Transaction origin of a placeholder value written from the editor. */
export const VALUE_ORIGIN = 'accord-value'

/** The undo manager for `ydoc`'s text and model, to hand to y-prosemirror's undo plugin. */
export function createUndoManager(ydoc: Y.Doc): Y.UndoManager {
  const room = textRoom(ydoc)
  const scope = [room.text, room.resolutions, room.bindings, room.values, room.inscriptions, room.provenance]
  return new Y.UndoManager(scope, {
    trackedOrigins: new Set<unknown>([ySyncPluginKey, DECISION_ORIGIN, VALUE_ORIGIN, ACCEPTANCE_ORIGIN]),
    // y-prosemirror marks its own bookkeeping transactions (e.g. the first render) as not for history.
    captureTransaction: (tr) => tr.meta.get('addToHistory') !== false,
  })
}
