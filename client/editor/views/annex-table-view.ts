/**
 * Annex tables with the model's assigned amount beside the text's columns: in the
 * percentage layouts every Party row gets the amount for the period in force. It is not
 * part of the text: it is marked as computed, cannot be edited, and shows only in the
 * table of the option whose layout is in force. The text's own columns that hold the
 * model's numbers (the inscription, Option 3's reduction rates) show them in place
 * (`client/annex-cells/`), so no column is repeated here.
 */
import type { Node } from 'prosemirror-model'
import type { EditorView, NodeView, ViewMutationRecord } from 'prosemirror-view'
import type { PartyResult } from '../../../shared/model/results.ts'
import type { EditorContext } from '../editor-context.ts'
import type { LiveState } from '../../model/live-computation.ts'
import { formatTonnes } from '../../format/number-format.ts'

/** The view of a `table` node: the table plus a caption saying which columns are computed. */
export class AnnexTableView implements NodeView {
  dom: HTMLElement
  contentDOM: HTMLElement

  constructor(node: Node) {
    this.dom = document.createElement('div')
    this.dom.className = 'annex-table-wrap'
    this.contentDOM = document.createElement('div')
    this.contentDOM.className = 'annex-table'
    this.contentDOM.setAttribute('role', 'table')
    this.contentDOM.dataset.id = node.attrs.id
    this.dom.append(this.contentDOM)
  }

  ignoreMutation(mutation: ViewMutationRecord): boolean {
    return !this.contentDOM.contains(mutation.target)
  }
}

/** The view of a `table_row`: its text cells, then the computed ones. */
export class TableRowView implements NodeView {
  dom: HTMLElement
  contentDOM: HTMLElement
  private computed: HTMLElement
  private unsubscribe: () => void

  constructor(
    private node: Node,
    private view: EditorView,
    private getPos: () => number | undefined,
    private cx: EditorContext,
  ) {
    this.dom = document.createElement('div')
    this.dom.className = node.attrs.header ? 'table-row header' : 'table-row'
    this.dom.setAttribute('role', 'row')
    this.contentDOM = document.createElement('div')
    this.contentDOM.className = 'table-row-cells'
    this.computed = document.createElement('div')
    this.computed.className = 'table-row-computed'
    this.computed.contentEditable = 'false'
    this.dom.append(this.contentDOM, this.computed)
    this.unsubscribe = cx.live.subscribe((state) => this.render(state))
    queueMicrotask(() => this.render(cx.live.current))
  }

  update(node: Node): boolean {
    if (node.type !== this.node.type) return false
    const again = node.attrs.party !== this.node.attrs.party || node.attrs.header !== this.node.attrs.header
    this.node = node
    if (again) this.render(this.cx.live.current)
    return true
  }

  ignoreMutation(mutation: ViewMutationRecord): boolean {
    return !this.contentDOM.contains(mutation.target)
  }

  destroy(): void {
    this.unsubscribe()
  }

  /** The layout of the option this row's table stands in (null outside Annex B's options). */
  private layout(state: LiveState): string | null {
    const pos = this.getPos()
    if (pos === undefined) return null
    const $pos = this.view.state.doc.resolve(Math.min(pos, this.view.state.doc.content.size))
    for (let d = $pos.depth; d > 0; d--) {
      const n = $pos.node(d)
      if (n.type.name === 'option') return state.optionLayouts.get(n.attrs.id) ?? null
    }
    return null
  }

  private render(state: LiveState): void {
    const layout = this.layout(state)
    const header = this.node.attrs.header
    const party: string | null = this.node.attrs.party
    if (!layout || (!header && !party)) return this.fill([])
    const results = state.computation.results
    const inForce = results.layout === layout
    // Option 3's table has its amount and its rates as columns of the text.
    if (layout === 'assigned-amount') return this.fill([])
    if (header) {
      // Only the first header row names the computed columns; later ones stay blank.
      if (this.isFirstHeader()) {
        const period = results.period ? `${results.period.start}–${results.period.end}` : 'period not chosen'
        return this.fill([{ text: `Assigned amount ${period} (t CO₂ eq)`, note: 'computed' }], true)
      }
      return this.fill([{}], true)
    }
    const row = inForce ? results.rows.find((r) => r.party === party) : undefined
    if (!inForce) return this.fill([{ text: '—', title: 'this option’s table is not the one in force' }])
    this.fill(amountCells(row))
  }

  private isFirstHeader(): boolean {
    const pos = this.getPos()
    if (pos === undefined) return true
    const $pos = this.view.state.doc.resolve(pos)
    const table = $pos.parent
    for (let i = 0; i < $pos.index(); i++)
      if (table.child(i).type.name === 'table_row' && table.child(i).attrs.header) return false
    return true
  }

  private fill(cells: Cell[], header = false): void {
    const key = JSON.stringify(cells)
    if (this.computed.dataset.key === key) return
    this.computed.dataset.key = key
    this.computed.replaceChildren(
      ...cells.map((c) => {
        const el = document.createElement('div')
        el.className = `table-cell computed-cell${header ? ' computed-header' : ''}${c.approximate ? ' approximate' : ''}`
        el.setAttribute('role', header ? 'columnheader' : 'cell')
        el.textContent = c.text ?? ''
        if (c.note) {
          const tag = document.createElement('span')
          tag.className = 'computed-tag'
          tag.textContent = c.note
          el.append(tag)
        }
        if (c.title) el.title = c.title
        return el
      }),
    )
  }
}

interface Cell {
  text?: string
  note?: string
  title?: string
  approximate?: boolean
}

function amountCells(row: PartyResult | undefined): Cell[] {
  if (!row) return [{ text: '' }]
  const amount: Cell =
    row.assignedAmountT === null
      ? { text: '', title: row.missing ?? '' }
      : {
          text: `${row.approximate ? '~' : ''}${formatTonnes(row.assignedAmountT)}`,
          approximate: row.approximate,
          title: row.source,
        }
  return [amount]
}
