/**
 * The live model: watches a shared Y.Doc and keeps its computation current.
 * A change recomputes only what depends on it — a resolution re-evaluates the
 * variables and recomputes Party rows only if the period, the Annex B option
 * or the LULUCF sentence changed; an inscription (of any kind) recomputes that
 * Party's row and its commitments;
 * then totals and the aggregate. Subscribers get each new computation; rows
 * that did not change are the same objects as before.
 */
import type * as Y from 'yjs'
import type { Node } from 'prosemirror-model'
import { indexDocument, type DocumentIndex } from './document-index.ts'
import { evaluateVariables } from './evaluate.ts'
import { rowParties, type Computation } from './compute.ts'
import { checkResolutions } from './resolution.ts'
import { cellsByParty, NO_CELLS, type CellsByParty } from './commitment-rows.ts'
import { partyResult, rowContext, sameRowContext, summarizeRows, type PartyResult, type RowContext } from './results.ts'
import { splitInscriptionKey } from './inscriptions.ts'
import { readSharedBindings, readSharedScenario } from '../document/model-state.ts'
import type { Bindings } from './bindings.ts'
import type { Scenario } from './scenario.ts'
import type { VariableValue } from './variables.ts'
import type { Party } from '../parties/party.ts'
import { readNegotiationDoc } from '../document/negotiation-doc.ts'
import { textRoom } from '../document/text-room.ts'

/** Called with every new computation. */
export type ModelListener = (computation: Computation) => void

/** A live computation over a shared negotiation document. */
export class NegotiationModel {
  /** The computation for the document's present state. */
  current!: Computation
  private index: DocumentIndex
  private bindings: Bindings
  private bindingDiagnostics: Computation['evaluation']['diagnostics']
  private scenario: Scenario
  private cx!: RowContext
  private rows = new Map<string, PartyResult>()
  private cells: CellsByParty = new Map()
  private rowParties: Party[] | undefined
  private listeners = new Set<ModelListener>()
  private readonly byName: Map<string, Party>
  private readonly unobserve: () => void

  /**
   * Watch `ydoc`. With `options.doc` (an editor's own view of the text), the
   * model indexes that document and leaves the text to the caller, who calls
   * `textChanged` on structural edits: re-reading a large Y.Doc on every
   * keystroke costs milliseconds.
   */
  constructor(
    private ydoc: Y.Doc,
    private parties: readonly Party[],
    options: { doc?: Node } = {},
  ) {
    this.byName = new Map(parties.map((p) => [p.name, p]))
    this.index = indexDocument(options.doc ?? readNegotiationDoc(ydoc))
    ;({ bindings: this.bindings, diagnostics: this.bindingDiagnostics } = readSharedBindings(ydoc))
    this.scenario = readSharedScenario(ydoc)
    this.cells = cellsByParty(this.scenario.inscriptions)
    this.recompute(true)
    const maps = textRoom(ydoc)
    const text = textRoom(ydoc).text
    const onResolution = (e: Y.YMapEvent<string>) =>
      this.apply(this.scenario.resolutions, e.keysChanged, maps.resolutions as Y.Map<unknown>)
    const onValue = (e: Y.YMapEvent<VariableValue>) =>
      this.apply(this.scenario.values, e.keysChanged, maps.values as Y.Map<unknown>)
    const onInscription = (e: Y.YMapEvent<number | string>) => this.applyInscriptions(e)
    const onBinding = () => {
      ;({ bindings: this.bindings, diagnostics: this.bindingDiagnostics } = readSharedBindings(ydoc))
      this.recompute(false)
    }
    // The index changes only with the text: structure edits are rare next to decisions.
    const onText = () => {
      this.index = indexDocument(readNegotiationDoc(ydoc))
      this.recompute(false)
    }
    maps.resolutions.observe(onResolution)
    maps.values.observe(onValue)
    maps.inscriptions.observe(onInscription)
    maps.bindings.observe(onBinding)
    if (!options.doc) text.observeDeep(onText)
    this.unobserve = () => {
      maps.resolutions.unobserve(onResolution)
      maps.values.unobserve(onValue)
      maps.inscriptions.unobserve(onInscription)
      maps.bindings.unobserve(onBinding)
      if (!options.doc) text.unobserveDeep(onText)
    }
  }

  /** The text changed structurally (ids added, removed or moved): re-index `doc` and recompute. */
  textChanged(doc: Node): void {
    this.index = indexDocument(doc)
    this.recompute(false)
  }

  /** The bindings in force, as the model last read them. */
  get currentBindings(): Bindings {
    return this.bindings
  }

  /** The decisions in force, as the model last read them. */
  get currentScenario(): Scenario {
    return this.scenario
  }

  /** Call `listener` with every new computation; returns the function that stops it. */
  subscribe(listener: ModelListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The index of the text's negotiable nodes, as the model last read it. */
  get documentIndex(): DocumentIndex {
    return this.index
  }

  /** Stop watching the document. */
  destroy(): void {
    this.unobserve()
    this.listeners.clear()
  }

  private apply(target: Record<string, unknown>, keys: Set<string>, map: Y.Map<unknown>): void {
    for (const key of keys) {
      if (map.has(key)) target[key] = map.get(key)
      else delete target[key]
    }
    this.recompute(false)
  }

  private applyInscriptions(e: Y.YMapEvent<number | string>): void {
    const map = textRoom(this.ydoc).inscriptions
    const touched = new Set<string>()
    const before = this.cells.size
    let partiesChanged = false
    for (const key of e.keysChanged) {
      const { column, party } = splitInscriptionKey(key)
      let cells = this.cells.get(party)
      if (!cells) {
        this.cells.set(party, (cells = new Map()))
        partiesChanged = true
      }
      if (map.has(key)) {
        this.scenario.inscriptions[key] = map.get(key)!
        cells.set(column, map.get(key)!)
      } else {
        delete this.scenario.inscriptions[key]
        cells.delete(column)
        if (!cells.size) {
          this.cells.delete(party)
          partiesChanged = true
        }
      }
      touched.add(party)
    }
    if (partiesChanged || before !== this.cells.size) this.rowParties = undefined
    this.recompute(false, touched)
  }

  /** Re-evaluate; rebuild all rows when their shared context changed, else only `touched` Parties'. */
  private recompute(all: boolean, touched?: Set<string>): void {
    const evaluation = evaluateVariables(this.index, this.scenario.resolutions, this.bindings, this.scenario.values)
    evaluation.diagnostics.unshift(
      ...this.bindingDiagnostics,
      ...checkResolutions(this.index, this.scenario.resolutions),
    )
    const cx = rowContext(evaluation)
    const contextChanged = all || !this.cx || !sameRowContext(cx, this.cx)
    this.cx = cx
    // Which Parties have rows changes only when a Party gains its first cell or loses its last.
    if (!this.rowParties) this.rowParties = rowParties(this.parties, this.cells)
    const parties = this.rowParties
    if (contextChanged || parties.length !== this.rows.size) {
      const rows = new Map<string, PartyResult>()
      for (const p of parties)
        rows.set(
          p.name,
          (!contextChanged && !touched?.has(p.name) && this.rows.get(p.name)) ||
            partyResult(p, cx, this.cells.get(p.name) ?? NO_CELLS),
        )
      this.rows = rows
    } else if (touched) {
      for (const name of touched) {
        const p = this.byName.get(name)
        if (p && this.rows.has(name)) this.rows.set(name, partyResult(p, cx, this.cells.get(name) ?? NO_CELLS))
      }
    }
    this.current = { evaluation, results: summarizeRows([...this.rows.values()], this.byName, evaluation, cx) }
    for (const listener of this.listeners) listener(this.current)
  }
}
