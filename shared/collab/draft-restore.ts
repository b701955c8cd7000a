/**
 * Restoring a revision into the working draft as a new change. The draft's
 * history is never rewound: the revision's text is written over the draft's
 * fragment by y-prosemirror's diffing writer (only what differs is deleted and
 * inserted), and the meta and model maps are set key by key to the revision's
 * values, all in one transaction — so every connected editor receives one
 * ordinary update, and undoing the restore is just another edit.
 */
import * as Y from 'yjs'
import type { Diagnostic } from '../import/index.ts'
import { MODEL_MAPS } from '../model/shared-state.ts'
import { META_MAP, readNegotiationDoc, writeNegotiationDoc } from './document.ts'

/** Makes `draft` say what `revision` says (text, meta, resolutions, bindings, values, inscriptions). */
export function restoreDraft(draft: Y.Doc, revision: Y.Doc): void {
  const doc = readNegotiationDoc(revision)
  const diagnostics = (revision.getMap(META_MAP).get('diagnostics') as Diagnostic[] | undefined) ?? []
  draft.transact(() => {
    writeNegotiationDoc(draft, doc, diagnostics)
    for (const name of [META_MAP, ...Object.values(MODEL_MAPS)]) copyMap(revision.getMap(name), draft.getMap(name))
  })
}

/** Sets `to` to `from`'s entries, deleting keys `from` lacks; equal values are left alone. */
function copyMap(from: Y.Map<unknown>, to: Y.Map<unknown>): void {
  for (const key of [...to.keys()]) if (!from.has(key)) to.delete(key)
  from.forEach((value, key) => {
    if (JSON.stringify(to.get(key)) !== JSON.stringify(value)) to.set(key, value)
  })
}
