/**
 * Keeps the model right through a streamlining step. Nodes a step replaced
 * are renamed in bindings and resolutions; a bracket whose text was accepted
 * leaves the value its chosen alternative stood for as a fixed value (so
 * accepting `[2013 to 2020]` keeps the period at eight years); bindings and
 * resolutions of nodes that are gone are removed, and each change is said.
 */
import type { Step } from '../streamline/step.ts'
import { bindingNode, type Binding, type Bindings } from './bindings.ts'
import type { Values } from './evaluate.ts'
import type { Resolutions } from './resolution.ts'
import { formatValue, VARIABLES } from './variables.ts'

/** What the model's shared maps must change after a step. */
export interface ModelFollowUp {
  /** Bindings to write (by id) and to delete. */
  setBindings: Bindings
  deleteBindings: string[]
  /** Resolutions to write and to delete. */
  setResolutions: Resolutions
  deleteResolutions: string[]
  /** Values that accepted text fixes. */
  setValues: Values
  /** What happened, in words, for the log. */
  notes: string[]
}

/** The model changes that follow `step`, given the state before it. */
export function followStep(step: Step, bindings: Bindings, resolutions: Resolutions): ModelFollowUp {
  const out: ModelFollowUp = {
    setBindings: {},
    deleteBindings: [],
    setResolutions: {},
    deleteResolutions: [],
    setValues: {},
    notes: [],
  }
  const removed = new Set(step.removed)
  const rename = (id: string) => step.replaced[id] ?? id
  if (step.op === 'accept-bracket-text') fixAcceptedValues(step, bindings, resolutions, out)
  if (step.op === 'regroup-brackets') mergeRegroupedBindings(step, bindings, out)
  for (const [id, b] of Object.entries(bindings)) {
    if (out.deleteBindings.includes(id) || out.setBindings[id]) continue
    const node = bindingNode(b)
    if (removed.has(node)) {
      out.deleteBindings.push(id)
      out.notes.push(`the text that set the ${variableWords(b.variable)} is gone: the model no longer reads it there`)
      continue
    }
    const renamed = renameBinding(b, rename, removed)
    if (JSON.stringify(renamed) !== JSON.stringify(b)) out.setBindings[id] = renamed
  }
  for (const [id, value] of Object.entries(resolutions)) {
    if (removed.has(id) || removed.has(value)) {
      out.deleteResolutions.push(id)
      continue
    }
    const newId = rename(id)
    const newValue = rename(value)
    if (newId !== id) out.deleteResolutions.push(id)
    if (newId !== id || newValue !== value) out.setResolutions[newId] = newValue
  }
  return out
}

function renameBinding(b: Binding, rename: (id: string) => string, removed: Set<string>): Binding {
  const values =
    'values' in b && !('optional' in b)
      ? Object.fromEntries(
          Object.entries(b.values)
            .filter(([k]) => !removed.has(k))
            .map(([k, v]) => [rename(k), v]),
        )
      : undefined
  if ('group' in b) return { ...b, group: rename(b.group), values: values! }
  if ('section' in b) return { ...b, section: rename(b.section), values: values! }
  if ('optional' in b) return { ...b, optional: rename(b.optional) }
  return { ...b, placeholder: rename(b.placeholder) }
}

// The accepted alternative's value stays the variable's value once its brackets are gone.
function fixAcceptedValues(step: Step, bindings: Bindings, resolutions: Resolutions, out: ModelFollowUp): void {
  const [groupId, altId] = step.ids
  for (const [id, b] of Object.entries(bindings)) {
    if (bindingNode(b) !== groupId) continue
    const value = 'group' in b ? (altId ? b.values[altId] : undefined) : 'optional' in b ? b.values.kept : undefined
    if (value !== undefined) {
      out.setValues[b.variable] = value
      out.notes.push(
        `the accepted text ${step.words.kept ?? ''} fixes the ${variableWords(b.variable)} at ${formatValue(value)}`,
      )
    }
    out.deleteBindings.push(id)
  }
  if (resolutions[groupId] !== undefined) out.deleteResolutions.push(groupId)
}

// Regrouping makes the second group's alternatives the first's: its value map moves over.
function mergeRegroupedBindings(step: Step, bindings: Bindings, out: ModelFollowUp): void {
  const [firstId, secondId] = step.ids
  const first = Object.entries(bindings).find(([, b]) => 'group' in b && b.group === firstId)
  const second = Object.entries(bindings).find(([, b]) => 'group' in b && b.group === secondId)
  if (first && second && first[1].variable === second[1].variable && 'group' in first[1] && 'group' in second[1]) {
    out.setBindings[first[0]] = { ...first[1], values: { ...first[1].values, ...second[1].values } }
    out.deleteBindings.push(second[0])
    out.notes.push(
      `what ${step.words.second ?? 'the second bracket'} sets (the ${variableWords(first[1].variable)}) now reads from the regrouped brackets`,
    )
  }
}

/** A variable as the notes name it: its label (`second commitment period`), or its key when it has none. */
function variableWords(variable: string): string {
  return VARIABLES[variable]?.label ?? variable
}
