/**
 * What a person did while the connection was down, step by step: each local transaction
 * made offline is one step, with the map entries it wrote (by root and key, named as the
 * text says them at the time) and whether it changed the text. On reconnect a step the
 * server would refuse is set aside whole, and the person is told which, by these names.
 */
import * as Y from 'yjs'

/** An entry a step wrote: its root map, its key, and what writing it did, in words, when it was written. */
export interface StepEntry {
  root: string
  key: string
  name: string | null
}

/** What a step did, in words: its entries' names, and the text if it changed it. */
export function describeStep(step: OfflineStep): string {
  const words = step.entries.flatMap((e) => (e.name ? [e.name] : []))
  if (step.text) words.push('a change to the text')
  return words.length ? words.join('; ') : 'a change'
}

/** One local transaction made offline. */
export interface OfflineStep {
  /** When it was made (ms since the epoch). */
  at: number
  entries: StepEntry[]
  /** It changed the text itself (typing, a streamlining step). */
  text: boolean
}

/**
 * Says what writing `value` (undefined: removing) under `key` of `root` did, as the person
 * knows it ("chose [2013 to 2020] in paragraph 7 bis"); null for a record that goes with
 * a step and says nothing of its own (the provenance of an acceptance).
 */
export type EntryNamer = (root: string, key: string, value: unknown) => string | null

/** The origin of the transactions that set a refused step aside: never recorded as a step. */
export const SET_ASIDE = Symbol('set aside on reconnect')

/**
 * Records `doc`'s local transactions into `steps` while `recording()` holds; returns the
 * function that stops recording.
 */
export function recordOfflineSteps(
  doc: Y.Doc,
  recording: () => boolean,
  name: EntryNamer,
  record: (step: OfflineStep) => void,
): () => void {
  // Root types by name, as the document shares them (Yjs types its roots loosely).
  const rootName = new Map<Y.AbstractType<Y.YEvent<any>>, string>()
  const onTransaction = (tr: Y.Transaction) => {
    if (!tr.local || tr.origin === SET_ASIDE || !recording() || tr.changed.size === 0) return
    if (rootName.size !== doc.share.size) for (const [key, type] of doc.share) rootName.set(type, key)
    const step: OfflineStep = { at: Date.now(), entries: [], text: false }
    for (const [type, keys] of tr.changed) {
      const root = rootName.get(type)
      if (root !== undefined && type instanceof Y.Map) {
        for (const key of keys) if (key !== null) step.entries.push({ root, key, name: name(root, key, type.get(key)) })
      } else step.text = true
    }
    if (step.entries.length || step.text) record(step)
  }
  doc.on('afterTransaction', onTransaction)
  return () => doc.off('afterTransaction', onTransaction)
}
