/**
 * The model as the editor sees it: the computation (assigned amounts, aggregate,
 * diagnostics) and the bracket counts for the document on screen, recomputed
 * on every decision (local or remote) and on every structural text change.
 *
 * It is the shared `NegotiationModel` given the editor's own ProseMirror
 * document: re-reading a 100-page Y.Doc costs about 10 ms, too much for every
 * keystroke, and typing plain text changes no id, so the text is re-indexed
 * only when a change touches structure. Listeners hear once per microtask, so
 * the panel repaints in the next frame.
 */
import type * as Y from 'yjs'
import type { Node } from 'prosemirror-model'
import type { Computation } from '../../shared/model/compute.ts'
import type { DocumentIndex } from '../../shared/model/document-index.ts'
import { NegotiationModel } from '../../shared/model/live.ts'
import { remaining } from '../../shared/model/resolution.ts'
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
  private readonly model: NegotiationModel
  private listeners = new Set<LiveListener>()
  private pending = false
  private readonly stop: () => void

  constructor(ydoc: Y.Doc, parties: readonly Party[], doc: Node) {
    this.model = new NegotiationModel(ydoc, parties, { doc })
    this.current = this.state()
    this.stop = this.model.subscribe(() => this.schedule())
  }

  /** The index of the text's negotiable nodes, as last read. */
  get documentIndex(): DocumentIndex {
    return this.model.documentIndex
  }

  /** The text changed structurally: re-index it now; listeners hear in the next microtask. */
  textChanged(doc: Node): void {
    this.model.textChanged(doc)
  }

  /** Call `listener` with every new state; returns the function that stops it. */
  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Stop watching the document. */
  destroy(): void {
    this.stop()
    this.model.destroy()
    this.listeners.clear()
  }

  // A remote update may change several maps in one transaction: repaint once.
  private schedule(): void {
    if (this.pending) return
    this.pending = true
    queueMicrotask(() => {
      this.pending = false
      this.current = this.state()
      for (const listener of this.listeners) listener(this.current)
    })
  }

  private state(): LiveState {
    const index = this.model.documentIndex
    const live = this.model.currentScenario
    const scenario = {
      resolutions: { ...live.resolutions },
      values: { ...live.values },
      inscriptions: { ...live.inscriptions },
    }
    const optionLayouts = new Map<string, string>()
    for (const b of Object.values(this.model.currentBindings)) {
      if ('section' in b && b.variable === 'annexB.layout')
        for (const [option, layout] of Object.entries(b.values)) optionLayouts.set(option, String(layout))
    }
    return {
      computation: this.model.current,
      index,
      scenario,
      remaining: remaining(index, scenario.resolutions),
      optionLayouts,
    }
  }
}
