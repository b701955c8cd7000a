/**
 * One proposal as everyone sees it: the Party and what it proposes, when, its
 * rationale, support and objection by Party, how it stands (and who decided,
 * why), its what-if, and the buttons this account may use on it — Support /
 * Object for other delegations, Withdraw for the proposer, Accept / Set aside
 * for co-chairs.
 */
import type { TalliedProposal } from '../../shared/proposals/tally.ts'
import type { LiveProposals } from './live-proposals.ts'
import { describeWhatIf } from './what-if-summary.ts'
import { button } from '../dom/element.ts'
import { formatDateTime } from '../format/date-format.ts'

/** Draws `tallied`; `withWhatIf` adds the numbers (the panel shows them, the compact lists at a target do not). */
export function proposalCard(tallied: TalliedProposal, proposals: LiveProposals, withWhatIf: boolean): HTMLElement {
  const { proposal: p, support, objection, reasons } = tallied
  const card = document.createElement('article')
  card.className = 'proposal-card'
  card.dataset.id = p.id
  card.dataset.status = p.status
  card.dataset.party = p.party
  const what = proposals.describe(p)
  card.setAttribute('aria-label', `${p.party} proposes ${what}, ${p.status}`)
  const head = line('proposal-head')
  head.append(strong('proposal-party', p.party), ` proposes ${what}`)
  const meta = line('proposal-meta', `${formatDateTime(p.at)} · ${statusText(tallied)}`)
  card.append(head, meta)
  if (p.rationale) card.append(line('proposal-rationale', `“${p.rationale}”`))
  const counts = line('proposal-counts')
  counts.dataset.support = String(support.length)
  counts.dataset.objection = String(objection.length)
  counts.textContent = `Support ${support.length}${support.length ? ` (${support.join(', ')})` : ''} · Object ${objection.length}${objection.length ? ` (${objection.join(', ')})` : ''}`
  card.append(counts)
  for (const party of objection)
    if (reasons[party]) card.append(line('proposal-objection-reason', `${party} objects: “${reasons[party]}”`))
  if (withWhatIf && p.status === 'open' && p.kind !== 'alternative') {
    card.append(line('proposal-what-if', `If accepted: ${describeWhatIf(proposals.whatIf(p))}`))
  }
  if (p.status === 'open') {
    const buttons = line('proposal-actions')
    const mine = p.party === proposals.party
    if (proposals.mayPropose && !mine) {
      const own = support.includes(proposals.party!)
        ? 'support'
        : objection.includes(proposals.party!)
          ? 'object'
          : null
      buttons.append(
        cardButton(
          'Support',
          `Support ${p.party}’s proposal: ${what}`,
          () => void proposals.stance(p.id, 'support'),
          own === 'support',
        ),
        cardButton(
          'Object',
          `Object to ${p.party}’s proposal: ${what}`,
          () => void proposals.stance(p.id, 'object'),
          own === 'object',
        ),
      )
    }
    if (proposals.mayPropose && mine)
      buttons.append(cardButton('Withdraw', `Withdraw your proposal: ${what}`, () => proposals.withdraw(p.id)))
    if (proposals.mayDecide) {
      buttons.append(
        cardButton('Accept', `Accept ${p.party}’s proposal: ${what}`, () => void proposals.accept(p.id)),
        cardButton('Set aside…', `Set aside ${p.party}’s proposal: ${what}`, () => void proposals.setAside(p.id)),
      )
    }
    if (buttons.childElementCount) card.append(buttons)
  } else if (p.status === 'set-aside' && proposals.mayDecide) {
    const buttons = line('proposal-actions')
    buttons.append(cardButton('Reopen', `Reopen ${p.party}’s proposal: ${what}`, () => proposals.reopen(p.id)))
    card.append(buttons)
  }
  return card
}

/** The proposals on `target` as a compact list (empty element when there are none). */
export function proposalList(target: string, proposals: LiveProposals): HTMLElement {
  const list = document.createElement('div')
  list.className = 'proposal-list'
  list.dataset.target = target
  const items = proposals.on(target).filter((t) => t.proposal.status === 'open' || t.proposal.status === 'accepted')
  list.hidden = items.length === 0
  if (items.length) list.setAttribute('aria-label', `Proposals on ${proposals.name(target)}`)
  list.append(...items.map((t) => proposalCard(t, proposals, false)))
  return list
}

function statusText({ proposal: p }: TalliedProposal): string {
  switch (p.status) {
    case 'open':
      return 'open'
    case 'withdrawn':
      return 'withdrawn'
    case 'accepted': {
      const over = p.decision?.overObjections ?? []
      return `accepted by ${p.decision?.by ?? '?'} (proposed by ${p.party})${over.length ? `, over the objection of ${over.map((o) => o.party).join(', ')}` : ''}`
    }
    case 'set-aside':
      return `set aside by ${p.decision?.by ?? '?'}: ${p.decision?.reason ?? ''}`
  }
}

function line(className: string, text = ''): HTMLElement {
  const el = document.createElement('div')
  el.className = className
  el.textContent = text
  return el
}

function strong(className: string, text: string): HTMLElement {
  const el = document.createElement('strong')
  el.className = className
  el.textContent = text
  return el
}

function cardButton(text: string, label: string, action: () => void, pressed?: boolean): HTMLButtonElement {
  const className = `proposal-${text.replace(/\W+/g, '-').replace(/-$/, '').toLowerCase()}`
  const b = button(
    text,
    { class: className, 'aria-label': label, ...(pressed === undefined ? {} : { 'aria-pressed': String(pressed) }) },
    action,
  )
  // The card sits beside the editor: pressing a button must not take the caret out of the text.
  b.addEventListener('mousedown', (event) => event.preventDefault())
  return b
}
