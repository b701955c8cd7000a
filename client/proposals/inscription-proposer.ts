/**
 * A delegation proposes its own Party's QELRC (the `cp2` column) from its row
 * of the assigned-amounts table: a button in the row's Party cell, added again
 * after every redraw of the table (the panel rebuilds its rows). A Party with
 * no row yet (outside the non-paper's Annex B) gets the button under the table.
 */
import { inscriptionKey } from '../../shared/model/inscriptions.ts'
import type { LiveProposals } from './live-proposals.ts'
import { button } from '../dom/element.ts'

/** Adds the delegation's "Propose QELRC…" button to `panel` (the amounts panel's element); nothing for other roles. */
export function addInscriptionProposer(panel: HTMLElement, proposals: LiveProposals): void {
  const party = proposals.party
  if (!proposals.mayPropose || !party) return
  panel.querySelector('.inscription-propose')?.remove()
  const target = inscriptionKey('cp2', party)
  const b = button(
    'Propose QELRC…',
    { class: 'inscription-propose', 'aria-label': `Propose ${proposals.name(target)}, % of base year` },
    () => void proposals.propose({ kind: 'inscription', target }),
  )
  const row = [...panel.querySelectorAll<HTMLTableRowElement>('tbody tr')].find((tr) => tr.dataset.party === party)
  if (row) row.cells[0].append(' ', b)
  else panel.append(b)
}
