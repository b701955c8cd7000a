/**
 * What writing an entry of a room did, in the person's words — "chose [2013 to 2020] in
 * paragraph 7 bis", "X (aggregate reduction below 1990) set to 25", "merged Option 3 into
 * Option 1 of section A" — for the list of steps set aside on reconnect. Records that go
 * with a step and say nothing of their own (provenance, acceptances, bindings) are null.
 */
import { PROPOSALS_ROOTS, TEXT_ROOTS } from '../../shared/document/root-names.ts'
import { inscriptionUnit } from '../../shared/naming/inscription-name.ts'
import type { EntryNamer } from '../collab/offline-steps.ts'

/** Names a key of the model as the text says it (`TextNames.of`). */
type NameOf = (key: string) => string

/** The words of the text room's entries. */
export function textEntryWords(nameOf: NameOf): EntryNamer {
  return (root, key, value) => {
    switch (root) {
      case TEXT_ROOTS.resolutions:
        if (value === undefined) return `reopened ${nameOf(key)}`
        if (value === 'kept' || value === 'deleted' || value === 'dropped')
          return `${value === 'kept' ? 'kept' : value === 'deleted' ? 'deleted' : 'dropped'} ${nameOf(key)}`
        return `chose ${nameOf(value === 'chosen' ? key : String(value))}`
      case TEXT_ROOTS.values:
        return value === undefined ? `cleared ${nameOf(key)}` : `set ${nameOf(key)} to ${String(value)}`
      case TEXT_ROOTS.inscriptions:
        return value === undefined
          ? `cleared ${nameOf(key)}`
          : `set ${nameOf(key)} to ${String(value)}${inscriptionUnit(key)}`
      default:
        return null
    }
  }
}

/** The words of the proposals room's entries; `proposalWords` says what a proposal asks for. */
export function proposalsEntryWords(proposalWords: (proposalId: string) => string | null): EntryNamer {
  return (root, key, value) => {
    const v = (value ?? {}) as { summary?: string; stance?: string; status?: string; party?: string }
    switch (root) {
      case PROPOSALS_ROOTS.log:
        return value === undefined ? null : `recorded “${v.summary ?? 'a step'}” in the document log`
      case PROPOSALS_ROOTS.stances: {
        const words = proposalWords(key.slice(0, key.lastIndexOf('/')))
        const what = words ? `the proposal to ${words}` : 'a proposal'
        return value === undefined
          ? `took back a stance on ${what}`
          : `${v.stance === 'object' ? 'objected to' : 'supported'} ${what}`
      }
      case PROPOSALS_ROOTS.proposals: {
        const words = proposalWords(key) ?? 'a proposal'
        if (v.status === 'accepted') return `accepted the proposal to ${words}`
        if (v.status === 'set-aside') return `set aside the proposal to ${words}`
        if (v.status === 'withdrawn') return `withdrew the proposal to ${words}`
        return `proposed to ${words}`
      }
      default:
        return null
    }
  }
}
