/**
 * Proposals: what a delegation puts forward for its Party — a resolution of a
 * bracket group, optional bracket or option; new alternative text for a group;
 * a value for a placeholder; its own inscription. They live in their own
 * shared document (delegations write there, never in the text), one map entry
 * per proposal and one per Party's stance on it.
 */
import { z } from 'zod'
import type { LogEntry } from './log-entry.ts'

/** The longest text a proposal may put forward (characters). */
export const MAX_PROPOSED_TEXT = 20_000

/** What a proposal asks for. */
export const ProposalKind = z.enum(['resolution', 'alternative', 'value', 'inscription'])

/** A Party's objection as a decision records it: who objected, and why if they said. */
export const ObjectionSchema = z
  .object({ party: z.string().min(1).max(200), reason: z.string().max(4000).optional() })
  .strict()

/** An objection a decision was taken over. */
export type Objection = z.infer<typeof ObjectionSchema>

/** Where a proposal stands. */
export const ProposalStatus = z.enum(['open', 'accepted', 'set-aside', 'withdrawn'])

/** The schema of a stored proposal. */
export const ProposalSchema = z
  .object({
    id: z.string().min(1).max(100),
    party: z.string().min(1).max(200),
    /** The account that wrote it, for the record. */
    by: z.string().min(1).max(100),
    kind: ProposalKind,
    /** A node id (resolution, alternative), a variable (value) or a `column/Party` cell (inscription). */
    target: z.string().min(1).max(200),
    // New alternative text is a clause, not a document: a cap keeps the room small for everyone.
    value: z.union([
      z.string().max(MAX_PROPOSED_TEXT),
      z.number(),
      z.boolean(),
      z.object({ start: z.number().int(), end: z.number().int() }).strict(),
    ]),
    rationale: z.string().max(4000).optional(),
    at: z.string().max(40),
    status: ProposalStatus,
    /** Who accepted it or set it aside, when and why; an acceptance over objections names them. */
    decision: z
      .object({
        by: z.string().max(100),
        at: z.string().max(40),
        reason: z.string().max(4000).optional(),
        overObjections: z.array(ObjectionSchema).max(400).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()

/** A proposal. */
export type Proposal = z.infer<typeof ProposalSchema>

/** A Party's stance on another's proposal. */
export const StanceSchema = z
  .object({
    stance: z.enum(['support', 'object']),
    by: z.string().max(100),
    at: z.string().max(40),
    /** Why, in the Party's words (an objection's reason is read by the co-chair who decides). */
    reason: z.string().max(4000).optional(),
  })
  .strict()

/** A stance. */
export type Stance = z.infer<typeof StanceSchema>

/** The key of a Party's stance on a proposal: one per Party, changeable. */
export function stanceKey(proposalId: string, party: string): string {
  return `${proposalId}/${party}`
}

/** Proposals and stances as plain data. */
export interface ProposalsState {
  proposals: Record<string, Proposal>
  stances: Record<string, Stance>
  /** The document's log of co-chairs' steps, by entry id. */
  log: Record<string, LogEntry>
}
