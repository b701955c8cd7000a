/**
 * What an incoming Yjs update would change in named maps of a room, entry by
 * entry, without changing the room: the update is applied to a copy and each
 * touched entry is reported with its value before and after. Changes to
 * anything else are reported under the shared type's name (or `(nested)`), so
 * a judge can refuse them; an update that builds on changes the room lacks is
 * reported as `(incomplete)`. The generic form of the proposals room's
 * `changesOfUpdate`, for comments and pending changes.
 */
import * as Y from 'yjs'
import type { EntryChange } from '../proposals/rights.ts'
import { INCOMPLETE } from '../proposals/update-changes.ts'

/** The entry changes `update` would make to maps `names` of `doc`; `doc` is left as it was. */
export function mapChangesOfUpdate(doc: Y.Doc, update: Uint8Array, names: readonly string[]): EntryChange[] {
  const copy = new Y.Doc({ gc: false })
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  const before = new Map(names.map((n) => [n, copy.getMap(n).toJSON() as Record<string, unknown>]))
  const changes: EntryChange[] = []
  const seen = new Set<string>()
  copy.on('afterTransaction', (tr: Y.Transaction) => {
    for (const [type, keys] of tr.changed) {
      let name: string | undefined
      for (const [n, t] of copy.share) if (t === type) name = n
      if (name === undefined || !names.includes(name)) {
        changes.push({ map: name ?? '(nested)', key: '', before: undefined, after: true })
        continue
      }
      for (const key of keys) {
        if (key === null || seen.has(`${name}/${key}`)) continue
        seen.add(`${name}/${key}`)
        changes.push({ map: name, key, before: before.get(name)![key], after: copy.getMap(name).get(key) })
      }
    }
  })
  Y.applyUpdate(copy, update)
  if (copy.store.pendingStructs || copy.store.pendingDs)
    changes.push({ map: INCOMPLETE, key: '', before: undefined, after: true })
  copy.destroy()
  return changes
}
