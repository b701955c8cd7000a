/**
 * The one rule for an option whose applicability note does not hold ("would only
 * apply if option 3 for Annex B above is selected", and Option 1 was chosen): an
 * option still open is dropped, with the reason stated; an option a co-chair chose
 * anyway is kept and flagged. The editor's option card says which, and every
 * consolidated export applies it and lists it among what the consolidation did.
 */
import { applicabilityOf } from './applicability.ts'
import type { DocumentIndex } from './document-index.ts'
import { nodeState, type Resolutions } from './resolution.ts'

/** What becomes of an option whose note does not hold. */
export interface ApplicabilityFate {
  option: string
  /** `dropped` when it was still open; `flagged` when it was chosen regardless. */
  fate: 'dropped' | 'flagged'
  /** In words, for the editor and the list of what the consolidation did. */
  reason: string
}

/** The fate of option `id` under `resolutions`, or null when its note holds, is pending, or it has none. */
export function applicabilityFate(
  index: DocumentIndex,
  resolutions: Resolutions,
  id: string,
): ApplicabilityFate | null {
  const note = applicabilityOf(index, resolutions, id)
  if (!note || note.holds !== 'unmet') return null
  const state = nodeState(index, resolutions, id)
  if (state?.kind !== 'option' || state.state === 'dropped') return null
  const option = index.options.get(id)!
  const chosen = note.chosen ? index.options.get(note.chosen)?.number : null
  const why = `it applies only if option ${note.names.option} of the section it names is selected${chosen ? `, and option ${chosen} is` : ', and that option is out'}`
  return state.state === 'chosen'
    ? { option: id, fate: 'flagged', reason: `Option ${option.number} (${id}) is chosen although ${why}` }
    : { option: id, fate: 'dropped', reason: `Option ${option.number} (${id}) dropped: ${why}` }
}

/** Every option's fate under `resolutions`, in document order. */
export function applicabilityFates(index: DocumentIndex, resolutions: Resolutions): ApplicabilityFate[] {
  const out: ApplicabilityFate[] = []
  for (const id of index.options.keys()) {
    const fate = applicabilityFate(index, resolutions, id)
    if (fate) out.push(fate)
  }
  return out
}

/** `resolutions` with every open option whose note does not hold dropped (dropping one can settle another's note). */
export function dropUnmetOptions(
  index: DocumentIndex,
  resolutions: Resolutions,
): { resolutions: Resolutions; fates: ApplicabilityFate[] } {
  const out: Resolutions = { ...resolutions }
  const fates: ApplicabilityFate[] = []
  for (let pass = 0; pass < index.options.size + 1; pass++) {
    const dropped = applicabilityFates(index, out).filter((f) => f.fate === 'dropped')
    if (!dropped.length) break
    for (const f of dropped) out[f.option] = 'dropped'
    fates.push(...dropped)
  }
  fates.push(...applicabilityFates(index, out).filter((f) => f.fate === 'flagged'))
  return { resolutions: out, fates }
}
