/**
 * The register of proposals: the writes every role makes in the proposals
 * document — a delegation proposes for its Party, takes a stance on another's
 * proposal or withdraws its own; a co-chair accepts or sets aside, signing the
 * decision and signs the log. Each write is one Yjs transaction of one entry, which is what the
 * server judges (`rights.ts`); the register refuses locally what the server
 * would refuse, so a client never sends a write it knows to be forbidden.
 */
import type * as Y from 'yjs'
import { freshId } from '../document/fresh-id.ts'
import { mayPropose } from '../document/roles.ts'
import { proposalsRoom, readProposalsState } from '../document/proposals-room.ts'
import type { LogDraft, LogEntry } from './log-entry.ts'
import { stanceKey, type Objection, type Proposal, type ProposalsState, type Stance } from './proposal.ts'
import { refuseProposalChanges, type Actor } from './rights.ts'
import { tallyProposals, type TalliedProposal } from './tally.ts'

/** What a delegation puts forward: everything a proposal holds but who, when and how it stands. */
export type ProposalDraft = Pick<Proposal, 'kind' | 'target' | 'value'> & { rationale?: string }

/** The Yjs transaction origin of register writes (so undo managers and observers can tell them apart). */
export const REGISTER_ORIGIN = 'accord-proposal'

/** A proposals document seen by one account. */
export class ProposalRegister {
  private readonly proposals: Y.Map<Proposal>
  private readonly stances: Y.Map<Stance>
  private logSequence = 0

  constructor(
    readonly doc: Y.Doc,
    readonly actor: Actor,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {
    const room = proposalsRoom(doc)
    this.proposals = room.proposals
    this.stances = room.stances
  }

  /** Proposals and stances as plain data. */
  state(): ProposalsState {
    return readProposalsState(this.doc)
  }

  /** Proposals by target, with the Parties for and against each. */
  tally(): Map<string, TalliedProposal[]> {
    return tallyProposals(this.state())
  }

  /** The proposal with id `id`, if any. */
  get(id: string): Proposal | undefined {
    return this.proposals.get(id)
  }

  /** Propose `draft` for the actor's Party; returns the new proposal (throws with the reason it would be refused). */
  propose(draft: ProposalDraft): Proposal {
    if (!mayPropose(this.actor)) throw new Error('only delegations make proposals, for their Party')
    const rationale = draft.rationale?.trim()
    const proposal: Proposal = {
      id: freshProposalId(),
      party: this.actor.party ?? '',
      by: this.actor.username,
      kind: draft.kind,
      target: draft.target,
      value: draft.value,
      ...(rationale ? { rationale } : {}),
      at: this.now(),
      status: 'open',
    }
    this.write('proposals', proposal.id, undefined, proposal)
    return proposal
  }

  /**
   * Support or object to proposal `id` for the actor's Party, with the reason if one is given
   * (replacing any earlier stance); null takes it back.
   */
  takeStance(id: string, stance: Stance['stance'] | null, reason?: string): void {
    const key = stanceKey(id, this.actor.party ?? '')
    const proposal = this.proposals.get(id)
    if (!proposal) throw new Error(`no proposal ${id}`)
    if (proposal.party === this.actor.party) throw new Error('a Party does not take a stance on its own proposal')
    if (proposal.status !== 'open') throw new Error(`the proposal is ${proposal.status}`)
    this.write(
      'stances',
      key,
      this.stances.get(key),
      stance
        ? { stance, by: this.actor.username, at: this.now(), ...(reason?.trim() ? { reason: reason.trim() } : {}) }
        : undefined,
    )
  }

  /** Withdraw the actor's Party's own proposal `id`. */
  withdraw(id: string): Proposal {
    return this.settle(id, { status: 'withdrawn' })
  }

  /**
   * Mark proposal `id` accepted, signed by the actor, recording the objections it was accepted
   * over (the text room is written separately: `proposal-acceptance.ts`).
   */
  accept(id: string, overObjections: Objection[] = []): Proposal {
    return this.settle(id, {
      status: 'accepted',
      decision: { by: this.actor.username, at: this.now(), ...(overObjections.length ? { overObjections } : {}) },
    })
  }

  /** Add `draft` to the document's log, signed by the actor; returns the entry (throws with the reason it would be refused). */
  log(draft: LogDraft): LogEntry {
    // Entries sort by time, then id: a sequence number keeps one author's steps of the same millisecond in order.
    const id = `l-${String(++this.logSequence).padStart(6, '0')}-${freshProposalId().slice(2)}`
    const entry: LogEntry = {
      id,
      op: draft.op,
      ids: draft.ids,
      summary: draft.summary,
      notes: draft.notes ?? [],
      ...(draft.of ? { of: draft.of } : {}),
      by: this.actor.username,
      at: this.now(),
    }
    this.write('log', entry.id, undefined, entry)
    return entry
  }

  /** Put decided proposal `id` back on the table (a co-chair undoing the decision). */
  reopen(id: string): Proposal {
    return this.settle(id, { status: 'open' })
  }

  /** Set proposal `id` aside with `reason`, signed by the actor. */
  setAside(id: string, reason: string): Proposal {
    return this.settle(id, {
      status: 'set-aside',
      decision: { by: this.actor.username, at: this.now(), reason: reason.trim() },
    })
  }

  private settle(id: string, change: Pick<Proposal, 'status' | 'decision'>): Proposal {
    const before = this.proposals.get(id)
    if (!before) throw new Error(`no proposal ${id}`)
    const { decision: _old, ...rest } = before
    const after: Proposal = { ...rest, ...change }
    if (!after.decision) delete after.decision
    this.write('proposals', id, before, after)
    return after
  }

  private write(map: keyof ReturnType<typeof proposalsRoom>, key: string, before: unknown, after: unknown): void {
    const refusal = refuseProposalChanges(this.actor, [{ map, key, before, after }])
    if (refusal) throw new Error(refusal)
    const target = proposalsRoom(this.doc)[map] as Y.Map<unknown>
    this.doc.transact(() => (after === undefined ? target.delete(key) : target.set(key, after)), REGISTER_ORIGIN)
  }
}

/** A random proposal id such as `p-k3x9q0ab`: delegations propose concurrently, so no counter. */
export function freshProposalId(): string {
  return freshId('p')
}
