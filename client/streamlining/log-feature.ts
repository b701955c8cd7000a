/**
 * The document log as a feature of the editor: once mounted, it follows the
 * editor's undo manager, so an undo or redo of a signed step is signed too.
 */
import type { EditorFeature } from '../editor/editor-feature.ts'
import type { DocumentLog } from './document-log.ts'

/** The editor feature of `log`. */
export function logFeature(log: DocumentLog): EditorFeature {
  return { mounted: ({ undoManager }) => log.attach(undoManager) }
}
