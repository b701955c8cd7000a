/**
 * Where the editor's own steps — a resolution, a value — are signed: the editor core
 * asks a recorder to perform and record each, without knowing who keeps the record
 * (the document log, `client/streamlining/document-log.ts`).
 */
import type { LogDraft } from '../../shared/proposals/log-entry.ts'

/** Performs a step and records it. */
export interface StepRecorder {
  /** Runs `perform`; the draft it returns (null: nothing was done) is recorded as one step. */
  record(perform: () => LogDraft | null): unknown
}
