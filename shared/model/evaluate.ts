/**
 * From resolutions, bindings and set values to the variables' values, with the
 * diagnostics a co-chair needs: linked brackets resolved inconsistently
 * (2013–2017 with eight), an option chosen whose applicability note fails, a
 * placeholder with no value. Pure: the same inputs give the same result.
 */
import { bindingNode, type Binding, type Bindings } from './bindings.ts'
import { applicabilityOf } from './applicability.ts'
import type { DocumentIndex } from './document-index.ts'
import { nodeState, type ModelDiagnostic, type Resolutions } from './resolution.ts'
import {
  checkVariableValue,
  formatValue,
  periodYears,
  sameValue,
  type Period,
  type VariableValue,
} from './variables.ts'

/** Values set directly (placeholders' values), by variable name. */
export type Values = Record<string, VariableValue>

/** The variables' values, where each came from, and what is wrong. */
export interface Evaluation {
  values: Record<string, VariableValue>
  /** Node ids (or `value`) each variable's value came from. */
  sources: Record<string, string[]>
  diagnostics: ModelDiagnostic[]
}

/** The value a binding gives, if its node is resolved. */
export function bindingValue(b: Binding, index: DocumentIndex, resolutions: Resolutions): VariableValue | undefined {
  if ('placeholder' in b) return undefined
  if ('section' in b) {
    const chosen = index.sections.get(b.section)?.find((o) => resolutions[o] === 'chosen')
    return chosen ? b.values[chosen] : undefined
  }
  const state = nodeState(index, resolutions, bindingNode(b))
  if (!state) return undefined
  if (state.kind === 'group')
    return state.choice ? (b.values as Record<string, VariableValue>)[state.choice] : undefined
  if (state.kind === 'optional' && state.state !== 'unresolved' && 'optional' in b) return b.values[state.state]
  return undefined
}

/** Evaluate every bound and set variable. */
export function evaluateVariables(
  index: DocumentIndex,
  resolutions: Resolutions,
  bindings: Bindings,
  values: Values,
): Evaluation {
  const found = new Map<string, { value: VariableValue; node: string }[]>()
  const add = (variable: string, value: VariableValue, node: string) => {
    const list = found.get(variable) ?? []
    list.push({ value, node })
    found.set(variable, list)
  }
  // Key order, not arrival order: every replica must report the same way.
  for (const id of Object.keys(bindings).sort()) {
    const b = bindings[id]
    const v = bindingValue(b, index, resolutions)
    if (v !== undefined) add(b.variable, v, bindingNode(b))
  }
  const out: Evaluation = { values: {}, sources: {}, diagnostics: [] }
  // Values come from a shared map any writer may have filled: check each one.
  for (const name of Object.keys(values).sort()) {
    const v = values[name]
    const problem = checkVariableValue(name, v)
    if (problem)
      out.diagnostics.push({ code: 'invalid-value', message: `${problem}; the value is ignored`, ids: ['value'] })
    else add(name, v, 'value')
  }
  for (const [variable, list] of found) {
    const distinct = list.filter((x, i) => list.findIndex((y) => sameValue(x.value, y.value)) === i)
    if (distinct.length > 1) {
      out.diagnostics.push({
        code: 'linked-conflict',
        message: `${variable} is resolved two ways: ${distinct.map((d) => formatValue(d.value)).join(' and ')}`,
        ids: list.map((x) => x.node),
      })
      continue
    }
    out.values[variable] = list[0].value
    out.sources[variable] = list.map((x) => x.node)
  }
  checkPeriods(out, 'cp2')
  checkPeriods(out, 'cp3')
  const cp2 = out.values['cp2.period'] as Period | undefined
  if (cp2 && out.values.V !== undefined && out.values.V !== cp2.end) {
    out.diagnostics.push({
      code: 'period-years',
      message: `V is ${out.values.V} but the second period ends in ${cp2.end}`,
      ids: [...out.sources.V, ...out.sources['cp2.period']],
    })
  }
  out.diagnostics.push(...applicability(index, resolutions), ...missingValues(index, resolutions, bindings, out.values))
  return out
}

// `[2013 to 2017][2013 to 2020]` and `multiplied by [five][eight]` are one decision.
function checkPeriods(out: Evaluation, prefix: string): void {
  const period = out.values[`${prefix}.period`] as Period | undefined
  const years = out.values[`${prefix}.years`] as number | undefined
  if (period && years !== undefined && periodYears(period) !== years) {
    out.diagnostics.push({
      code: 'period-years',
      message: `the period ${formatValue(period)} has ${periodYears(period)} years, but the multiplier says ${years}`,
      ids: [...out.sources[`${prefix}.period`], ...out.sources[`${prefix}.years`]],
    })
  }
}

function applicability(index: DocumentIndex, resolutions: Resolutions): ModelDiagnostic[] {
  const out: ModelDiagnostic[] = []
  for (const option of index.options.values()) {
    if (resolutions[option.id] !== 'chosen') continue
    const note = applicabilityOf(index, resolutions, option.id)
    if (!note || note.holds === 'met') continue
    const chosenNumber = note.chosen ? index.options.get(note.chosen)!.number : null
    out.push({
      code: 'applicability',
      message: `this option applies only if option ${note.names.option} of the section it names is selected; ${note.chosen ? `option ${chosenNumber} is` : 'none is yet'}`,
      ids: [option.id, ...(note.chosen ? [note.chosen] : [note.names.section])],
    })
  }
  return out
}

// A placeholder still standing in the text (its option not dropped) with no value.
function missingValues(
  index: DocumentIndex,
  resolutions: Resolutions,
  bindings: Bindings,
  values: Record<string, VariableValue>,
): ModelDiagnostic[] {
  const waiting = new Map<string, string[]>()
  for (const id of Object.keys(bindings).sort()) {
    const b = bindings[id]
    if (!('placeholder' in b) || values[b.variable] !== undefined) continue
    const option = index.placeholders.get(b.placeholder)?.option
    if (
      option &&
      nodeState(index, resolutions, option)?.kind === 'option' &&
      (nodeState(index, resolutions, option) as { state: string }).state === 'dropped'
    )
      continue
    waiting.set(b.variable, [...(waiting.get(b.variable) ?? []), b.placeholder])
  }
  return [...waiting].map(([variable, ids]) => ({
    code: 'missing-value',
    message: `placeholder ${variable} has no value`,
    ids,
  }))
}
