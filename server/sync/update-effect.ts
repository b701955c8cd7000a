/**
 * Whether an incoming Yjs update would change a document. Read-only clients still send
 * sync step 2 replies and may echo updates they already have; only updates that add
 * structs or deletions the document lacks are refused.
 */
import * as Y from 'yjs'

/**
 * True when applying `update` to a document whose current state is `snapshot` would
 * change it. Throws on a malformed update.
 */
export function updateChangesDoc(snapshot: Y.Snapshot, update: Uint8Array): boolean {
  return !Y.snapshotContainsUpdate(snapshot, update)
}
