/**
 * A proposal in the negotiators' words — "choose [2013 to 2020] (g39)",
 * "X = 45", "QELRC (cp2) for Norway: 84 %", "add the alternative [2013 to
 * 2025] to g39" — read against the text on screen, so a node is named by what
 * it says rather than its id alone.
 */
import type { Node } from 'prosemirror-model'
import { INSCRIPTION_COLUMNS } from '../../shared/model/inscriptions.ts'
import type { Proposal } from '../../shared/proposals/proposal.ts'

/** What `proposal` asks for, in words. */
export function describeProposal(proposal: Pick<Proposal, 'kind' | 'target' | 'value'>, doc: Node): string {
  const value = proposal.value
  switch (proposal.kind) {
    case 'resolution': {
      const v = String(value)
      if (v === 'kept' || v === 'deleted')
        return `${v === 'kept' ? 'keep' : 'delete'} [${short(textOf(doc, proposal.target))}] (${proposal.target})`
      if (v === 'chosen' || v === 'dropped')
        return `${v === 'chosen' ? 'choose' : 'drop'} ${optionLabel(doc, proposal.target)}`
      return `choose [${short(textOf(doc, v))}] (${proposal.target})`
    }
    case 'alternative':
      return `add the alternative [${short(String(value))}] to ${proposal.target}`
    case 'value':
      return `${proposal.target} = ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`
    case 'inscription': {
      const cut = proposal.target.indexOf('/')
      const column = proposal.target.slice(0, cut)
      const unit = column.endsWith('Gg') ? ' Gg' : column === 'election' ? '' : ' %'
      const what = column === 'cp2' ? 'QELRC (cp2)' : column in INSCRIPTION_COLUMNS ? column : `column ${column}`
      return `${what} for ${proposal.target.slice(cut + 1)}: ${String(value)}${unit}`
    }
  }
}

/** The text of the node with id `id` ('' when the text has none). */
export function textOf(doc: Node, id: string): string {
  let text = ''
  let found = false
  doc.descendants((node) => {
    if (found) return false
    if (node.attrs.id === id) {
      text = node.textContent
      found = true
      return false
    }
    return true
  })
  return text
}

function optionLabel(doc: Node, id: string): string {
  let label = ''
  doc.descendants((node) => {
    if (label) return false
    if (node.type.name === 'option' && node.attrs.id === id) {
      label = (node.firstChild?.textContent ?? '').trim().replace(/[:.\s]+$/, '') || id
      return false
    }
    return true
  })
  return `${short(label || id)} (${id})`
}

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}
