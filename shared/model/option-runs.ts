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

/** What knows the runs: a document's index, or the nodes the server reads from the Yjs tree. */
export type RunIndex = Pick<DocumentIndex, 'options' | 'runs'>

/**
 * The run of an option whose `run` attribute is `run`, standing in division `section`:
 * documents made before runs read the options of a division as one run, as they were then.
 */
export function runOf(run: string | null | undefined, section: string | null): string {
  return run || `${section ?? 'doc'}/options`
}

/** The other options of `option`'s run: choosing `option` drops them (empty for an unknown id). */
export function runSiblings(index: RunIndex, option: string): string[] {
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
 * The standing of option `id`: dropped when it is dropped or an option holding
 * it goes (dropped, or another of its run chosen); else chosen when it is;
 * else dropped when another option of its run is chosen; else unresolved.
 * Null for an id that is not an option.
 */
export function optionStanding(index: DocumentIndex, resolutions: Resolutions, id: string): OptionStanding | null {
  const own = index.options.get(id)
  if (!own) return null
  if (resolutions[id] === 'dropped') return { state: 'dropped', implied: false }
  // The options holding this one, outward (iteratively: nesting has no depth limit).
  for (let at = own.parent ? index.options.get(own.parent) : undefined; at;) {
    const value = resolutions[at.id]
    if (value === 'dropped' || (value !== 'chosen' && chosenBeside(index, resolutions, at.id, at.run)))
      return { state: 'dropped', implied: true }
    at = at.parent ? index.options.get(at.parent) : undefined
  }
  if (resolutions[id] === 'chosen') return { state: 'chosen', implied: false }
  if (chosenBeside(index, resolutions, id, own.run)) return { state: 'dropped', implied: true }
  return { state: 'unresolved', implied: false }
}

/**
 * The other option of `option`'s run that stands chosen beside it once `resolution`
 * (the stored value of an id) is read, or null: exactly one option of a run survives.
 */
export function chosenSibling(index: RunIndex, option: string, resolution: (id: string) => unknown): string | null {
  return runSiblings(index, option).find((o) => resolution(o) === 'chosen') ?? null
}

function chosenBeside(index: DocumentIndex, resolutions: Resolutions, id: string, run: string): boolean {
  return index.runs.get(run)!.some((o) => o !== id && resolutions[o] === 'chosen')
}
