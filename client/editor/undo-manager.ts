/**
 * The editor's undo: one Yjs UndoManager over the text and the model's maps
 * beside it, so a co-chair's streamlining step (text, bindings, resolutions
 * and values together), a resolution, a value and an accepted proposal are
 * each undone with Ctrl+Z as the one step they were. Only this client's own
 * changes are undone, never a collaborator's.
 */
import * as Y from 'yjs'
import { ySyncPluginKey } from 'y-prosemirror'
import { TEXT_FRAGMENT } from '../../shared/collab/document.ts'
import { MODEL_MAPS } from '../../shared/model/shared-state.ts'
import { ACCEPTANCE_ORIGIN, PROVENANCE_MAP } from '../../shared/proposals/acceptance.ts'

/** Transaction origin of a co-chair's resolution written from the editor. */
export const DECISION_ORIGIN = 'accord-decision'
/** Transaction origin of a placeholder value written from the editor. */
export const VALUE_ORIGIN = 'accord-value'

/** The undo manager for `ydoc`'s text and model, to hand to y-prosemirror's undo plugin. */
export function createUndoManager(ydoc: Y.Doc): Y.UndoManager {
  const scope = [
    ydoc.getXmlFragment(TEXT_FRAGMENT),
    ...Object.values(MODEL_MAPS).map((name) => ydoc.getMap(name)),
    ydoc.getMap(PROVENANCE_MAP),
  ]
  return new Y.UndoManager(scope, {
    trackedOrigins: new Set<unknown>([ySyncPluginKey, DECISION_ORIGIN, VALUE_ORIGIN, ACCEPTANCE_ORIGIN]),
    // y-prosemirror marks its own bookkeeping transactions (e.g. the first render) as not for history.
    captureTransaction: (tr) => tr.meta.get('addToHistory') !== false,
  })
}
