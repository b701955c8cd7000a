/**
 * The root types of each room, by name: the only place these names are written. Every
 * module that reads or writes a room goes through the accessors beside this file
 * (`text-room.ts`, `proposals-room.ts`); the server refuses an update that writes a
 * root not listed here (`room-roots.ts`, `judge.ts`).
 */

/** Root types of the text room (`DOC_ID`). */
export const TEXT_ROOTS = {
  /** The text as a ProseMirror fragment. */
  text: 'text',
  /** Framing of the plain text (line ends, BOM, trailing newlines), schema version, import diagnostics. */
  meta: 'meta',
  /** How each bracket group, optional bracket and option stands, by node id. */
  resolutions: 'resolutions',
  /** What each bracket and placeholder means to the model, by node id. */
  bindings: 'bindings',
  /** Placeholder and variable values, by variable name. */
  values: 'values',
  /** Parties' inscriptions, by `column/Party` cell. */
  inscriptions: 'inscriptions',
  /** Where accepted decisions came from, by the key they were written under. */
  provenance: 'provenance',
  /** Instruments of acceptance deposited, by Party. */
  acceptances: 'acceptances',
  /** Changes proposed to the text and not yet decided (Word's tracked changes, co-chairs' suggestions), by id. */
  pendingChanges: 'pendingChanges',
} as const

/** Root types of the proposals room (`DOC_ID/proposals`). */
export const PROPOSALS_ROOTS = {
  /** Parties' proposals, by proposal id. */
  proposals: 'proposals',
  /** Parties' stances on others' proposals, by `proposal/Party`. */
  stances: 'stances',
  /** The signed log of co-chairs' and the secretariat's steps, by entry id. */
  log: 'log',
  /** Comments anchored in the text, with their threads, by id. */
  comments: 'comments',
} as const

/** The name of a text-room root. */
export type TextRootName = (typeof TEXT_ROOTS)[keyof typeof TEXT_ROOTS]
/** The name of a proposals-room root. */
export type ProposalsRootName = (typeof PROPOSALS_ROOTS)[keyof typeof PROPOSALS_ROOTS]
