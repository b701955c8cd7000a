/**
 * A proposal in the negotiators' words — "choose [2013 to 2020] in paragraph 7 bis",
 * "drop Option 2 of section A", "X (aggregate reduction below 1990) = 45",
 * "Norway’s QELRC for 2013–2020 (Annex B): 84 %", "add the alternative [2013 to
 * 2025] to [2013 to 2017][2013 to 2020] in paragraph 7 bis" — read against the text
 * it is made on, never by id.
 */
import type { Node } from 'prosemirror-model'
import type { Period } from '../model/variables.ts'
import { inscriptionUnit, nameInscription } from './inscription-name.ts'
import { nameNode } from './node-name.ts'
import { nameReference } from './reference-name.ts'
import { quoted } from '../streamline/bracket-words.ts'
import type { Proposal } from '../proposals/proposal.ts'

/** What `proposal` asks for, in words; `period` is the second period the model has chosen. */
export function describeProposal(
  proposal: Pick<Proposal, 'kind' | 'target' | 'value'>,
  doc: Node,
  period: Period | null = null,
): string {
  const value = proposal.value
  switch (proposal.kind) {
    case 'resolution': {
      const v = String(value)
      if (v === 'kept' || v === 'deleted')
        return `${v === 'kept' ? 'keep' : 'delete'} ${nameNode(doc, proposal.target)}`
      if (v === 'chosen' || v === 'dropped')
        return `${v === 'chosen' ? 'choose' : 'drop'} ${nameNode(doc, proposal.target)}`
      return `choose ${nameNode(doc, v)}`
    }
    case 'alternative':
      return `add the alternative ${quoted(String(value))} to ${nameNode(doc, proposal.target)}`
    case 'value':
      return `${nameReference(doc, proposal.target)} = ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`
    case 'inscription':
      return `${nameInscription(proposal.target, period)}: ${String(value)}${inscriptionUnit(proposal.target)}`
  }
}
