/**
 * Coming back online with work made offline. Sent as it is, the work would travel as one
 * update, and the server refuses an update whole when one entry of it breaks a rule — a
 * resolution of an option another co-chair deleted meanwhile, a stance on a proposal
 * since withdrawn — so everything else would be lost with it. Before sending, the client
 * reads the room as the server has it now (a second, silent connection), judges its
 * offline work with the server's own judge (`refusedEntries`), sets aside each step that
 * would be refused — writing the room's values back for its entries — and sends the
 * rest, which merges with what others did meanwhile. What was set aside is returned, with
 * the reason, for the person to read: nothing is dropped silently.
 */
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { refusedEntries } from '../../shared/document/judge.ts'
import { REFUSAL_MEANING, type Refusal } from '../../shared/document/protocol.ts'
import type { Actor } from '../../shared/document/roles.ts'
import type { RoomKind } from '../../shared/document/rooms.ts'
import { SET_ASIDE, type EntryNamer, type OfflineStep } from './offline-steps.ts'
import { sessionSocket } from './session-socket.ts'

/** A step the server would refuse, and why, in words. */
export interface SetAsideStep {
  step: OfflineStep
  reason: string
}

/** What settling the offline work came to. */
export type Settlement =
  /** The rest can be sent: `setAside` lists what was not (often nothing). */
  | { kind: 'send'; setAside: SetAsideStep[] }
  /** Nothing of it can stand (the account may no longer write the room): every step is listed. */
  | { kind: 'discard'; setAside: SetAsideStep[]; refusal: Refusal }

/** Where and as whom the room is reached. */
export interface RoomAccess {
  /** The sync endpoint (`ws://host/sync`). */
  url: string
  room: string
  token: string
  kind: RoomKind
  actor: Actor
}

/**
 * Reads the room as the server holds it: resolves once a silent connection has synced
 * (it announces no presence), or with the close code when the server will not let it in.
 */
export function serverState(access: RoomAccess): Promise<{ doc: Y.Doc; close(): void } | { closed: number }> {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(access.url, access.room, doc, {
    WebSocketPolyfill: sessionSocket(access.token),
    disableBc: true,
  })
  provider.awareness.setLocalState(null)
  const close = () => {
    provider.destroy()
    doc.destroy()
  }
  return new Promise((resolve) => {
    provider.on('sync', (synced: boolean) => synced && resolve({ doc, close }))
    provider.on('connection-close', (event: CloseEvent | null) => {
      if (event && event.code >= 4400 && event.code < 4500) {
        close()
        resolve({ closed: event.code })
      }
    })
  })
}

/**
 * Judges `doc`'s work that `server` lacks, step by step, and sets aside (in `doc`) every
 * step the server would refuse; `name` names an entry no recorded step holds.
 */
export function settle(
  doc: Y.Doc,
  server: Y.Doc,
  steps: readonly OfflineStep[],
  access: Pick<RoomAccess, 'kind' | 'actor'>,
  name: EntryNamer,
): Settlement {
  const setAside: SetAsideStep[] = []
  const aside = new Set<OfflineStep>()
  // Each round sets aside at least one step, so the rounds end.
  for (let round = 0; round <= steps.length + 1; round++) {
    const work = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server))
    // The server judges the record's times against its clock: offline work dated too long ago is set aside here.
    const verdict = refusedEntries(access.kind, server, work, access.actor, { now: Date.now })
    if ('refusal' in verdict) {
      const reason = reasonOf(verdict.refusal)
      return {
        kind: 'discard',
        refusal: verdict.refusal,
        setAside: [...setAside, ...steps.filter((s) => !aside.has(s)).map((step) => ({ step, reason }))],
      }
    }
    if (!verdict.refused.length) return { kind: 'send', setAside }
    const revert: OfflineStep[] = []
    for (const entry of verdict.refused) {
      const reason = reasonOf(entry.refusal, entry.key)
      const holding = steps.filter(
        (s) => !aside.has(s) && s.entries.some((e) => e.root === entry.root && e.key === entry.key),
      )
      // An entry written offline but in no recorded step (the page closed mid-way) is its own step.
      if (!holding.length)
        holding.push({
          at: Date.now(),
          text: false,
          entries: [
            {
              root: entry.root,
              key: entry.key,
              name: name(entry.root, entry.key, doc.getMap(entry.root).get(entry.key)),
            },
          ],
        })
      for (const step of holding) {
        aside.add(step)
        revert.push(step)
        setAside.push({ step, reason })
      }
    }
    // The room's own values back, for every entry of a step set aside.
    doc.transact(() => {
      for (const step of revert)
        for (const { root, key } of step.entries) {
          const value = server.getMap(root).get(key)
          if (value === undefined) doc.getMap(root).delete(key)
          else doc.getMap(root).set(key, value)
        }
    }, SET_ASIDE)
  }
  const refusal: Refusal = { code: 'entry-rule', message: 'the offline work could not be separated' }
  return { kind: 'discard', refusal, setAside: steps.map((step) => ({ step, reason: reasonOf(refusal) })) }
}

// The refusal in the person's words: what the code means, then the rule's own words
// without the map and key it starts with (the step is named already), and never an id.
function reasonOf(refusal: Refusal, key?: string): string {
  let detail = refusal.message.replace(/^[a-zA-Z]+\.[^:\s]+: /, '')
  if (/^the text has no /.test(detail)) detail = 'the text no longer has it: it was changed meanwhile'
  else if (key) detail = detail.split(key).join('it')
  return `${REFUSAL_MEANING[refusal.code]} (${detail})`
}
