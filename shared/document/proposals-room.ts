/**
 * The proposals room's root types, typed. Reading a room is `proposalsRoom(ydoc).log`;
 * nothing else in the product calls `getMap` on a proposals room.
 */
import type * as Y from 'yjs'
import type { Comment } from '../comments/comment.ts'
import type { LogEntry } from '../proposals/log-entry.ts'
import type { Proposal, ProposalsState, Stance } from '../proposals/proposal.ts'
import { openRoots } from './open-roots.ts'
import { PROPOSALS_ROOTS } from './root-names.ts'

/** The proposals room of one document, its maps by role. */
export interface ProposalsRoom {
  proposals: Y.Map<Proposal>
  stances: Y.Map<Stance>
  log: Y.Map<LogEntry>
  comments: Y.Map<Comment>
}

/** The proposals room held by `ydoc`. */
export function proposalsRoom(ydoc: Y.Doc): ProposalsRoom {
  return openRoots(ydoc, PROPOSALS_ROOTS) as unknown as ProposalsRoom
}

/** Proposals, stances and the log of `ydoc` as plain data. */
export function readProposalsState(ydoc: Y.Doc): ProposalsState {
  const room = proposalsRoom(ydoc)
  return { proposals: room.proposals.toJSON(), stances: room.stances.toJSON(), log: room.log.toJSON() }
}
