/**
 * The document's log: one signed entry for every step a co-chair or the
 * secretariat takes on the text — a streamlining operation, a resolution made
 * directly, a value entered, an undo or redo of an earlier entry. It lives in
 * the proposals room beside the proposals (what is signed lives where the
 * server judges every entry), so revisions carry it and a comparison can list
 * the steps taken between two revisions. Entries are only ever added.
 */
import { z } from 'zod'
import { STEP_OPS, type Step } from '../streamline/step.ts'
import { describeStep } from '../streamline/step-description.ts'

/** What a log entry records. */
export const LogOp = z.enum([
  ...STEP_OPS,
  'resolve',
  'value',
  'accept-proposal',
  'set-aside-proposal',
  'reopen-proposal',
  'restore',
  'undo',
  'redo',
])

/** The schema of a stored log entry. */
export const LogEntrySchema = z
  .object({
    id: z.string().min(1).max(100),
    op: LogOp,
    /** The nodes (or variable) the step names, in the operation's order. */
    ids: z.array(z.string().max(200)).max(64),
    /** The step in words, without who: "merged Option 3 into Option 1 of section A". */
    summary: z.string().min(1).max(2000),
    /** What followed in the model: bindings renamed or removed, values fixed by accepted text. */
    notes: z.array(z.string().max(2000)).max(200),
    /** For an undo or redo: the entry it takes back or does again. */
    of: z.string().max(100).optional(),
    by: z.string().min(1).max(100),
    at: z.string().max(40),
  })
  .strict()

/** A log entry. */
export type LogEntry = z.infer<typeof LogEntrySchema>

/** What a caller says of an entry: everything but who, when and its id. */
export type LogDraft = Pick<LogEntry, 'op' | 'ids' | 'summary'> & Partial<Pick<LogEntry, 'notes' | 'of'>>

/** The draft of the entry for a streamlining step, with the model's follow-up notes. */
export function stepLogDraft(step: Step, notes: string[] = []): LogDraft {
  return { op: step.op, ids: step.ids, summary: describeStep({ ...step, by: null }), notes }
}

/** The entries of a log, oldest first (ties broken by id, so every replica lists them alike). */
export function logEntries(log: Record<string, LogEntry>): LogEntry[] {
  return Object.values(log).sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))
}
