/**
 * The Annex cells bound to the model, as a feature of the editor: the plugin, redrawn
 * whenever the live numbers change (an inscription set in another client, a proposal
 * accepted, the period chosen).
 */
import type { EditorView } from 'prosemirror-view'
import type { EditorFeature } from '../editor/editor-feature.ts'
import type { LiveComputation } from '../model/live-computation.ts'
import { annexCellsKey, annexCellsPlugin, type AnnexCellsSetting } from './annex-cells-plugin.ts'
import type { BoundCell } from '../../shared/annex/bound-cells.ts'
import { possessive } from '../../shared/naming/node-name.ts'

const ANNEX_C_WORDS = {
  baseYearPct: 'commitment as a percentage of its base year',
  referenceYear2007Pct: 'commitment as a percentage of 2007',
  budgetGg: 'budget in Gg',
} as const

/** The feature; `live` gives the numbers. */
export function annexCellsFeature(
  live: LiveComputation,
  setting: Omit<AnnexCellsSetting, 'values' | 'nameOf'> & { names: (key: string) => string },
): EditorFeature & { destroy(): void } {
  const nameOf = (cell: BoundCell) => {
    const c = cell.column
    if (cell.key) return setting.names(cell.key)
    const party = possessive(cell.party)
    if (c.kind === 'rate') return `${party} reduction rate from ${c.year} (Annex B)`
    return `${party} ${c.kind === 'annexC' ? ANNEX_C_WORDS[c.field] : 'figure'} (Annex C)`
  }
  let view: EditorView | null = null
  const values = () => {
    const state = live.current
    return {
      inscriptions: state.scenario.inscriptions,
      rows: new Map(state.computation.results.rows.map((r) => [r.party, r])),
    }
  }
  const stop = live.subscribe(() => view?.dispatch(view.state.tr.setMeta(annexCellsKey, true)))
  return {
    plugins: () => [annexCellsPlugin({ writer: setting.writer, say: setting.say, nameOf, values })],
    mounted: (editor) => {
      view = editor.view
      view.dispatch(view.state.tr.setMeta(annexCellsKey, true))
    },
    destroy: () => {
      stop()
      view = null
    },
  }
}
