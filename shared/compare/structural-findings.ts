/**
 * What changed in the negotiation between two revisions, by node id: which
 * bracket groups were resolved, reopened, added or taken out; which options
 * were chosen, dropped, merged into another or added; which proposals were
 * accepted in between. This is what delegations look for first when a
 * co-chair circulates a new revision.
 *
 * The document's log travels with each revision's proposals room, so the
 * steps taken in between are listed, and a merge the log records is reported
 * as such. For revisions made before the log was kept, merges are recognised
 * from the text: an option gone from the text whose own words — those its
 * surviving sibling did not already say — now stand in that sibling, which is
 * how `mergeOptions` writes them (as new alternatives or optional text).
 */
import { indexDocument } from '../model/document-index.ts'
import { nodeState, type NodeState } from '../model/resolution.ts'
import type { Proposal } from '../proposals/proposal.ts'
import { logEntries, type LogEntry } from '../proposals/log-entry.ts'
import { negotiableNodes, type GroupText, type NegotiableNodes, type OptionText } from './negotiable-nodes.ts'
import type { RevisionContent } from './revision-content.ts'
import type { Node } from 'prosemirror-model'
import { describeProposal } from '../naming/proposal-words.ts'
import { GONE } from '../naming/node-name.ts'

/** A bracket group or optional bracket named in a finding. */
export interface GroupFinding {
  id: string
  /** The group as written in the revision where it stands. */
  text: string
  location: string
}

/** A group that was open and is now decided: the alternative chosen, or the optional text kept or deleted. */
export interface ResolvedGroup extends GroupFinding {
  outcome: string
}

/** An option named in a finding. */
export interface OptionFinding {
  id: string
  name: string
  location: string
}

/** Everything the comparison found, by kind. */
export interface StructuralFindings {
  bracketsResolved: ResolvedGroup[]
  /** Decided in the first revision, open again in the second. */
  bracketsReopened: GroupFinding[]
  bracketsAdded: GroupFinding[]
  /** Gone from the text; `reason` says when it went with its option. */
  bracketsRemoved: (GroupFinding & { reason: string | null })[]
  optionsChosen: OptionFinding[]
  /** `how`: the model's resolution `dropped`, or the option taken out of the text. */
  optionsDropped: (OptionFinding & { how: 'resolution' | 'removed' })[]
  optionsMerged: (OptionFinding & { into: OptionFinding })[]
  optionsAdded: OptionFinding[]
  /** Each with what it asked for in words, read against the text it was decided on. */
  proposalsAccepted: (Proposal & { words: string })[]
  /** The document log's entries made between the two revisions, oldest first. */
  steps: LogEntry[]
}

/** The structural findings between `from` and `to`. */
export function structuralFindings(from: RevisionContent, to: RevisionContent): StructuralFindings {
  const a = negotiableNodes(from.doc)
  const b = negotiableNodes(to.doc)
  const indexA = indexDocument(from.doc)
  const indexB = indexDocument(to.doc)
  const out: StructuralFindings = {
    bracketsResolved: [],
    bracketsReopened: [],
    bracketsAdded: [],
    bracketsRemoved: [],
    optionsChosen: [],
    optionsDropped: [],
    optionsMerged: [],
    optionsAdded: [],
    proposalsAccepted: [],
    steps: logEntries(to.proposals.log).filter((e) => !from.proposals.log[e.id]),
  }
  // Merged option id → the option it was merged into, as the log says; why groups left the text.
  const loggedMerges = new Map(out.steps.filter((e) => e.op === 'merge-options').map((e) => [e.ids[1], e.ids[0]]))
  const loggedRemovals = new Map<string, string>()
  for (const e of out.steps) {
    if (e.op === 'accept-bracket-text') loggedRemovals.set(e.ids[0], 'accepted as clean text')
    if (e.op === 'regroup-brackets') loggedRemovals.set(e.ids[1], 'regrouped with the bracket before it')
  }

  for (const [id, group] of a.groups) {
    const later = b.groups.get(id)
    if (!later) {
      const option = group.option && !b.options.has(group.option) ? a.options.get(group.option) : undefined
      out.bracketsRemoved.push({
        ...finding(group),
        reason: option ? `with ${option.name}` : (loggedRemovals.get(id) ?? null),
      })
      continue
    }
    const before = nodeState(indexA, from.resolutions, id)
    const after = nodeState(indexB, to.resolutions, id)
    const wasOpen = isOpen(before)
    const isOpenNow = isOpen(after)
    if (wasOpen && !isOpenNow) out.bracketsResolved.push({ ...finding(later), outcome: outcome(after!, later) })
    else if (!wasOpen && isOpenNow) out.bracketsReopened.push(finding(later))
  }
  for (const [id, group] of b.groups) if (!a.groups.has(id)) out.bracketsAdded.push(finding(group))

  for (const [id, option] of a.options) {
    const later = b.options.get(id)
    if (!later) {
      const logged = loggedMerges.get(id)
      const into = (logged && b.options.get(logged)) || mergedInto(option, a, b)
      if (into) out.optionsMerged.push({ ...optionFinding(option), into: optionFinding(into) })
      else out.optionsDropped.push({ ...optionFinding(option), how: 'removed' })
      continue
    }
    const before = nodeState(indexA, from.resolutions, id)
    const after = nodeState(indexB, to.resolutions, id)
    if (before?.kind !== 'option' || after?.kind !== 'option' || before.state === after.state) continue
    if (after.state === 'chosen') out.optionsChosen.push(optionFinding(later))
    // An option dropped because another was chosen is said by that choice.
    else if (after.state === 'dropped' && !after.implied)
      out.optionsDropped.push({ ...optionFinding(later), how: 'resolution' })
  }
  for (const [id, option] of b.options) if (!a.options.has(id)) out.optionsAdded.push(optionFinding(option))

  for (const proposal of Object.values(to.proposals.proposals)) {
    if (proposal.status === 'accepted' && from.proposals.proposals[proposal.id]?.status !== 'accepted')
      out.proposalsAccepted.push({ ...proposal, words: proposalWords(proposal, from.doc, to.doc) })
  }
  out.proposalsAccepted.sort((x, y) => (x.decision?.at ?? x.at).localeCompare(y.decision?.at ?? y.at))
  return out
}

function isOpen(state: NodeState | null): boolean {
  if (!state) return false
  if (state.kind === 'group') return state.choice === null
  if (state.kind === 'optional') return state.state === 'unresolved'
  return state.state === 'unresolved'
}

function outcome(state: NodeState, group: GroupText): string {
  if (state.kind === 'group' && state.choice) return `[${group.alternatives.get(state.choice) ?? state.choice}] chosen`
  if (state.kind === 'optional') return state.state === 'kept' ? 'kept' : 'deleted'
  return 'decided'
}

const finding = (group: GroupText): GroupFinding => ({ id: group.id, text: group.text, location: group.location })
const optionFinding = (option: OptionText): OptionFinding => ({
  id: option.id,
  name: option.name,
  location: option.location,
})

/** Lower-case words of a text, brackets and punctuation aside. */
const words = (text: string): Set<string> => new Set(text.toLowerCase().match(/[\p{L}\p{N}%]+/gu) ?? [])

/**
 * The sibling `gone` was merged into: an option of the same division, in both
 * revisions, whose text changed and now holds most of the words only `gone`
 * said — or, when `gone` said nothing its sibling did not, one whose text is
 * the same as it was (a duplicate folded away).
 */
function mergedInto(gone: OptionText, a: NegotiableNodes, b: NegotiableNodes): OptionText | undefined {
  let best: { option: OptionText; score: number } | undefined
  for (const [id, sibling] of a.options) {
    const later = b.options.get(id)
    if (id === gone.id || !later || sibling.division !== gone.division) continue
    const had = words(sibling.text)
    const own = [...words(gone.text)].filter((w) => !had.has(w))
    if (own.length === 0) {
      if (!best) best = { option: later, score: 1 }
      continue
    }
    if (later.text === sibling.text) continue
    const now = words(later.text)
    const score = own.filter((w) => now.has(w)).length / own.length
    if (score >= 0.6 && (!best || score > best.score)) best = { option: later, score }
  }
  return best?.option
}

// A proposal accepted as clean text is gone from the later text: the earlier one names it.
function proposalWords(proposal: Proposal, earlier: Node, later: Node): string {
  const words = describeProposal(proposal, earlier)
  return words.includes(GONE) ? describeProposal(proposal, later) : words
}
