/**
 * What an incoming Yjs update would change in the proposals document, entry by
 * entry, without changing it: the update is applied to a copy, and each map
 * entry it touches is reported with its value before and after. Anything but
 * the three known maps touched is reported too, so it can be refused.
 */
import * as Y from 'yjs'
import { PROPOSAL_MAPS, type ProposalsState } from './proposal.ts'
import type { EntryChange } from './rights.ts'

/** The map name that marks an update with missing dependencies. */
export const INCOMPLETE = '(incomplete)'

/** The entry changes `update` would make to `doc`; `doc` itself is left as it was. */
export function changesOfUpdate(doc: Y.Doc, update: Uint8Array): EntryChange[] {
  const copy = new Y.Doc({ gc: false })
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  const before = readProposalsState(copy)
  const changes: EntryChange[] = []
  const seen = new Set<string>()
  copy.on('afterTransaction', (tr: Y.Transaction) => {
    for (const [type, keys] of tr.changed) {
      const name = topName(copy, type)
      if (name !== PROPOSAL_MAPS.proposals && name !== PROPOSAL_MAPS.stances && name !== PROPOSAL_MAPS.log) {
        changes.push({ map: name ?? '(nested)', key: '', before: undefined, after: true })
        continue
      }
      const map = copy.getMap(name)
      for (const key of keys) {
        if (key === null || seen.has(`${name}/${key}`)) continue
        seen.add(`${name}/${key}`)
        changes.push({
          map: name,
          key,
          before: (before as unknown as Record<string, Record<string, unknown>>)[name][key],
          after: map.get(key),
        })
      }
    }
  })
  Y.applyUpdate(copy, update)
  // An update that builds on changes this document lacks (typically an earlier
  // refused write) cannot be judged entry by entry: it is reported as such.
  if (copy.store.pendingStructs || copy.store.pendingDs)
    changes.push({ map: INCOMPLETE, key: '', before: undefined, after: true })
  copy.destroy()
  return changes
}

/** Proposals and stances of `doc` as plain data. */
export function readProposalsState(doc: Y.Doc): ProposalsState {
  return {
    proposals: doc.getMap(PROPOSAL_MAPS.proposals).toJSON() as ProposalsState['proposals'],
    stances: doc.getMap(PROPOSAL_MAPS.stances).toJSON() as ProposalsState['stances'],
    log: doc.getMap(PROPOSAL_MAPS.log).toJSON() as ProposalsState['log'],
  }
}

function topName(doc: Y.Doc, type: Y.AbstractType<any>): string | undefined {
  for (const [name, t] of doc.share) if (t === type) return name
  return undefined
}
