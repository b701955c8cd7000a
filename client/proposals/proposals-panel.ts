/**
 * The side panel's proposals: every open proposal with its support and
 * objection by Party and its what-if (the proposing Party's amount and the
 * aggregate if accepted), with the buttons this account may use; below, the
 * decided ones — accepted (by whom, for which Party), set aside (why),
 * withdrawn. Each names its target and jumps there.
 */
import type { LiveProposals } from './live-proposals.ts'
import { proposalCard } from './proposal-card.ts'
import { button, el } from '../dom/element.ts'

/** The panel section and the function that redraws it. */
export interface ProposalsPanel {
  dom: HTMLElement
  render(): void
}

/** Creates the proposals section; `jumpTo` scrolls the text to a target. */
export function createProposalsPanel(proposals: LiveProposals, jumpTo: (id: string) => boolean): ProposalsPanel {
  const heading = el('h2', {}, 'Proposals')
  const open = el('div', { class: 'proposals-open' })
  const decidedSummary = el('summary')
  const decidedList = el('div')
  const decided = el('details', { class: 'proposals-decided' }, decidedSummary, decidedList)
  const dom = el('section', { class: 'proposals-panel', 'aria-label': 'Proposals' }, heading, open, decided)

  const withTarget = (card: HTMLElement, target: string) => {
    const go = button('Go', { class: 'proposal-go', 'aria-label': `Go to ${proposals.name(target)}` }, () =>
      jumpTo(target.includes('/') ? target.slice(target.indexOf('/') + 1) : target),
    )
    card.querySelector('.proposal-meta')?.append(' ', go)
    return card
  }

  return {
    dom,
    render() {
      const all = proposals.all()
      const openOnes = all.filter((t) => t.proposal.status === 'open')
      const closed = all.filter((t) => t.proposal.status !== 'open').reverse()
      heading.textContent = `Proposals (${openOnes.length} open)`
      open.replaceChildren(
        ...(openOnes.length
          ? openOnes.map((t) => withTarget(proposalCard(t, proposals, true), t.proposal.target))
          : [
              note(
                proposals.mayPropose
                  ? 'No open proposals. Propose from a bracket, an option, a placeholder or your row of the amounts.'
                  : 'No open proposals.',
              ),
            ]),
      )
      decidedSummary.textContent = `Decided and withdrawn (${closed.length})`
      decided.hidden = closed.length === 0
      decidedList.replaceChildren(
        ...closed.map((t) => withTarget(proposalCard(t, proposals, false), t.proposal.target)),
      )
    },
  }
}

function note(text: string): HTMLElement {
  const p = document.createElement('p')
  p.className = 'proposals-none'
  p.textContent = text
  return p
}
