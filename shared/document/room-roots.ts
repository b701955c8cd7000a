/**
 * Every root type of every room, once: its Yjs type, what a restore does with it, and
 * the rule an entry written into it must pass. The server judges each update against
 * this list (`judge.ts`); restore and revision reading iterate it; a test generated
 * from it checks that a restore returns every restorable root to the revision.
 */
import { z } from 'zod'
import { BindingSchema } from '../model/bindings.ts'
import type { ResolvableNodes } from './resolvable-nodes.ts'
import type { Roster } from '../parties/roster.ts'
import { refuseInscription } from '../model/inscriptions.ts'
import { chosenSibling } from '../model/option-runs.ts'
import { refuseResolution } from '../model/resolution.ts'
import { checkVariableValue } from '../model/variables.ts'
import { refuseProposalEntry } from '../proposals/rights.ts'
import { refuseCommentEntry } from '../comments/rights.ts'
import { refusePendingChangeEntry } from '../pending-changes/rights.ts'
import { StoredAcceptanceSchema } from './acceptances.ts'
import { ProvenanceSchema, type Provenance } from './proposal-acceptance.ts'
import { refuseDecisionAgainstText, refuseProvenance, type OtherRoom } from './acceptance-record.ts'
import { ProposalSchema, type Proposal } from '../proposals/proposal.ts'
import type { Refusal } from './protocol.ts'
import type { Actor } from './roles.ts'
import { PROPOSALS_ROOTS, TEXT_ROOTS } from './root-names.ts'
import type { RoomKind } from './rooms.ts'

/** What a judge of an entry knows besides the entry. */
export interface EntryContext {
  actor: Actor
  /** What resolutions can name in the text as it stands once the update is applied (read on first use). */
  nodes(): ResolvableNodes
  /** The Parties and groups a comment may speak for, and the Parties an acceptance list names. */
  roster?: Roster
  /** The document's other room (the server's judge only): what joins the two rooms is judged against it. */
  otherRoom?: OtherRoom
  /** The value entry `key` of map `root` holds once the update is applied (undefined when none). */
  after(root: string, key: string): unknown
}

/** One entry an update sets (`after`) or removes (`after` undefined), with its value before. */
export interface EntryChange {
  key: string
  before: unknown
  after: unknown
}

/** A root type of a room. */
export interface RootSpec {
  name: string
  /** `xml`: a ProseMirror fragment (its content is the text); `map`: entries of plain JSON by key. */
  type: 'xml' | 'map'
  /**
   * What restoring a revision does with it: `replace` makes it say what the revision says;
   * `record` keeps it, because it is the record of what happened (only ever added to).
   */
  restore: 'replace' | 'record'
  /** Why this change of an entry is refused, or null (maps only). */
  judge?: (change: EntryChange, context: EntryContext) => Refusal | null
  /** Its entries carry times of the record, which the server's clock vouches for (`record-times.ts`). */
  stamped?: true
}

const invalid = (message: string): Refusal => ({ code: 'invalid-value', message })

/** A judge from a check that returns why a value is wrong; removing an entry is always allowed. */
function checked(root: string, check: (key: string, value: unknown, context: EntryContext) => string | null) {
  return ({ key, after }: EntryChange, context: EntryContext): Refusal | null => {
    if (after === undefined) return null
    const problem = check(key, after, context)
    return problem ? invalid(`${root}.${key}: ${problem}`) : null
  }
}

/** A judge from a zod schema. */
function schema(root: string, type: z.ZodType) {
  return checked(root, (_key, value) => {
    const parsed = type.safeParse(value)
    return parsed.success
      ? null
      : `${parsed.error.issues[0].path.join('.') || 'value'} ${parsed.error.issues[0].message}`
  })
}

const DiagnosticSchema = z
  .object({ line: z.number(), column: z.number(), message: z.string(), hint: z.string().optional() })
  .passthrough()

/** The keys of `meta` and their values. */
const MetaSchemas: Record<string, z.ZodType> = {
  schemaVersion: z.number().int().min(1),
  eol: z.enum(['\n', '\r\n', '\r']),
  bom: z.boolean(),
  trail: z.number().int().min(0),
  diagnostics: z.array(DiagnosticSchema).max(100_000),
}

/** The text room's roots. */
const TEXT_ROOM: readonly RootSpec[] = [
  { name: TEXT_ROOTS.text, type: 'xml', restore: 'replace' },
  {
    name: TEXT_ROOTS.meta,
    type: 'map',
    restore: 'replace',
    judge: checked(TEXT_ROOTS.meta, (key, value) => {
      const type = MetaSchemas[key]
      if (!type) return `unknown key; meta holds ${Object.keys(MetaSchemas).join(', ')}`
      const parsed = type.safeParse(value)
      return parsed.success ? null : parsed.error.issues[0].message
    }),
  },
  {
    name: TEXT_ROOTS.resolutions,
    type: 'map',
    restore: 'replace',
    judge: checked(TEXT_ROOTS.resolutions, (key, value, context) => {
      if (typeof value !== 'string') return 'a resolution is a string'
      const problem = refuseResolution(context.nodes(), key, value)
      if (problem || value !== 'chosen') return problem
      // Choosing an option drops the others of its run: a choice beside another that stands is refused.
      const other = chosenSibling(context.nodes(), key, (id) => context.after(TEXT_ROOTS.resolutions, id))
      return other
        ? `${other} of the same run is chosen; exactly one option of a run survives (reopen ${other} first)`
        : null
    }),
  },
  { name: TEXT_ROOTS.bindings, type: 'map', restore: 'replace', judge: schema(TEXT_ROOTS.bindings, BindingSchema) },
  {
    name: TEXT_ROOTS.values,
    type: 'map',
    restore: 'replace',
    judge: checked(TEXT_ROOTS.values, (key, value) => checkVariableValue(key, value)),
  },
  {
    name: TEXT_ROOTS.inscriptions,
    type: 'map',
    restore: 'replace',
    judge: checked(TEXT_ROOTS.inscriptions, (key, value) => refuseInscription(key, value)),
  },
  {
    name: TEXT_ROOTS.provenance,
    type: 'map',
    restore: 'replace',
    stamped: true,
    judge: (change, context) => {
      const shape = schema(TEXT_ROOTS.provenance, ProvenanceSchema)(change, context)
      if (shape || change.after === undefined) return shape
      const after = change.after as Provenance
      if (after.by !== context.actor.username)
        return {
          code: 'not-yours',
          message: `provenance.${change.key}: an acceptance is signed by the account that makes it, not ${after.by}`,
        }
      const problem = context.otherRoom?.((proposals) => refuseProvenance(change.key, after, context.actor, proposals))
      return problem ? { code: 'entry-rule', message: `provenance.${change.key}: ${problem}` } : null
    },
  },
  {
    name: TEXT_ROOTS.acceptances,
    type: 'map',
    restore: 'replace',
    judge: (change, context) =>
      schema(TEXT_ROOTS.acceptances, StoredAcceptanceSchema)(change, context) ??
      (change.after !== undefined && context.roster && context.roster.parties.byName(change.key)?.name !== change.key
        ? invalid(
            `acceptances.${change.key}: not a Party as the party table names it${
              context.roster.parties.byName(change.key)
                ? ` (write "${context.roster.parties.byName(change.key)!.name}")`
                : ''
            }`,
          )
        : null),
  },
  {
    name: TEXT_ROOTS.pendingChanges,
    type: 'map',
    restore: 'replace',
    judge: (change, context) => refusePendingChangeEntry(context.actor, change),
  },
]

/** The proposals room's roots: the record, judged entry by entry against the sender. */
const PROPOSALS_ROOM: readonly RootSpec[] = [
  ...[PROPOSALS_ROOTS.proposals, PROPOSALS_ROOTS.stances, PROPOSALS_ROOTS.log].map((name) => ({
    name,
    type: 'map' as const,
    restore: 'record' as const,
    stamped: true as const,
    judge: (change: EntryChange, context: EntryContext) =>
      refuseProposalEntry(context.actor, { map: name, ...change }) ??
      (name === PROPOSALS_ROOTS.proposals ? refuseAgainstText(change, context) : null),
  })),
  {
    name: PROPOSALS_ROOTS.comments,
    type: 'map',
    restore: 'record',
    stamped: true,
    judge: (change, context) => refuseCommentEntry(context.actor, change, context.roster),
  },
]

// A decision on a proposal the text already records as accepted (`acceptance-record.ts`).
function refuseAgainstText({ key, before, after }: EntryChange, context: EntryContext): Refusal | null {
  if (!context.otherRoom || before === undefined) return null
  const was = ProposalSchema.safeParse(before)
  const now = ProposalSchema.safeParse(after)
  if (!was.success || !now.success) return null
  const problem = context.otherRoom((text) =>
    refuseDecisionAgainstText(was.data as Proposal, now.data as Proposal, context.actor, text),
  )
  return problem ? { code: 'entry-rule', message: `proposals.${key}: ${problem}` } : null
}

/** Every room's roots. */
export const ROOM_ROOTS: Record<RoomKind, readonly RootSpec[]> = { text: TEXT_ROOM, proposals: PROPOSALS_ROOM }

/** The spec of root `name` in a room of `kind`, if the room has it. */
export function rootSpec(kind: RoomKind, name: string): RootSpec | undefined {
  return ROOM_ROOTS[kind].find((spec) => spec.name === name)
}
