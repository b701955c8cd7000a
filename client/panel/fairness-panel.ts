/**
 * Fairness beside the text: the income/cut yardstick of the document's
 * second-period inscriptions (chart, slope, R², n), Frankel's suggested QELRC
 * beside each inscription, and ARTICLE 2's entry-into-force status from the
 * acceptance list in the text room. The figures come from the same shared
 * functions as the API's, recomputed from each live state and from every change
 * to the acceptance list.
 */
import type * as Y from 'yjs'
import type { EditorView } from 'prosemirror-view'
import {
  article2Status,
  chosenArticle2Option,
  findArticle2,
  type Article2,
} from '../../shared/entry-into-force/article-2.ts'
import { readSharedAcceptances } from '../../shared/document/acceptances.ts'
import type { Party } from '../../shared/parties/party.ts'
import {
  negotiationFrankel,
  negotiationYardstick,
  type NegotiationFrankel,
  type NegotiationYardstick,
} from '../../shared/yardsticks/negotiation.ts'
import type { Account } from '../app/session.ts'
import { showHeadingBadge } from '../editor/heading-badge.ts'
import type { LiveState } from '../model/live-computation.ts'
import { createEntryIntoForceView } from './entry-into-force-status.ts'
import { createFrankelTable } from './frankel-table.ts'
import { shippedYardstickData } from './shipped-yardstick-data.ts'
import { createYardstickChart } from './yardstick-chart.ts'
import './fairness-panel.css'
import { el } from '../dom/element.ts'
import { textRoom } from '../../shared/document/text-room.ts'

/** What the panel reads: the text room, the editor (for ARTICLE 2), who is looking, and how to jump. */
export interface FairnessPanelOptions {
  ydoc: Y.Doc
  view: EditorView
  account: Account
  parties: readonly Party[]
  jumpTo(id: string): boolean
}

/** The panel's element, the function that redraws it, and the function that stops it. */
export interface FairnessPanel {
  dom: HTMLElement
  render(state: LiveState): void
  destroy(): void
}

// Doha's second period, for as long as the text leaves the period open.
const defaultPeriod = { start: 2013, end: 2020 }

/** Creates the fairness panel. */
export function createFairnessPanel(o: FairnessPanelOptions): FairnessPanel {
  const data = shippedYardstickData()
  const select = el('select', { class: 'party-select', 'aria-label': 'Party to highlight' })
  const stats = el('p', { class: 'yardstick-stats', 'aria-live': 'polite' })
  const selectedLine = el('p', { class: 'selected-party' })
  const pick = (party: string) => {
    selected = party
    select.value = party
    draw()
  }
  const chart = createYardstickChart(pick)
  const table = createFrankelTable(pick)
  const entry = createEntryIntoForceView(o.jumpTo)
  const dom = el(
    'section',
    { class: 'fairness-panel', 'aria-label': 'Fairness yardsticks' },
    el('h2', {}, 'Income/cut yardstick'),
    select,
    stats,
    chart.dom,
    selectedLine,
    el('h3', {}, 'Frankel’s suggested targets'),
    table.dom,
    entry.dom,
  )

  // A delegation sees its own Party first; the data spells the EU "European Union".
  const own = o.account.party
    ? o.parties.find((p) => p.name === o.account.party || p.aliases.includes(o.account.party!))
    : undefined
  let selected: string | null = own
    ? ([own.name, ...own.aliases].find((n) => data.inscriptions.some((i) => i.party === n)) ?? null)
    : null
  let state: LiveState | null = null
  let cellsKey = ''
  let yardstick: NegotiationYardstick | null = null
  let frankel: NegotiationFrankel | null = null
  let article: Article2 | null = null
  let articleDoc: unknown = null

  select.addEventListener('change', () => pick(select.value))

  const draw = () => {
    if (!yardstick || !frankel) return
    const y = yardstick.yardstick
    stats.textContent = y
      ? `slope ${y.cutPer10PercentIncome.toFixed(2)} % cut per 10 % income · R² ${y.line.rSquared.toFixed(2)} · n ${y.line.n}`
      : `No line yet: ${yardstick.reason}`
    stats.dataset.n = String(y?.line.n ?? 0)
    chart.render(y, selected)
    table.render(frankel, y, selected)
    const row = y?.rows.find((r) => r.party === selected)
    const suggestion = frankel.suggestions.find((s) => s.party === selected)
    selectedLine.textContent = !selected
      ? ''
      : `${selected}: ${row ? `cut ${row.cutPercent.toFixed(1)} %, ${Math.abs(row.distancePercent).toFixed(1)} points ${row.distancePercent >= 0 ? 'above' : 'below'} the line` : 'not on the chart'}${suggestion?.suggestedQelrc ? `; Frankel suggests ${suggestion.suggestedQelrc.toFixed(1)} % of base year` : ''}`
  }

  const drawEntryIntoForce = () => {
    if (!state) return
    const doc = o.view.state.doc
    if (doc !== articleDoc) {
      articleDoc = doc
      article = findArticle2(doc)
    }
    const { acceptances, invalid } = readSharedAcceptances(o.ydoc)
    // The date of evaluation is today: the only clock read, at the edge.
    const status = article2Status(acceptances, new Date().toISOString().slice(0, 10))
    entry.render(
      status,
      article,
      article ? chosenArticle2Option(article, state.scenario.resolutions) : null,
      invalid.length,
    )
  }

  const acceptances = textRoom(o.ydoc).acceptances
  const onAcceptances = () => drawEntryIntoForce()
  acceptances.observe(onAcceptances)
  const removeBadge = showHeadingBadge(o.view, (doc) => findArticle2(doc)?.id ?? null, entry.badge)

  return {
    dom,
    render(next) {
      state = next
      const cells = Object.fromEntries(Object.entries(next.scenario.inscriptions).filter(([k]) => k.startsWith('cp2/')))
      const period = next.computation.results.period ?? defaultPeriod
      const key = JSON.stringify([cells, period.start, period.end])
      // Inscriptions change rarely beside everything else that repaints the panel: refit only when they do.
      if (key !== cellsKey) {
        cellsKey = key
        yardstick = negotiationYardstick(data, cells, o.parties)
        frankel = negotiationFrankel(data, cells, o.parties, { start: period.start, end: period.end })
        const names = frankel.suggestions.map((s) => s.party)
        if (select.options.length !== names.length) {
          select.replaceChildren(...names.map((n) => new Option(n, n)))
          if (selected === null) selected = yardstick.yardstick?.rows[0]?.party ?? names[0] ?? null
          if (selected) select.value = selected
        }
        draw()
      }
      drawEntryIntoForce()
    },
    destroy() {
      acceptances.unobserve(onAcceptances)
      removeBadge()
    },
  }
}
