/**
 * The model's state in the text room, beside the text: resolutions, bindings, values and
 * inscriptions, one key per decision, so concurrent writers of different decisions never
 * collide and the same decision converges on the last write everywhere. Every write the
 * product makes on these maps — a co-chair's resolution, a value, an inscription, an
 * accepted proposal, a resolution file — goes through the functions here.
 */
import type * as Y from 'yjs'
import { BindingSchema, type Bindings } from '../model/bindings.ts'
import type { DocumentIndex } from '../model/document-index.ts'
import { runSiblings } from '../model/option-runs.ts'
import type { ModelDiagnostic } from '../model/resolution.ts'
import type { Scenario } from '../model/scenario.ts'
import type { VariableValue } from '../model/variables.ts'
import { textRoom } from './text-room.ts'

/** The scenario held in `ydoc`. */
export function readSharedScenario(ydoc: Y.Doc): Scenario {
  const room = textRoom(ydoc)
  return {
    resolutions: room.resolutions.toJSON(),
    values: room.values.toJSON(),
    inscriptions: room.inscriptions.toJSON(),
  }
}

/** The valid bindings held in `ydoc`; an invalid one (a bad write) is left out with a diagnostic. */
export function readSharedBindings(ydoc: Y.Doc): { bindings: Bindings; diagnostics: ModelDiagnostic[] } {
  const bindings: Bindings = {}
  const diagnostics: ModelDiagnostic[] = []
  textRoom(ydoc).bindings.forEach((raw, id) => {
    const parsed = BindingSchema.safeParse(raw)
    if (parsed.success) bindings[id] = parsed.data
    else
      diagnostics.push({
        code: 'invalid-value',
        message: `binding ${id} is malformed and ignored: ${parsed.error.issues[0].message}`,
        ids: [id],
      })
  })
  return { bindings, diagnostics }
}

/** Write a scenario's decisions into `ydoc` in one transaction (keys it does not name are kept). */
export function writeSharedScenario(ydoc: Y.Doc, scenario: Scenario, origin: unknown = null): void {
  const room = textRoom(ydoc)
  ydoc.transact(() => {
    for (const [k, v] of Object.entries(scenario.resolutions)) room.resolutions.set(k, v)
    for (const [k, v] of Object.entries(scenario.values)) room.values.set(k, v)
    for (const [k, v] of Object.entries(scenario.inscriptions)) room.inscriptions.set(k, v)
  }, origin)
}

/** Write bindings into `ydoc` in one transaction. */
export function writeSharedBindings(ydoc: Y.Doc, bindings: Bindings, origin: unknown = null): void {
  const room = textRoom(ydoc)
  ydoc.transact(() => {
    for (const [k, v] of Object.entries(bindings)) room.bindings.set(k, v)
  }, origin)
}

/**
 * Resolve node `id` to `value` (an alternative's id, `kept`/`deleted`, `chosen`/`dropped`),
 * or reopen it with null. Choosing an option clears any other chosen in its run (`index`
 * tells which: `option-runs.ts`), inside the caller's transaction when there is one.
 */
export function resolveNode(
  ydoc: Y.Doc,
  index: DocumentIndex,
  id: string,
  value: string | null,
  origin: unknown = null,
): void {
  const { resolutions } = textRoom(ydoc)
  ydoc.transact(() => {
    if (value === null) return resolutions.delete(id)
    if (value === 'chosen') {
      for (const other of runSiblings(index, id)) if (resolutions.get(other) === 'chosen') resolutions.delete(other)
    }
    resolutions.set(id, value)
  }, origin)
}

/** Set variable `name` to `value`, or clear it with null. */
export function setVariableValue(ydoc: Y.Doc, name: string, value: VariableValue | null, origin: unknown = null): void {
  const { values } = textRoom(ydoc)
  ydoc.transact(() => (value === null ? values.delete(name) : values.set(name, value)), origin)
}

/** Write inscription `key` (`column/Party`), or clear it with null. */
export function inscribe(ydoc: Y.Doc, key: string, value: number | string | null, origin: unknown = null): void {
  const { inscriptions } = textRoom(ydoc)
  ydoc.transact(() => (value === null ? inscriptions.delete(key) : inscriptions.set(key, value)), origin)
}
