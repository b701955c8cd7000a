/**
 * Resolutions: how each bracket group, optional bracket and option stands.
 * Stored by node id as one string — the chosen alternative's id, `kept` or
 * `deleted`, `chosen` or `dropped` — so that concurrent writers converge per
 * node (last writer wins for that node, others untouched).
 */
import type { DocumentIndex } from './document-index.ts'
import { optionStanding } from './option-runs.ts'

/** Resolutions by node id, as stored. */
export type Resolutions = Record<string, string>

/** How a node stands once its resolution is read. */
export type NodeState =
  | { kind: 'group'; choice: string | null }
  | { kind: 'optional'; state: 'unresolved' | 'kept' | 'deleted' }
  | { kind: 'option'; state: 'unresolved' | 'chosen' | 'dropped'; implied: boolean }

/** A finding of the model, with the ids of the nodes involved. */
export interface ModelDiagnostic {
  code:
    | 'invalid-resolution'
    | 'linked-conflict'
    | 'period-years'
    | 'applicability'
    | 'two-options'
    | 'missing-value'
    | 'missing-inscription'
    | 'unresolved'
    | 'invalid-value'
    | 'commitment-value'
  message: string
  ids: string[]
}

/**
 * Why `value` does not resolve node `id`, or null when it does: a group of alternatives
 * takes one of its alternatives' ids, an optional bracket `kept` or `deleted`, an option
 * `chosen` or `dropped`.
 */
export function refuseResolution(
  index: Pick<DocumentIndex, 'groups' | 'options'>,
  id: string,
  value: string,
): string | null {
  const group = index.groups.get(id)
  if (group) {
    if (group.alternatives.length === 1)
      return value === 'kept' || value === 'deleted'
        ? null
        : `resolution of ${id} is ${JSON.stringify(value)}; expected "kept" or "deleted"`
    return group.alternatives.includes(value)
      ? null
      : `resolution of ${id} is ${JSON.stringify(value)}; expected one of ${group.alternatives.join(', ')}`
  }
  if (index.options.has(id))
    return value === 'chosen' || value === 'dropped'
      ? null
      : `resolution of ${id} is ${JSON.stringify(value)}; expected "chosen" or "dropped"`
  return `the text has no bracket group, optional bracket or option ${id}`
}

/** The state of a node, or a diagnostic when its stored resolution does not fit it. */
export function nodeState(index: DocumentIndex, resolutions: Resolutions, id: string): NodeState | null {
  const value = resolutions[id]
  const group = index.groups.get(id)
  if (group) {
    if (group.alternatives.length === 1) {
      return { kind: 'optional', state: value === 'kept' || value === 'deleted' ? value : 'unresolved' }
    }
    return { kind: 'group', choice: value && group.alternatives.includes(value) ? value : null }
  }
  // Exactly one option of a run survives: choosing one drops the others of its run.
  const standing = optionStanding(index, resolutions, id)
  return standing ? { kind: 'option', ...standing } : null
}

/** Diagnostics of the stored resolutions themselves: unknown ids, values that fit no node, two options chosen. */
export function checkResolutions(index: DocumentIndex, resolutions: Resolutions): ModelDiagnostic[] {
  const out: ModelDiagnostic[] = []
  for (const id of Object.keys(resolutions).sort()) {
    const problem = refuseResolution(index, id, resolutions[id])
    if (problem) out.push({ code: 'invalid-resolution', message: problem, ids: [id] })
  }
  for (const options of index.runs.values()) {
    const chosen = options.filter((o) => resolutions[o] === 'chosen')
    if (chosen.length > 1)
      out.push({
        code: 'two-options',
        message: `${chosen.length} options chosen in one run of alternatives; exactly one survives`,
        ids: [index.options.get(chosen[0])!.section ?? chosen[0], ...chosen],
      })
  }
  return out
}

/** Counts of what remains open, for the bracket counter: total and per section. */
export function remaining(
  index: DocumentIndex,
  resolutions: Resolutions,
): { brackets: number; options: number; bySection: Map<string, { brackets: number; options: number }> } {
  const bySection = new Map<string, { brackets: number; options: number }>()
  const at = (s: string | null) => {
    const key = s ?? ''
    if (!bySection.has(key)) bySection.set(key, { brackets: 0, options: 0 })
    return bySection.get(key)!
  }
  let brackets = 0
  let options = 0
  for (const g of index.groups.values()) {
    const s = nodeState(index, resolutions, g.id)!
    if ((s.kind === 'group' && s.choice === null) || (s.kind === 'optional' && s.state === 'unresolved')) {
      brackets++
      at(g.section).brackets++
    }
  }
  for (const id of index.options.keys()) {
    if (optionStanding(index, resolutions, id)!.state !== 'unresolved') continue
    if (index.runs.get(index.options.get(id)!.run)!.some((o) => resolutions[o] === 'chosen')) continue
    options++
    at(index.options.get(id)!.section).options++
  }
  return { brackets, options, bySection }
}
