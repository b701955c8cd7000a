/**
 * Proposals as the editor sees them: the register's proposals gathered by the
 * node, variable or cell they concern, with support and objection by Party;
 * the workflow each role may start from a bracket, an option, a placeholder or
 * an amounts row (delegations propose, support, object, withdraw; co-chairs
 * accept or set aside); and each proposal's "what if" against the live model.
 * Views watch the targets they show and hear only when those change.
 */
import type { EditorView } from 'prosemirror-view'
import type * as Y from 'yjs'
import type { Party } from '../../shared/parties/party.ts'
import { readSharedBindings } from '../../shared/document/model-state.ts'
import { whatIf, wordsRemovedBy } from '../../shared/proposals/what-if.ts'
import { applyAcceptance, recordProvenance, refuseAcceptance } from '../../shared/document/proposal-acceptance.ts'
import type { Objection, Proposal } from '../../shared/proposals/proposal.ts'
import type { ProposalDraft, ProposalRegister } from '../../shared/proposals/register.ts'
import type { TalliedProposal } from '../../shared/proposals/tally.ts'
import { checkVariableValue } from '../../shared/model/variables.ts'
import type { Account } from '../app/session.ts'
import type { LiveComputation } from '../model/live-computation.ts'
import { insertAlternative } from './alternative-insertion.ts'
import { askProposal } from './proposal-dialog.ts'
import { describeProposal } from '../../shared/naming/proposal-words.ts'
import { nameReference } from '../../shared/naming/reference-name.ts'
import { summarizeWhatIf, type WhatIfSummary } from './what-if-summary.ts'
import type { DocumentLog } from '../streamlining/document-log.ts'
import { mayDecide, mayPropose } from '../../shared/document/roles.ts'

/** What the live proposals need from the page. */
export interface ProposalsSetting {
  account: Account
  /** The text room's document (for bindings and acceptance). */
  textDoc: Y.Doc
  live: LiveComputation
  parties: readonly Party[]
  /** Tell the user something went wrong. */
  say(message: string): void
  /** Where co-chairs' decisions are performed as undoable steps and signed. */
  log: DocumentLog
}

/** The proposals of one document, live. */
export class LiveProposals {
  private byTarget = new Map<string, TalliedProposal[]>()
  private listeners = new Set<() => void>()
  private watchers = new Map<string, Set<() => void>>()
  private signatures = new Map<string, string>()
  private view: EditorView | null = null

  constructor(
    private readonly registerOf: () => ProposalRegister,
    private readonly setting: ProposalsSetting,
  ) {
    this.refresh()
  }

  /** May this account propose (a delegation bound to a Party)? */
  get mayPropose(): boolean {
    return mayPropose({ role: this.setting.account.role, party: this.setting.account.party ?? undefined })
  }

  /** May this account accept and set aside? */
  get mayDecide(): boolean {
    return mayDecide(this.setting.account.role)
  }

  /** The Party this account speaks for, if any. */
  get party(): string | null {
    return this.setting.account.party ?? null
  }

  /** Proposals on `target`, oldest first. */
  on(target: string): TalliedProposal[] {
    return this.byTarget.get(target) ?? []
  }

  /** Every proposal, oldest first. */
  all(): TalliedProposal[] {
    return [...this.byTarget.values()].flat().sort((a, b) => a.proposal.at.localeCompare(b.proposal.at))
  }

  /**
   * The editor is mounted: proposals are worded against its text from now on
   * and new alternative text is accepted through it. Views drawn before it
   * existed are redrawn.
   */
  attach(view: EditorView): void {
    this.view = view
    for (const set of this.watchers.values()) set.forEach((watch) => watch())
    for (const listener of this.listeners) listener()
  }

  /** Re-read the register; tell watchers of targets whose proposals changed. */
  refresh(): void {
    this.byTarget = this.registerOf().tally()
    const signatures = new Map<string, string>()
    for (const [target, list] of this.byTarget) signatures.set(target, JSON.stringify(list))
    for (const target of new Set([...signatures.keys(), ...this.signatures.keys()])) {
      if (signatures.get(target) !== this.signatures.get(target)) this.watchers.get(target)?.forEach((watch) => watch())
    }
    this.signatures = signatures
    for (const listener of this.listeners) listener()
  }

  /** Call `listener` on every change; returns the function that stops it. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Tell `watcher` when the proposals on `target` change; returns the function that stops it. */
  watch(target: string, watcher: () => void): () => void {
    let set = this.watchers.get(target)
    if (!set) this.watchers.set(target, (set = new Set()))
    set.add(watcher)
    return () => set!.delete(watcher)
  }

  /** The proposal in words, against the text on screen. */
  describe(proposal: Pick<Proposal, 'kind' | 'target' | 'value'>): string {
    const view = this.view
    return view
      ? describeProposal(proposal, view.state.doc, this.setting.live.current.computation.results.period)
      : `a proposal on ${this.name(proposal.target)}`
  }

  /** What the text calls a proposal's target (a node, a variable or an inscription cell). */
  name(target: string): string {
    const view = this.view
    return view
      ? nameReference(view.state.doc, target, this.setting.live.current.computation.results.period)
      : 'the text (loading)'
  }

  /** How the proposing Party's amount and the aggregate would move if `proposal` were accepted. */
  whatIf(proposal: Proposal): WhatIfSummary {
    const { live, textDoc, parties } = this.setting
    const state = live.current
    const bindings = readSharedBindings(textDoc).bindings
    const then = whatIf(state.index, bindings, state.scenario, parties, proposal)
    const removes = this.view ? wordsRemovedBy(this.view.state.doc, bindings, state.scenario, proposal) : null
    return summarizeWhatIf(proposal.party, state.computation, then, removes)
  }

  /**
   * Ask for a rationale (and the value, for new text, a placeholder's value or
   * an inscription) and propose `draft` for this delegation's Party.
   */
  async propose(draft: Omit<ProposalDraft, 'value'> & { value?: ProposalDraft['value'] }): Promise<Proposal | null> {
    if (!this.mayPropose) return null
    const input =
      draft.value !== undefined
        ? undefined
        : draft.kind === 'alternative'
          ? { label: 'New alternative text', kind: 'text' as const }
          : {
              label: draft.kind === 'value' ? `Value of ${this.name(draft.target)}` : `Your QELRC (% of base year)`,
              kind: 'number' as const,
            }
    const summary =
      draft.value !== undefined
        ? this.describe(draft as ProposalDraft)
        : draft.kind === 'alternative'
          ? `New text for ${this.name(draft.target)}`
          : draft.kind === 'value'
            ? `A value for ${this.name(draft.target)}`
            : `An inscription: ${this.name(draft.target)}`
    const answer = await askProposal({ heading: `Propose for ${this.party}`, summary, input, confirm: 'Propose' })
    if (!answer) return null
    let value = draft.value
    if (value === undefined) {
      if (draft.kind === 'alternative') value = answer.value
      else {
        const n = Number(answer.value.replace(',', '.'))
        const problem =
          draft.kind === 'value'
            ? checkVariableValue(draft.target, n)
            : Number.isFinite(n) && n > 0
              ? null
              : 'a QELRC is a number greater than zero'
        if (problem) {
          this.setting.say(`Not proposed: ${problem}.`)
          return null
        }
        value = n
      }
    }
    return this.attempt(() =>
      this.registerOf().propose({ kind: draft.kind, target: draft.target, value, rationale: answer.note || undefined }),
    )
  }

  /**
   * Support or object to `id` for this Party; the same stance again takes it back. An
   * objection asks for its reason (optional): the co-chair who decides reads it.
   */
  async stance(id: string, stance: 'support' | 'object'): Promise<void> {
    const current = this.registerOf().state().stances[`${id}/${this.party}`]?.stance
    if (current === stance) return void this.attempt(() => this.registerOf().takeStance(id, null))
    let reason: string | undefined
    if (stance === 'object') {
      const proposal = this.registerOf().get(id)
      if (!proposal) return
      const answer = await askProposal({
        heading: `Object for ${this.party}`,
        summary: `${proposal.party}: ${this.describe(proposal)}`,
        note: { label: 'Reason (optional)', required: false },
        confirm: 'Object',
      })
      if (!answer) return
      reason = answer.note
    }
    this.attempt(() => this.registerOf().takeStance(id, stance, reason))
  }

  /** Withdraw this Party's proposal `id`. */
  withdraw(id: string): void {
    this.attempt(() => this.registerOf().withdraw(id))
  }

  /**
   * Accept `id`: mark it accepted (signed by this co-chair) and apply it to the
   * text room — a resolution, value or inscription in the model's maps with its
   * provenance, or new alternative text through the editor.
   */
  async accept(id: string): Promise<void> {
    // Over an objection only when the co-chair says so, knowing who objects and why.
    const objecting = this.registerOf().get(id) ? objectionsTo(this.all(), id) : []
    let recorded = ''
    if (objecting.length) {
      const confirmed = await askProposal({
        heading: 'Accept over an objection?',
        summary: `${this.registerOf().get(id)!.party} proposes: ${this.describe(this.registerOf().get(id)!)}. Objecting: ${objecting.map(objectionWords).join(' ')}`,
        note: { label: 'Note for the record (optional)', required: false },
        confirm: 'Accept over the objection',
      })
      if (!confirmed) return
      recorded = confirmed.note
    }
    // Read again after the dialog: the text and the proposal may have moved meanwhile.
    const register = this.registerOf()
    const proposal = register.get(id)
    if (!proposal) return
    const overObjections = objectionsTo(this.all(), id)
    if (overObjections.length > objecting.length)
      return this.setting.say('Not accepted: another Party objected meanwhile; look at the proposal again.')
    const index = this.setting.live.current.index
    const refusal = refuseAcceptance(proposal, index)
    if (refusal) return this.setting.say(`Cannot accept: ${refusal}.`)
    const view = this.view
    if (proposal.kind === 'alternative' && !view) return this.setting.say('Cannot accept: the editor is not ready.')
    // Worded before the text changes: the log keeps what the proposal said when it was accepted.
    const summary = `accepted ${proposal.party}’s proposal: ${this.describe(proposal)}`
    const accepted = this.attempt(() => register.accept(id, overObjections))
    if (!accepted?.decision) return
    const notes = overObjections.length
      ? [
          `accepted over the objection of ${overObjections.map(objectionWords).join(' ')}`,
          ...(recorded ? [`note: ${recorded}`] : []),
        ]
      : []
    this.setting.log.record(() => {
      if (proposal.kind === 'alternative') {
        const alt = insertAlternative(view!, proposal.target, String(proposal.value))
        if (alt) recordProvenance(this.setting.textDoc, alt, proposal, accepted.decision!)
        else
          this.setting.say(
            `The text no longer has the bracket this proposal adds to; the proposal is marked accepted but no text was added.`,
          )
      } else {
        applyAcceptance(this.setting.textDoc, proposal, accepted.decision!, index)
      }
      return { op: 'accept-proposal', ids: [proposal.target, proposal.id], summary, notes }
    })
  }

  /** Put set-aside proposal `id` back on the table, signed in the log. */
  reopen(id: string): void {
    const proposal = this.registerOf().get(id)
    if (!proposal || proposal.status !== 'set-aside') return
    const summary = `reopened ${proposal.party}’s proposal: ${this.describe(proposal)}`
    if (this.attempt(() => this.registerOf().reopen(id)))
      this.setting.log.note({ op: 'reopen-proposal', ids: [proposal.target, proposal.id], summary })
  }

  /** Ask for a reason and set `id` aside. */
  async setAside(id: string): Promise<void> {
    const proposal = this.registerOf().get(id)
    if (!proposal) return
    const answer = await askProposal({
      heading: 'Set the proposal aside',
      summary: `${proposal.party}: ${this.describe(proposal)}`,
      note: { label: 'Reason', required: true },
      confirm: 'Set aside',
    })
    if (!answer?.note) return
    const summary = `set aside ${proposal.party}’s proposal: ${this.describe(proposal)}`
    const note = answer.note
    if (this.attempt(() => this.registerOf().setAside(id, note))) {
      this.setting.log.note({
        op: 'set-aside-proposal',
        ids: [proposal.target, proposal.id],
        summary,
        notes: [`reason: ${note}`],
      })
    }
  }

  /** Stop telling anyone anything. */
  destroy(): void {
    this.listeners.clear()
    this.watchers.clear()
  }

  // The register refuses locally what the server would: say so instead of sending it.
  private attempt<T>(write: () => T): T | null {
    try {
      return write()
    } catch (error) {
      this.setting.say(`Not done: ${(error as Error).message}.`)
      return null
    }
  }
}

/** The objections to proposal `id` among `tallied`, with their reasons. */
function objectionsTo(tallied: readonly TalliedProposal[], id: string): Objection[] {
  // Only the Parties that object now: a stance taken back is no objection.
  const t = tallied.find((x) => x.proposal.id === id)
  return (t?.objection ?? []).map((party) => (t!.reasons[party] ? { party, reason: t!.reasons[party] } : { party }))
}

/** `Tuvalu (“the period is too long”).` */
function objectionWords(o: Objection): string {
  return `${o.party}${o.reason ? ` (“${o.reason}”)` : ''}.`
}
