/**
 * What an incoming Yjs update writes, read from the update itself without applying it:
 * which root types it touches, and for map roots which entries it sets or removes and to
 * what. The server judges every client update this way before it is applied, stored or
 * relayed, so the cost of a judgement is the size of the update (plus one store lookup
 * per item it builds on), never the size of the room: no copy of the document is made.
 *
 * An update that builds on structs the document lacks (an earlier refused write, or a
 * forged dependency) is reported `incomplete`: the server neither applies nor keeps it.
 */
import * as Y from 'yjs'

/** The shape of a value a map entry is set to. */
export type WrittenShape =
  /** A plain JSON value (`Y.Map.set(key, value)`): the value is in `value`. */
  | 'json'
  /** A nested shared type (`Y.Map.set(key, new Y.Map())`). */
  | 'type'
  /** Something else Yjs can hold (binary, a sub-document, text content). */
  | 'other'
  /** The entry is removed. */
  | 'removed'

/** A top-level entry of a map root that the update sets or removes. */
export interface EntryWrite {
  root: string
  key: string
  shape: WrittenShape
  /** The value written, when `shape` is 'json'. */
  value?: unknown
}

/** What an update writes. */
export interface UpdateWrites {
  /** Entries of map roots set or removed, one per (root, key), the update's last word on each. */
  entries: EntryWrite[]
  /** Roots whose sequence content changed (items without a key at the top, e.g. an XmlFragment's children). */
  sequences: Set<string>
  /** Roots with changes inside a nested type (below the top level). */
  nested: Set<string>
  /** The update depends on structs the document does not have. */
  incomplete: boolean
}

/** Where an item stands: its root, the top-level key it is under (null in a sequence), and how deep. */
interface Place {
  root: string
  key: string | null
  depth: number
}

/** The writes `update` would make to `doc`; `doc` is not changed. Throws on a malformed update. */
export function writesOfUpdate(doc: Y.Doc, update: Uint8Array): UpdateWrites {
  const { structs, ds } = Y.decodeUpdate(update)
  const store = doc.store
  const writes: UpdateWrites = { entries: [], sequences: new Set(), nested: new Set(), incomplete: false }
  /** Items of the update the document does not have yet, per client, in clock order. */
  const fresh = new Map<number, Y.Item[]>()
  const reached = new Map<number, number>()
  for (const struct of structs) {
    const client = struct.id.client
    const known = Y.getState(store, client)
    const at = reached.get(client) ?? known
    // A Skip is a gap in a merged update: what follows it is beyond what the document has.
    if (struct.constructor === Y.Skip) continue
    if (struct.id.clock > at) {
      writes.incomplete = true
      continue
    }
    const end = struct.id.clock + struct.length
    if (end <= known) continue
    reached.set(client, Math.max(at, end))
    if (struct instanceof Y.Item) {
      let list = fresh.get(client)
      if (!list) fresh.set(client, (list = []))
      list.push(struct)
    }
  }

  const freshItem = (id: Y.ID): Y.Item | undefined => {
    const list = fresh.get(id.client)
    if (!list) return undefined
    let lo = 0
    let hi = list.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const item = list[mid]!
      if (id.clock < item.id.clock) hi = mid - 1
      else if (id.clock >= item.id.clock + item.length) lo = mid + 1
      else return item
    }
    return undefined
  }

  const storedPlace = (item: Y.Item): Place | null => {
    let top = item
    let depth = 0
    let type = item.parent as Y.AbstractType<unknown> | null
    while (type && type._item) {
      top = type._item
      type = top.parent as Y.AbstractType<unknown> | null
      depth++
    }
    if (!type) return null
    return { root: Y.findRootTypeKey(type), key: top.parentSub, depth }
  }

  /** The place of the struct holding `id`: 'missing' when neither the document nor the update has it. */
  const placeOfId = (id: Y.ID): Place | null | 'missing' => {
    if (id.clock < Y.getState(store, id.client)) {
      const struct = Y.getItem(store, id)
      // Garbage-collected content has no place; an item built on it is collected too.
      return struct instanceof Y.Item ? storedPlace(struct) : null
    }
    const item = freshItem(id)
    return item ? placeOfFresh(item) : 'missing'
  }

  const placed = new Map<Y.Item, Place | null>()
  /**
   * The place of an item of the update. Its parent is written only when it has no
   * origins; otherwise it is its origin's. Walked iteratively: pasted text is a chain
   * of thousands of items, each the origin of the next.
   */
  const placeOfFresh = (start: Y.Item): Place | null | 'missing' => {
    const chain: Y.Item[] = []
    let item: Y.Item | undefined = start
    let result: Place | null | 'missing' = null
    while (item) {
      const known = placed.get(item)
      if (known !== undefined) {
        result = known
        break
      }
      chain.push(item)
      const parent = item.parent as unknown
      if (typeof parent === 'string') {
        result = { root: parent, key: item.parentSub, depth: 0 }
        break
      }
      if (parent instanceof Y.ID) {
        const outer = placeOfId(parent)
        result =
          outer === 'missing' || outer === null ? outer : { root: outer.root, key: outer.key, depth: outer.depth + 1 }
        break
      }
      const sibling = item.origin ?? item.rightOrigin
      if (!sibling) {
        result = null
        break
      }
      const next = freshItem(sibling)
      if (!next) {
        result = placeOfId(sibling)
        break
      }
      item = next
    }
    if (result === 'missing') return 'missing'
    for (const link of chain) placed.set(link, result)
    return result
  }

  const entries = new Map<string, EntryWrite>()
  const record = (place: Place, shape: WrittenShape, value?: unknown): void => {
    if (place.depth > 0) writes.nested.add(place.root)
    else if (place.key === null) writes.sequences.add(place.root)
    else {
      const id = `${place.root}\u0000${place.key}`
      const previous = entries.get(id)
      // An entry removed by the same update that sets it again keeps the new value.
      if (shape === 'removed' && previous && previous.shape !== 'removed') return
      entries.set(id, { root: place.root, key: place.key, shape, ...(shape === 'json' ? { value } : {}) })
    }
  }

  const deletedInUpdate = (item: Y.Item): boolean => {
    const ranges = ds.clients.get(item.id.client)
    return !!ranges?.some((r) => r.clock <= item.id.clock && item.id.clock < r.clock + r.len)
  }

  for (const list of fresh.values()) {
    for (const item of list) {
      for (const dependency of [item.origin, item.rightOrigin, item.parent instanceof Y.ID ? item.parent : null]) {
        if (dependency && placeOfId(dependency) === 'missing') writes.incomplete = true
      }
      const place = placeOfFresh(item)
      if (place === 'missing') {
        writes.incomplete = true
        continue
      }
      if (!place) continue
      if (deletedInUpdate(item) || item.content instanceof Y.ContentDeleted) record(place, 'removed')
      else if (item.content instanceof Y.ContentAny || item.content instanceof Y.ContentJSON) {
        const values = item.content.getContent()
        record(place, 'json', values[values.length - 1])
      } else record(place, item.content instanceof Y.ContentType ? 'type' : 'other')
    }
  }

  for (const [client, ranges] of ds.clients) {
    const known = Y.getState(store, client)
    const stored = store.clients.get(client)
    for (const { clock, len } of ranges) {
      const end = clock + len
      if (end > (reached.get(client) ?? known)) writes.incomplete = true
      if (!stored || clock >= known) continue
      for (let i = Y.findIndexSS(stored, clock); i < stored.length && stored[i]!.id.clock < end; i++) {
        const struct = stored[i]!
        if (!(struct instanceof Y.Item) || struct.deleted) continue
        const place = storedPlace(struct)
        if (place) record(place, 'removed')
      }
    }
  }
  writes.entries = [...entries.values()]
  return writes
}
