/**
 * The model's state in the shared Y.Doc, beside the text: one Y.Map each for
 * resolutions, bindings, values and inscriptions. One key per decision, so
 * concurrent writers of different decisions never collide, and the same
 * decision converges on the last write everywhere.
 */
import * as Y from 'yjs'
import { BindingSchema, type Binding, type Bindings } from './bindings.ts'
import type { ModelDiagnostic } from './resolution.ts'
import type { Scenario } from './scenario.ts'
import type { VariableValue } from './variables.ts'

/** Names of the model's maps in the Y.Doc. */
export const MODEL_MAPS = {
  resolutions: 'resolutions',
  bindings: 'bindings',
  values: 'values',
  inscriptions: 'inscriptions',
} as const

/** The model's maps of `ydoc`. */
export function modelMaps(ydoc: Y.Doc) {
  return {
    resolutions: ydoc.getMap<string>(MODEL_MAPS.resolutions),
    bindings: ydoc.getMap<Binding>(MODEL_MAPS.bindings),
    values: ydoc.getMap<VariableValue>(MODEL_MAPS.values),
    inscriptions: ydoc.getMap<number | string>(MODEL_MAPS.inscriptions),
  }
}

/** The scenario held in `ydoc`. */
export function readSharedScenario(ydoc: Y.Doc): Scenario {
  const m = modelMaps(ydoc)
  return { resolutions: m.resolutions.toJSON(), values: m.values.toJSON(), inscriptions: m.inscriptions.toJSON() }
}

/** The valid bindings held in `ydoc`; an invalid one (a bad write) is left out with a diagnostic. */
export function readSharedBindings(ydoc: Y.Doc): { bindings: Bindings; diagnostics: ModelDiagnostic[] } {
  const bindings: Bindings = {}
  const diagnostics: ModelDiagnostic[] = []
  modelMaps(ydoc).bindings.forEach((raw, id) => {
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
export function writeSharedScenario(ydoc: Y.Doc, scenario: Scenario): void {
  const m = modelMaps(ydoc)
  ydoc.transact(() => {
    for (const [k, v] of Object.entries(scenario.resolutions)) m.resolutions.set(k, v)
    for (const [k, v] of Object.entries(scenario.values)) m.values.set(k, v)
    for (const [k, v] of Object.entries(scenario.inscriptions)) m.inscriptions.set(k, v)
  })
}

/** Write bindings into `ydoc` in one transaction. */
export function writeSharedBindings(ydoc: Y.Doc, bindings: Bindings): void {
  const m = modelMaps(ydoc)
  ydoc.transact(() => {
    for (const [k, v] of Object.entries(bindings)) m.bindings.set(k, v)
  })
}
