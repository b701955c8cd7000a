/**
 * Restoring a revision into the working draft as a new change. The draft's history is
 * never rewound: every root of the text room that a restore replaces (`room-roots.ts`)
 * is made to say what the revision says — the text by y-prosemirror's diffing writer
 * (only what differs is deleted and inserted), each map key by key — in one
 * transaction, so every connected editor receives one ordinary update, and undoing the
 * restore is just another edit. Roots that are the record (the proposals room) are
 * never restored.
 */
import type * as Y from 'yjs'
import { importDiagnostics, readNegotiationDoc, writeNegotiationDoc } from './negotiation-doc.ts'
import { ROOM_ROOTS } from './room-roots.ts'

/** Makes the text room `draft` say what the text room `revision` says, in every root a restore replaces. */
export function restoreDraft(draft: Y.Doc, revision: Y.Doc): void {
  draft.transact(() => {
    for (const spec of ROOM_ROOTS.text) {
      if (spec.restore !== 'replace') continue
      if (spec.type === 'xml') writeNegotiationDoc(draft, readNegotiationDoc(revision), importDiagnostics(revision))
      else copyMap(revision.getMap(spec.name), draft.getMap(spec.name))
    }
  })
}

/** Sets `to` to `from`'s entries, deleting keys `from` lacks; equal values are left alone. */
function copyMap(from: Y.Map<unknown>, to: Y.Map<unknown>): void {
  for (const key of [...to.keys()]) if (!from.has(key)) to.delete(key)
  from.forEach((value, key) => {
    if (JSON.stringify(to.get(key)) !== JSON.stringify(value)) to.set(key, value)
  })
}
