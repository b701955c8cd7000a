/**
 * Whether an option's applicability note holds: "(would only apply if option 3 for
 * Annex B above is selected)". The one rule the editor's option cards, the model's
 * diagnostics and consolidation all read.
 */
import type { DocumentIndex } from './document-index.ts'
import { optionStanding } from './option-runs.ts'
import type { Resolutions } from './resolution.ts'

/** How a note stands: the option it needs is chosen, is out (dropped, or another of its run chosen), or still open. */
export type Holds = 'met' | 'unmet' | 'pending'

/** Where option `id`'s applicability stands. */
export interface Applicability {
  holds: Holds
  /** The option the note needs (null when the note names an option the text does not have). */
  required: string | null
  /** The option chosen in the run of the option the note names (in its section when the text lacks it), if any. */
  chosen: string | null
  /** The section and option number the note names. */
  names: { section: string; option: string }
}

/** The applicability of option `id` under `resolutions`; null when it has no note. */
export function applicabilityOf(index: DocumentIndex, resolutions: Resolutions, id: string): Applicability | null {
  const names = index.options.get(id)?.requires
  if (!names) return null
  const inSection = index.sections.get(names.section) ?? []
  const required = inSection.find((o) => index.options.get(o)?.number === names.option) ?? null
  const choice = required ? index.runs.get(index.options.get(required)!.run)! : inSection
  const chosen = choice.find((o) => resolutions[o] === 'chosen') ?? null
  const standing = required ? optionStanding(index, resolutions, required)!.state : chosen ? 'dropped' : 'unresolved'
  const holds: Holds = standing === 'chosen' ? 'met' : standing === 'dropped' ? 'unmet' : 'pending'
  return { holds, required, chosen, names }
}
