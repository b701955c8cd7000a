/**
 * The Annex cells that are the model's (`shared/annex/bound-cells.ts`), drawn in place: the
 * cell shows the inscription — a field a co-chair types the number into, which sets the
 * inscription — or what the model derives from it, read-only. The cell holds no text: a
 * local edit inside it is refused (remote changes always pass, so every replica keeps the
 * same text), and an inscription accepted anywhere shows in every client at once.
 */
import type { Node } from 'prosemirror-model'
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view'
import { ySyncPluginKey } from 'y-prosemirror'
import { boundCells, boundValue, type BoundCell } from '../../shared/annex/bound-cells.ts'
import { formatCell } from '../../shared/consolidate/computed-columns.ts'
import type { Inscriptions } from '../../shared/model/inscriptions.ts'
import type { PartyResult } from '../../shared/model/results.ts'
import { el } from '../dom/element.ts'
import type { InscriptionWriter } from './inscription-writer.ts'
import { touchesTable } from './touches-table.ts'

/** What the cells show: the inscriptions and each Party's computed row. */
export interface CellValues {
  inscriptions: Inscriptions
  rows: ReadonlyMap<string, PartyResult>
}

/** How the plugin reaches the model and the page. */
export interface AnnexCellsSetting {
  values(): CellValues
  writer: InscriptionWriter
  /** The cell's name ("Australia’s QELRC for 2013–2020 (Annex B)"). */
  nameOf(cell: BoundCell): string
  /** Tells the person why a number was refused. */
  say(text: string): void
}

interface CellsState {
  cells: BoundCell[]
  decorations: DecorationSet
}

/** The plugin's key; a transaction with this meta redraws the cells (the numbers changed). */
export const annexCellsKey = new PluginKey<CellsState>('accord-annex-cells')

/** The plugin. */
export function annexCellsPlugin(setting: AnnexCellsSetting): Plugin<CellsState> {
  const draw = (state: EditorState, cells: BoundCell[]): CellsState => {
    const values = setting.values()
    const decorations: Decoration[] = []
    cells.forEach((cell, i) => {
      const node = state.doc.nodeAt(cell.pos)
      if (!node) return
      const value = boundValue(cell.column, cell.party, values.inscriptions, values.rows.get(cell.party))
      const shown = value === undefined ? '' : formatCell(value)
      const editable = cell.column.kind === 'inscription' && setting.writer.mayWrite
      const conflict = cell.text !== '' && cell.text.trim() !== shown
      const name = setting.nameOf(cell)
      decorations.push(
        Decoration.node(cell.pos, cell.pos + node.nodeSize, {
          class: `bound-cell bound-${cell.column.kind}${conflict ? ' bound-conflict' : ''}`,
          contenteditable: 'false',
          ...(cell.key ? { 'data-key': cell.key } : {}),
          title: conflict
            ? `The text holds “${cell.text}” here; the model’s number is ${shown || 'not set'}.`
            : cell.column.kind === 'inscription'
              ? name
              : `${name}: computed by the model`,
        }),
        Decoration.widget(cell.pos + 1, () => widget(cell, shown, name, editable, setting), {
          key: `${i}|${name}|${shown}|${editable}`,
          side: -1,
          ignoreSelection: true,
          // The co-chair's field keeps its own events; a click on a figure is the cell's (below).
          stopEvent: (event) => event.target instanceof HTMLInputElement,
        }),
      )
    })
    return { cells, decorations: DecorationSet.create(state.doc, decorations) }
  }
  return new Plugin<CellsState>({
    key: annexCellsKey,
    state: {
      init: (_, state) => draw(state, boundCells(state.doc)),
      apply(tr, previous, _before, state) {
        // Typing outside the tables (most keystrokes) only moves the cells.
        if (tr.docChanged && !touchesTable(tr))
          return {
            cells: previous.cells.map((c) => ({ ...c, pos: tr.mapping.map(c.pos) })),
            decorations: previous.decorations.map(tr.mapping, tr.doc),
          }
        if (tr.docChanged) return draw(state, boundCells(state.doc))
        return tr.getMeta(annexCellsKey) ? draw(state, previous.cells) : previous
      },
    },
    props: {
      decorations: (state) => annexCellsKey.getState(state)?.decorations,
      handleDOMEvents: { mousedown: (view, event) => caretIntoCell(view, event) },
    },
    filterTransaction: (tr, state) => !editsInsideCell(tr, state),
  })
}

// A click on a cell that is not text (contenteditable=false) left the caret wherever the
// browser chose — often in the cell beside it, where a delegation's typing became a
// suggestion in the Party's name. The caret goes into the clicked cell, where typing is
// refused with the reason (`suggestion-mode.ts`) or, for a co-chair, goes nowhere.
function caretIntoCell(view: EditorView, event: MouseEvent): boolean {
  const target = event.target instanceof Element ? event.target : null
  const cell = target?.closest('.bound-cell')
  if (!cell || target instanceof HTMLInputElement) return false
  const inside = view.posAtDOM(cell, 0)
  event.preventDefault()
  view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(inside))))
  view.focus()
  return true
}

// A local change inside a bound cell's content; a change that replaces whole cells, rows or
// tables (streamlining) is not one, and remote changes are never refused.
function editsInsideCell(tr: Transaction, state: EditorState): boolean {
  if (!tr.docChanged || tr.getMeta(ySyncPluginKey)) return false
  const cells = annexCellsKey.getState(state)?.cells ?? []
  let ranges = cells.map((c) => [c.pos + 1, c.pos + state.doc.nodeAt(c.pos)!.nodeSize - 1] as const)
  for (const map of tr.mapping.maps) {
    let inside = false
    map.forEach((from, to) => {
      if (ranges.some(([a, b]) => from >= a && to <= b)) inside = true
    })
    if (inside) return true
    ranges = ranges.map(([a, b]) => [map.map(a, -1), map.map(b, 1)] as const)
  }
  return false
}

// The field or the figure a cell shows.
function widget(
  cell: BoundCell,
  shown: string,
  name: string,
  editable: boolean,
  setting: AnnexCellsSetting,
): HTMLElement {
  if (!editable || !cell.key) return el('span', { class: 'bound-value' }, shown)
  const key = cell.key
  const input = el('input', {
    class: 'bound-input',
    type: 'text',
    inputmode: 'decimal',
    size: '6',
    'aria-label': name,
  }) as HTMLInputElement
  input.value = shown
  input.addEventListener('change', () => {
    const problem = setting.writer.set(key, input.value)
    input.toggleAttribute('aria-invalid', problem !== null)
    if (problem) {
      input.title = problem
      setting.say(`${problem}. The inscription was not changed.`)
    }
  })
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') input.dispatchEvent(new Event('change'))
    else if (event.key === 'Escape') input.value = shown
  })
  return input
}
