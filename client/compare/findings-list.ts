/**
 * The structural findings of a comparison, in the order delegations read
 * them: brackets resolved, options chosen, dropped and merged, proposals
 * accepted, then what was added, removed or reopened, and the steps the
 * document log records in between, each signed. Each item names the
 * node as the text does (its words and where they stand), never by id.
 */
import type { Comparison } from '../../shared/compare/index.ts'
import { el } from '../dom/element.ts'
import { formatDateTime } from '../format/date-format.ts'

/** A list of the findings; says so when there are none. */
export function findingsList(comparison: Comparison): HTMLElement {
  const f = comparison.findings
  // Proposals name their targets by key: the brackets the comparison found give the words.
  const words = new Map<string, string>()
  for (const g of [...f.bracketsResolved, ...f.bracketsAdded, ...f.bracketsRemoved, ...f.bracketsReopened])
    if (g.text) words.set(g.id, `${g.text}, ${g.location}`)
  for (const o of [...f.optionsChosen, ...f.optionsDropped, ...f.optionsAdded])
    words.set(o.id, `${o.name}, ${o.location}`)
  const bracket = (g: { text: string; location: string }) => `${g.text || 'a bracket'}, ${g.location}`
  const sections: [string, string, string[]][] = [
    [
      'resolved',
      'Brackets resolved',
      f.bracketsResolved.map((g) => `${g.text || 'a bracket'} → ${g.outcome}, ${g.location}`),
    ],
    ['chosen', 'Options chosen', f.optionsChosen.map((o) => `${o.name}, ${o.location}`)],
    [
      'dropped',
      'Options dropped',
      f.optionsDropped.map(
        (o) => `${o.name}, ${o.location} — ${o.how === 'removed' ? 'taken out of the text' : 'dropped by decision'}`,
      ),
    ],
    ['merged', 'Options merged', f.optionsMerged.map((o) => `${o.name} merged into ${o.into.name}, ${o.location}`)],
    [
      'accepted',
      'Proposals accepted',
      f.proposalsAccepted.map((p) => `${p.party}: ${p.words}${p.decision ? ` (accepted by ${p.decision.by})` : ''}`),
    ],
    ['added', 'Brackets added', f.bracketsAdded.map(bracket)],
    ['removed', 'Brackets removed', f.bracketsRemoved.map((g) => `${bracket(g)}${g.reason ? ` — ${g.reason}` : ''}`)],
    ['reopened', 'Brackets reopened', f.bracketsReopened.map(bracket)],
    ['new-options', 'Options added', f.optionsAdded.map((o) => `${o.name}, ${o.location}`)],
    [
      'steps',
      'Steps taken, from the document log',
      f.steps.map((e) => `${e.by} ${e.summary} (${formatDateTime(e.at)})`),
    ],
  ]
  const out = el(
    'section',
    { class: 'findings', 'aria-label': 'What changed in the negotiation' },
    el('h3', {}, 'What changed in the negotiation'),
  )
  const present = sections.filter(([, , items]) => items.length > 0)
  if (present.length === 0) out.append(el('p', { class: 'muted' }, 'No bracket, option or proposal changed.'))
  for (const [kind, title, items] of present) {
    out.append(
      el('h4', {}, `${title} (${items.length})`),
      el('ul', { class: `finding-list finding-${kind}` }, ...items.map((text) => el('li', {}, text))),
    )
  }
  const c = comparison.counts
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`
  out.append(
    el(
      'p',
      { class: 'compare-counts' },
      `${n(c.changed, 'line')} changed, ${c.added} added, ${c.removed} removed; ${n(c.wordsAdded, 'word')} added, ${c.wordsRemoved} removed. Open: ${comparison.remaining.from.brackets} → ${comparison.remaining.to.brackets} brackets, ${comparison.remaining.from.options} → ${comparison.remaining.to.options} options.`,
    ),
  )
  return out
}
