/**
 * The side panel's proposals: every open proposal with its support and
 * objection by Party and its what-if (the proposing Party's amount and the
 * aggregate if accepted), with the buttons this account may use; below, the
 * decided ones — accepted (by whom, for which Party), set aside (why),
 * withdrawn. Each names its target and jumps there.
 */
import type { LiveProposals } from './live-proposals.ts'
import { proposalCard } from './proposal-card.ts'

/** The panel section and the function that redraws it. */
export interface ProposalsPanel {
  dom: HTMLElement
  render(): void
}

/** Creates the proposals section; `jumpTo` scrolls the text to a target. */
export function createProposalsPanel(proposals: LiveProposals, jumpTo: (id: string) => boolean): ProposalsPanel {
  const dom = document.createElement('section')
  dom.className = 'proposals-panel'
  dom.setAttribute('aria-label', 'Proposals')
  const heading = document.createElement('h2')
  heading.textContent = 'Proposals'
  const open = document.createElement('div')
  open.className = 'proposals-open'
  const decided = document.createElement('details')
  decided.className = 'proposals-decided'
  const decidedSummary = document.createElement('summary')
  const decidedList = document.createElement('div')
  decided.append(decidedSummary, decidedList)
  dom.append(heading, open, decided)

  const withTarget = (card: HTMLElement, target: string) => {
    const go = document.createElement('button')
    go.type = 'button'
    go.className = 'proposal-go'
    go.textContent = `Go to ${target}`
    go.addEventListener('click', () => jumpTo(target.includes('/') ? target.slice(target.indexOf('/') + 1) : target))
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
      open.replaceChildren(...(openOnes.length ? openOnes.map((t) => withTarget(proposalCard(t, proposals, true), t.proposal.target)) : [note(proposals.mayPropose ? 'No open proposals. Propose from a bracket, an option, a placeholder or your row of the amounts.' : 'No open proposals.')]))
      decidedSummary.textContent = `Decided and withdrawn (${closed.length})`
      decided.hidden = closed.length === 0
      decidedList.replaceChildren(...closed.map((t) => withTarget(proposalCard(t, proposals, false), t.proposal.target)))
    },
  }
}

function note(text: string): HTMLElement {
  const p = document.createElement('p')
  p.className = 'proposals-none'
  p.textContent = text
  return p
}
