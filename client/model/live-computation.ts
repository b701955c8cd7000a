/**
 * The model as the editor sees it: the computation (assigned amounts, aggregate,
 * diagnostics) and the bracket counts for the document on screen, recomputed
 * on every decision (local or remote) and on every structural text change.
 *
 * It indexes the editor's own ProseMirror document rather than re-reading the
 * Y.Doc as `NegotiationModel` does: reading a 100-page Y.Doc back costs about
 * 10 ms, too much for every keystroke. Typing plain text changes no id, so the
 * index is rebuilt only when a change touches structure. Decisions in the
 * model's maps recompute in a microtask, so the panel repaints in the next frame.
 */
import type * as Y from 'yjs'
import type { Node } from 'prosemirror-model'
import { computeScenario, type Computation } from '../../shared/model/compute.ts'
import { indexDocument, type DocumentIndex } from '../../shared/model/document-index.ts'
import { remaining } from '../../shared/model/resolution.ts'
import { modelMaps, readSharedBindings, readSharedScenario } from '../../shared/model/shared-state.ts'
import type { Scenario } from '../../shared/model/scenario.ts'
import type { Party } from '../../shared/parties/party.ts'

/** Brackets and options still open, in total and per section id ('' outside any section). */
export type Remaining = ReturnType<typeof remaining>

/** Everything the panels show, from one recomputation. */
export interface LiveState {
  computation: Computation
  index: DocumentIndex
  scenario: Scenario
  remaining: Remaining
  /** Option id → the Annex B layout choosing it puts in force (from the section's binding). */
  optionLayouts: Map<string, string>
}

/** Called with each new state. */
export type LiveListener = (state: LiveState) => void

/** A live computation over a shared document and the editor's view of its text. */
export class LiveComputation {
  /** The state for the present document and decisions. */
  current: LiveState
  private index: DocumentIndex
  private listeners = new Set<LiveListener>()
  private pending = false
  private readonly unobserve: () => void

  constructor(private ydoc: Y.Doc, private parties: readonly Party[], doc: Node) {
    this.index = indexDocument(doc)
    this.current = this.compute()
    const maps = modelMaps(ydoc)
    const changed = () => this.schedule()
    for (const map of Object.values(maps)) map.observe(changed)
    this.unobserve = () => {
      for (const map of Object.values(maps)) map.unobserve(changed)
    }
  }

  /** The index of the text's negotiable nodes, as last read. */
  get documentIndex(): DocumentIndex {
    return this.index
  }

  /** The text changed structurally: re-read it (now) and recompute (next microtask). */
  textChanged(doc: Node): void {
    this.index = indexDocument(doc)
    this.schedule()
  }

  /** Call `listener` with every new state; returns the function that stops it. */
  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Stop watching the document. */
  destroy(): void {
    this.unobserve()
    this.listeners.clear()
  }

  // Several maps change in one Yjs transaction (a remote update): recompute once.
  private schedule(): void {
    if (this.pending) return
    this.pending = true
    queueMicrotask(() => {
      this.pending = false
      this.current = this.compute()
      for (const listener of this.listeners) listener(this.current)
    })
  }

  private compute(): LiveState {
    const scenario = readSharedScenario(this.ydoc)
    const { bindings, diagnostics } = readSharedBindings(this.ydoc)
    const computation = computeScenario(this.index, bindings, scenario, this.parties)
    computation.evaluation.diagnostics.unshift(...diagnostics)
    computation.results.diagnostics.unshift(...diagnostics)
    const optionLayouts = new Map<string, string>()
    for (const b of Object.values(bindings)) {
      if ('section' in b && b.variable === 'annexB.layout') for (const [option, layout] of Object.entries(b.values)) optionLayouts.set(option, String(layout))
    }
    return { computation, index: this.index, scenario, remaining: remaining(this.index, scenario.resolutions), optionLayouts }
  }
}
