/**
 * Choosing an option drops the others of its run — and only those. A run is
 * the alternatives for one place in the text (`Option 1 … Option 3` of one
 * paragraph, heading or bracket); a later run in the same section is another
 * choice. An option inside another (`Option A.1` in `Option A`) goes when the
 * one holding it goes. This is the one home of that rule: the model, the
 * editor's decisions, accepted proposals and consolidation all ask here.
 */
import type { DocumentIndex } from './document-index.ts'
import type { Resolutions } from './resolution.ts'

/** The other options of `option`'s run: choosing `option` drops them (empty for an unknown id). */
export function runSiblings(index: DocumentIndex, option: string): string[] {
  const run = index.options.get(option)?.run
  return run ? index.runs.get(run)!.filter((o) => o !== option) : []
}

/** How an option stands under `resolutions`, and whether that follows from another decision. */
export interface OptionStanding {
  state: 'unresolved' | 'chosen' | 'dropped'
  /** Dropped because a sibling of its run was chosen, or an option holding it was dropped. */
  implied: boolean
}

/**
 * The standing of option `id`: its own resolution; else dropped when another
 * option of its run is chosen or the option holding it is dropped; else
 * unresolved. Null for an id that is not an option.
 */
export function optionStanding(index: DocumentIndex, resolutions: Resolutions, id: string): OptionStanding | null {
  const own = index.options.get(id)
  if (!own) return null
  // Walk up through the options holding this one (iteratively: nesting has no depth limit).
  for (let info: typeof own | undefined = own, first = true; info; first = false) {
    const value = resolutions[info.id]
    if (value === 'dropped') return { state: 'dropped', implied: !first }
    if (value === 'chosen') {
      if (first) return { state: 'chosen', implied: false }
    } else if (index.runs.get(info.run)!.some((o) => o !== info!.id && resolutions[o] === 'chosen'))
      return { state: 'dropped', implied: true }
    info = info.parent ? index.options.get(info.parent) : undefined
  }
  return { state: 'unresolved', implied: false }
}
