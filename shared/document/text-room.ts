/**
 * The text room's root types, typed. Reading a room is `textRoom(ydoc).resolutions`;
 * nothing else in the product calls `getMap` on a text room.
 */
import type * as Y from 'yjs'
import type { StoredAcceptance } from './acceptances.ts'
import type { Binding } from '../model/bindings.ts'
import type { VariableValue } from '../model/variables.ts'
import type { Provenance } from './proposal-acceptance.ts'
import type { PendingChange } from '../pending-changes/pending-change.ts'
import { openRoots } from './open-roots.ts'
import { TEXT_ROOTS } from './root-names.ts'

/** The text room of one document, its root types by role. */
export interface TextRoom {
  text: Y.XmlFragment
  meta: Y.Map<unknown>
  resolutions: Y.Map<string>
  bindings: Y.Map<Binding>
  values: Y.Map<VariableValue>
  inscriptions: Y.Map<number | string>
  provenance: Y.Map<Provenance>
  acceptances: Y.Map<StoredAcceptance>
  pendingChanges: Y.Map<PendingChange>
}

/** The text room held by `ydoc`. */
export function textRoom(ydoc: Y.Doc): TextRoom {
  return openRoots(ydoc, TEXT_ROOTS, ['text']) as unknown as TextRoom
}
