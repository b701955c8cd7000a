/**
 * Decisions on the text as the node views see them: how each bracket group,
 * optional bracket and option stands, read from the shared 'resolutions' map,
 * and the one-action writes a co-chair makes. Views watch the ids they show and
 * are told only when those change (a document may hold thousands of brackets).
 */
import type * as Y from 'yjs'
import { runSiblings } from '../../shared/model/option-runs.ts'
import { nodeState, type NodeState, type Resolutions } from '../../shared/model/resolution.ts'
import type { LiveComputation } from '../model/live-computation.ts'
import type { DocumentIndex } from '../../shared/model/document-index.ts'
import type { StepRecorder } from './step-recorder.ts'
import { resolveNode } from '../../shared/document/model-state.ts'
import { DECISION_ORIGIN } from './undo-manager.ts'
import { textRoom } from '../../shared/document/text-room.ts'

/** Called when the node a view shows may stand differently. */
export type DecisionWatcher = () => void

/** Reads and writes resolutions for the editor. */
export class Decisions {
  private readonly map: Y.Map<string>
  private watchers = new Map<string, Set<DecisionWatcher>>()
  private readonly onChange: (event: Y.YMapEvent<string>) => void

  constructor(
    private ydoc: Y.Doc,
    private live: LiveComputation,
    readonly mayResolve: boolean,
    private readonly log: StepRecorder,
    /** What the text calls a node ("Option 3 of section A", "[2013 to 2020] in paragraph 7 bis"). */
    private readonly titleOf: (id: string) => string,
  ) {
    this.map = textRoom(ydoc).resolutions
    this.onChange = (event) => {
      const touched = new Set(event.keysChanged)
      // Choosing one option drops the others of its run: they must redraw too.
      const index = this.live.documentIndex
      for (const id of event.keysChanged) for (const other of runSiblings(index, id)) touched.add(other)
      for (const id of touched) this.watchers.get(id)?.forEach((watch) => watch())
    }
    this.map.observe(this.onChange)
  }

  /** How node `id` stands (null for an id the model does not know yet). */
  state(id: string): NodeState | null {
    return nodeState(this.live.documentIndex, this.map.toJSON(), id)
  }

  /** Every stored resolution, by node id. */
  resolutions(): Resolutions {
    return this.map.toJSON()
  }

  /** The stored resolution of `id`, if any. */
  stored(id: string): string | undefined {
    return this.map.get(id)
  }

  /** Tell `watcher` whenever `id`'s resolution changes; returns the function that stops it. */
  watch(id: string, watcher: DecisionWatcher): () => void {
    let set = this.watchers.get(id)
    if (!set) this.watchers.set(id, (set = new Set()))
    set.add(watcher)
    return () => set!.delete(watcher)
  }

  /** Choose alternative `alt` of group `group`; choosing the chosen one again reopens the group. */
  chooseAlternative(group: string, alt: string): void {
    const reopening = this.map.get(group) === alt
    this.write(
      () => resolveNode(this.ydoc, this.live.documentIndex, group, reopening ? null : alt),
      group,
      reopening ? `reopened ${this.titleOf(group)}` : `chose ${this.titleOf(alt)}`,
    )
  }

  /** Keep or delete an optional bracket; the same action again reopens it. */
  settleOptional(group: string, state: 'kept' | 'deleted'): void {
    const reopening = this.map.get(group) === state
    this.write(
      () => resolveNode(this.ydoc, this.live.documentIndex, group, reopening ? null : state),
      group,
      reopening
        ? `reopened ${this.titleOf(group)}`
        : `${state === 'kept' ? 'kept' : 'deleted'} the optional text ${this.titleOf(group)}`,
    )
  }

  /** Choose or drop an option; choosing one clears any other chosen in its run. */
  settleOption(option: string, state: 'chosen' | 'dropped'): void {
    const name = this.titleOf(option)
    const reopening = this.map.get(option) === state
    this.write(
      () => {
        resolveNode(this.ydoc, this.live.documentIndex, option, this.map.get(option) === state ? null : state)
      },
      option,
      reopening ? `reopened ${name}` : `${state === 'chosen' ? 'chose' : 'dropped'} ${name}`,
    )
  }

  /**
   * The model has read the new text (its index was `previous`) and the view is about to update:
   * returns the redraw to run after the update. Views of nodes that came into the index or left it
   * redraw, except those the update builds, drawn with the new index already. (An undo that brings
   * a bracket back once drew its view before the model had read the new text: the view saw no such
   * node and drew it open, while the model's resolution was there all along.)
   */
  reindexed(previous: DocumentIndex): () => void {
    const now = this.live.documentIndex
    if (now === previous) return () => undefined
    const known = (index: DocumentIndex, id: string) => index.groups.has(id) || index.options.has(id)
    const stale: [Set<DecisionWatcher>, DecisionWatcher][] = []
    for (const [id, set] of this.watchers)
      if (known(previous, id) !== known(now, id)) for (const watch of set) stale.push([set, watch])
    // A view the update destroys has stopped watching by then.
    return () => stale.forEach(([set, watch]) => set.has(watch) && watch())
  }

  /** Tell every watcher to redraw: the index they were drawn with was not the text's (first render). */
  refreshAll(): void {
    for (const set of this.watchers.values()) set.forEach((watch) => watch())
  }

  /** Reopen node `id`. */
  reopen(id: string): void {
    this.write(() => resolveNode(this.ydoc, this.live.documentIndex, id, null), id, `reopened ${this.titleOf(id)}`)
  }

  /** Stop observing. */
  destroy(): void {
    this.map.unobserve(this.onChange)
    this.watchers.clear()
  }

  private write(change: () => void, id: string, summary: string): void {
    // The server refuses such writes anyway; not sending them keeps the document clean.
    if (!this.mayResolve) return
    this.log.record(() => {
      this.ydoc.transact(change, DECISION_ORIGIN)
      return { op: 'resolve', ids: [id], summary }
    })
  }
}
