/**
 * Secretariat outputs from the shared model: the consolidated text (every
 * resolution applied, what is open listed) and the streamlining audit (every
 * word that changed between two texts, and why).
 */
export { consolidate, type Consolidation, type ConsolidationOptions } from './consolidate.ts'
export type { UnresolvedItem, UnresolvedKind } from './unresolved.ts'
export { auditTexts, type Audit, type AuditExplanations, type WordChange } from './audit.ts'
