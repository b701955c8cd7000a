/**
 * What remains open in a revision, section by section, with each section's
 * name: one column of the bracket history a co-chair watches shrink from
 * Rev.1 to Rev.n.
 */
import type { Node } from 'prosemirror-model'
import { indexDocument } from '../model/document-index.ts'
import { remaining, type Resolutions } from '../model/resolution.ts'
import { divisionName, sectionTitle } from '../streamline/node-location.ts'

/** Brackets and options still open in one section (or article). */
export interface SectionRemaining {
  /** The section's id; '' for text outside any section. */
  id: string
  /** Its letter or article label (`A`, `ARTICLE 2`). */
  name: string
  /** Its heading's words (`Annex B`). */
  title: string
  brackets: number
  options: number
}

/** What remains open in a revision: totals and every section, in the order of the text. */
export interface RevisionRemaining {
  brackets: number
  options: number
  sections: SectionRemaining[]
}

/** What remains open in `doc` under `resolutions`. */
export function remainingBySection(doc: Node, resolutions: Resolutions): RevisionRemaining {
  const open = remaining(indexDocument(doc), resolutions)
  const sections: SectionRemaining[] = []
  const seen = new Set<string>()
  doc.descendants((node) => {
    if (node.type.name !== 'section' && node.type.name !== 'article') return !node.isTextblock
    const counts = open.bySection.get(node.attrs.id) ?? { brackets: 0, options: 0 }
    seen.add(node.attrs.id)
    sections.push({ id: node.attrs.id, name: divisionName(node), title: sectionTitle(node), ...counts })
    return true
  })
  const outside = open.bySection.get('')
  if (outside && !seen.has('')) sections.unshift({ id: '', name: '(outside sections)', title: '', ...outside })
  return { brackets: open.brackets, options: open.options, sections }
}
