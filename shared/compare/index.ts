/**
 * Comparing revisions: word-level (jsdiff over lines matched by the option,
 * section or table that holds them) and bracket-aware (groups resolved, added,
 * removed; options chosen, dropped, merged; proposals accepted), with what
 * remains open per section at each revision for the bracket history.
 */
export { compareRevisions, type Comparison } from './comparison.ts'
export { compareLines, compareWords, type LineChange, type WordPart } from './line-changes.ts'
export { blockUnits, type BlockUnit } from './block-units.ts'
export {
  structuralFindings,
  type StructuralFindings,
  type GroupFinding,
  type ResolvedGroup,
  type OptionFinding,
} from './structural-findings.ts'
export { remainingBySection, type RevisionRemaining, type SectionRemaining } from './remaining-by-section.ts'
export { readRevisionContent, type RevisionContent } from './revision-content.ts'
