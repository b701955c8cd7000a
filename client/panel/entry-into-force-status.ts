/**
 * Where the amendment stands under ARTICLE 2: for Option 1 and Option 2, the
 * three-fourths threshold, acceptances received, how many are missing and the
 * date of entry into force, from the acceptance list in the text room — in the
 * panel with a jump to the article, and as one line beside its heading.
 */
import type { Article2, Article2Status } from '../../shared/entry-into-force/article-2.ts'
import type { EntryIntoForceStatus } from '../../shared/entry-into-force/evaluate.ts'
import { button, el } from '../dom/element.ts'

/** The status's panel section, its one-line badge for the heading, and the function that redraws both. */
export interface EntryIntoForceView {
  dom: HTMLElement
  /** The line shown beside ARTICLE 2's heading. */
  badge: HTMLElement
  render(status: Article2Status, article: Article2 | null, chosen: 1 | 2 | null, invalid: number): void
}

/** One line for an option: in force since, or enters into force on, or what is missing. */
export function statusLine(s: EntryIntoForceStatus): string {
  if (s.inForce) return `in force since ${s.entryIntoForce}`
  if (s.entryIntoForce) return `enters into force ${s.entryIntoForce}`
  const provisional = s.provisionallyApplied ? `applied provisionally since ${s.provisionalFrom}; ` : ''
  return `${provisional}${s.accepted} of ${s.threshold} acceptances, ${s.acceptancesMissing} missing`
}

/** Creates the view; `jumpTo` moves the editor to ARTICLE 2. */
export function createEntryIntoForceView(jumpTo: (id: string) => boolean): EntryIntoForceView {
  let articleId: string | null = null
  const jump = button('Go to ARTICLE 2', { class: 'jump' }, () => {
    if (!articleId || !jumpTo(articleId)) jump.title = 'ARTICLE 2 is not in the text'
  })
  const table = el('table', { class: 'eif-table' })
  table.innerHTML =
    '<thead><tr><th scope="col"></th><th scope="col">Threshold</th><th scope="col">Accepted</th><th scope="col">Missing</th><th scope="col">Entry into force</th></tr></thead>'
  const body = el('tbody')
  table.append(body)
  const note = el('p', { class: 'eif-note' })
  const dom = el(
    'section',
    { class: 'entry-into-force', 'aria-label': 'Entry into force' },
    el('h2', {}, 'Entry into force (ARTICLE 2)'),
    jump,
    table,
    note,
  )
  const badge = el('span', { class: 'eif-badge' })
  badge.setAttribute('role', 'status')

  return {
    dom,
    badge,
    render(status, article, chosen, invalid) {
      articleId = article?.id ?? null
      jump.disabled = !article
      const rows: [1 | 2, EntryIntoForceStatus][] = [
        [1, status.option1],
        [2, status.option2],
      ]
      body.replaceChildren(
        ...rows.map(([option, s]) => {
          const tr = document.createElement('tr')
          tr.dataset.option = String(option)
          if (option === chosen) tr.className = 'chosen'
          const th = document.createElement('th')
          th.scope = 'row'
          th.textContent = `Option ${option}${option === chosen ? ' (chosen)' : ''}`
          const date = s.entryIntoForce ?? (s.provisionallyApplied ? `provisional since ${s.provisionalFrom}` : '—')
          tr.append(
            th,
            ...[s.threshold, s.accepted, s.acceptancesMissing, date].map((v, i) => {
              const td = document.createElement('td')
              td.textContent = String(v)
              td.className = ['threshold', 'accepted', 'missing', 'date'][i]
              return td
            }),
          )
          return tr
        }),
      )
      note.textContent = `${status.partiesToProtocol} Parties to the Protocol; three fourths is ${status.option1.threshold}. As of ${status.option1.asOf}.${invalid ? ` ${invalid} malformed entr${invalid === 1 ? 'y' : 'ies'} ignored.` : ''}`
      const shown = chosen ?? 1
      badge.textContent = `${chosen ? `Option ${chosen}` : 'Option 1'}: ${statusLine(shown === 1 ? status.option1 : status.option2)}`
      badge.dataset.option = String(shown)
    },
  }
}
