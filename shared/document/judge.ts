/**
 * The server's judgement of one client update to a room, before it is applied, stored
 * or relayed: whether the sender may write the room at all, whether the update builds
 * on what the room has, whether every root it writes is one the room holds, and
 * whether every entry passes its root's rule (`room-roots.ts`) — whoever sends it.
 * The judgement reads the update itself (`update-writes.ts`), not a copy of the room.
 */
import * as Y from 'yjs'
import { resolvableNodes, type ResolvableNodes } from './resolvable-nodes.ts'
import type { Roster } from '../parties/roster.ts'
import type { Refusal } from './protocol.ts'
import type { Actor } from './roles.ts'
import { rootSpec } from './room-roots.ts'
import { mayWriteRoom, type RoomKind } from './rooms.ts'
import { TEXT_ROOTS } from './root-names.ts'
import { writesOfUpdate } from './update-writes.ts'
import type { OtherRoom } from './acceptance-record.ts'
import { refuseRecordTimes } from './record-times.ts'

/** What the judge needs to know of the room besides its document. */
export interface JudgeOptions {
  /**
   * Accept any root type (scratch rooms, which are not negotiation documents); the
   * sender's right to write the room is still checked.
   */
  anyShape?: boolean
  /** What resolutions can name in the room's text as it stands (cached by the caller, reread when the text changes). */
  currentNodes?: () => ResolvableNodes
  /** The Parties and groups a comment may speak for, and the Parties an acceptance list names. */
  roster?: Roster
  /**
   * The document's other room, for the rules that join the two (`acceptance-record.ts`);
   * the server's judge has it, a client's own judgement goes without.
   */
  otherRoom?: OtherRoom
  /** The server's clock (ms): the record's new times must be its now (`record-times.ts`); without it, times are not judged. */
  now?: () => number
}

/** The verdict on an update: refused with a reason, or admitted (and whether it changes anything). */
export type Verdict = { refusal: Refusal } | { refusal: null; changes: boolean }

/** Judge `update` from `actor` to the room of `kind` whose document is `doc` (left unchanged). */
export function judgeUpdate(
  kind: RoomKind,
  doc: Y.Doc,
  update: Uint8Array,
  actor: Actor,
  options: JudgeOptions = {},
): Verdict {
  const verdict = judgeEntries(kind, doc, update, actor, options, true)
  if (verdict.refusal) return { refusal: verdict.refusal }
  const entry = verdict.refused[0]
  return entry ? { refusal: entry.refusal } : { refusal: null, changes: verdict.changes }
}

/** An entry of an update that its root's rule refuses. */
export interface EntryRefusal {
  root: string
  key: string
  refusal: Refusal
}

/**
 * Every entry of `update` that the server would refuse, not only the first: what a client
 * that worked offline reads before it sends its work, to set aside what cannot stand and
 * send the rest (`client/collab/reconnect.ts`). A refusal of the whole update (the room is
 * read-only to the sender, the update is incomplete or writes a root the room lacks) comes
 * back as `refusal`, since no entry of it can stand.
 */
export function refusedEntries(
  kind: RoomKind,
  doc: Y.Doc,
  update: Uint8Array,
  actor: Actor,
  options: JudgeOptions = {},
): { refusal: Refusal } | { refused: EntryRefusal[] } {
  const verdict = judgeEntries(kind, doc, update, actor, options, false)
  return verdict.refusal ? { refusal: verdict.refusal } : { refused: verdict.refused }
}

// The judgement, stopping at the first refused entry (the server) or reading them all (a client).
function judgeEntries(
  kind: RoomKind,
  doc: Y.Doc,
  update: Uint8Array,
  actor: Actor,
  options: JudgeOptions,
  first: boolean,
): { refusal: Refusal } | { refusal: null; changes: boolean; refused: EntryRefusal[] } {
  const writes = writesOfUpdate(doc, update)
  const changes = writes.entries.length > 0 || writes.sequences.size > 0 || writes.nested.size > 0
  if (!changes && !writes.incomplete) return { refusal: null, changes: false, refused: [] }
  if (!mayWriteRoom(actor.role, kind)) {
    return refused('read-only', `${actor.role} accounts may not change the ${kind} room`)
  }
  if (writes.incomplete) {
    return refused('incomplete', 'the update builds on changes the server does not have (an earlier refused write?)')
  }
  if (options.anyShape) return { refusal: null, changes, refused: [] }

  for (const name of new Set([...writes.sequences, ...writes.nested, ...writes.entries.map((e) => e.root)])) {
    const spec = rootSpec(kind, name)
    if (!spec) return refused('unknown-root', `the ${kind} room holds no "${name}"`)
    if (spec.type === 'map' && (writes.sequences.has(name) || writes.nested.has(name))) {
      return refused('invalid-value', `${name} is a map of plain values: it holds no sequence or nested type`)
    }
  }

  let nodes: ResolvableNodes | undefined
  const written = new Map(writes.entries.map((e) => [`${e.root}\u0000${e.key}`, e]))
  const context = {
    actor,
    roster: options.roster,
    otherRoom: options.otherRoom,
    after: (root: string, key: string) => {
      const entry = written.get(`${root}\u0000${key}`)
      return entry ? entry.value : doc.getMap(root).get(key)
    },
    nodes: () =>
      (nodes ??= writesText(writes) ? nodesAfter(doc, update) : (options.currentNodes?.() ?? resolvableNodes(doc))),
  }
  const out: EntryRefusal[] = []
  for (const entry of writes.entries) {
    const spec = rootSpec(kind, entry.root)!
    if (spec.type === 'xml') return refused('invalid-value', `${entry.root} holds the text, not keyed entries`)
    let refusal: Refusal | null
    if (entry.shape === 'type' || entry.shape === 'other') {
      refusal = {
        code: 'invalid-value',
        message: `${entry.root}.${entry.key}: values are plain JSON, not shared types or binary`,
      }
    } else {
      const before = doc.getMap(entry.root).get(entry.key)
      const after = entry.shape === 'removed' ? undefined : entry.value
      // Writing what the room already holds changes nothing (a client setting aside offline work
      // writes the room's own values back): no rule is broken.
      if (JSON.stringify(before) === JSON.stringify(after)) continue
      refusal = spec.judge?.({ key: entry.key, before, after }, context) ?? null
      if (!refusal && spec.stamped && options.now) {
        const wrong = refuseRecordTimes(before, after, options.now())
        if (wrong) refusal = { code: 'wrong-time', message: `${entry.root}.${entry.key}: ${wrong}` }
      }
    }
    if (!refusal) continue
    out.push({ root: entry.root, key: entry.key, refusal })
    if (first) break
  }
  return { refusal: null, changes, refused: out }
}

function refused(code: Refusal['code'], message: string): { refusal: Refusal } {
  return { refusal: { code, message } }
}

function writesText(writes: ReturnType<typeof writesOfUpdate>): boolean {
  return writes.sequences.has(TEXT_ROOTS.text) || writes.nested.has(TEXT_ROOTS.text)
}

/**
 * What resolutions can name once `update` is applied: an update that changes the text and
 * writes resolutions (a streamlining step renames ids) is judged against the text it
 * makes. Only such updates pay for a copy of the room.
 */
function nodesAfter(doc: Y.Doc, update: Uint8Array): ResolvableNodes {
  const copy = new Y.Doc({ gc: false })
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    Y.applyUpdate(copy, update)
    return resolvableNodes(copy)
  } finally {
    copy.destroy()
  }
}
