/**
 * Whether an option's applicability note holds: "(would only apply if option 3 for
 * Annex B above is selected)". The one rule the editor's option cards, the model's
 * diagnostics and consolidation all read.
 */
import type { DocumentIndex } from './document-index.ts'
import { optionRivals, type Resolutions } from './resolution.ts'

/** How a note stands: the option it needs is chosen, is out (dropped, or a rival chosen), or still open. */
export type Holds = 'met' | 'unmet' | 'pending'

/** Where option `id`'s applicability stands. */
export interface Applicability {
  holds: Holds
  /** The option the note needs (null when the note names an option the text does not have). */
  required: string | null
  /** The option chosen in the section the note names, if any. */
  chosen: string | null
  /** The section and option number the note names. */
  names: { section: string; option: string }
}

/** The applicability of option `id` under `resolutions`; null when it has no note. */
export function applicabilityOf(index: DocumentIndex, resolutions: Resolutions, id: string): Applicability | null {
  const names = index.options.get(id)?.requires
  if (!names) return null
  const options = index.sections.get(names.section) ?? []
  const required = options.find((o) => index.options.get(o)?.number === names.option) ?? null
  const chosen = options.find((o) => resolutions[o] === 'chosen') ?? null
  let holds: Holds = 'pending'
  if (required && resolutions[required] === 'chosen') holds = 'met'
  else if (chosen || (required && resolutions[required] === 'dropped')) holds = 'unmet'
  else if (required && optionRivals(index, required).some((o) => resolutions[o] === 'chosen')) holds = 'unmet'
  return { holds, required, chosen, names }
}
