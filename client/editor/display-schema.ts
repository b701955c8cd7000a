/**
 * The shared schema with a DOM rendering for every node, for the browser. Names,
 * content expressions and attributes are exactly the shared schema's, so
 * y-prosemirror builds the same nodes (it deletes what it cannot build); only
 * `toDOM` and `parseDOM` are added. Nodes with node views (bracket groups,
 * options, placeholders, footnote references, tables) are still given a plain
 * rendering here: it is what copy, paste and a missing view fall back to.
 */
import { Schema, type DOMOutputSpec, type MarkSpec, type Node, type NodeSpec } from 'prosemirror-model'
import { blockNodes } from '../../shared/schema/blocks.ts'
import { inlineMarks, inlineNodes } from '../../shared/schema/inlines.ts'

type Render = (node: Node) => DOMOutputSpec

const gapClass = (node: Node) => (node.attrs.gap > 1 ? ' gap-wide' : '')

const blockDom: Record<string, Render> = {
  article: (n) => [
    'div',
    { class: 'article', 'data-id': n.attrs.id, role: 'region', 'aria-label': `Article ${n.attrs.id}` },
    0,
  ],
  section: (n) => ['div', { class: 'section', 'data-id': n.attrs.id }, 0],
  option: (n) => ['div', { class: 'option', 'data-id': n.attrs.id }, 0],
  heading: (n) => [
    'div',
    {
      class: `heading heading-${n.attrs.level}${gapClass(n)}`,
      role: 'heading',
      'aria-level': headingLevel(n.attrs.level),
    },
    0,
  ],
  paragraph: (n) => ['p', { class: `paragraph${gapClass(n)}` }, 0],
  instruction: (n) => ['p', { class: `instruction${gapClass(n)}` }, 0],
  provision: (n) => ['p', { class: `provision${gapClass(n)}` }, 0],
  list_item: (n) => ['p', { class: `list-item${gapClass(n)}` }, 0],
  applicability: (n) => [
    'p',
    { class: 'applicability', 'data-section': n.attrs.section ?? '', 'data-option': n.attrs.option ?? '' },
    0,
  ],
  footnote: (n) => [
    'div',
    { class: `footnote footnote-${n.attrs.kind}`, 'data-id': n.attrs.id, 'data-label': n.attrs.label, role: 'note' },
    0,
  ],
  table: (n) => ['div', { class: 'annex-table', role: 'table', 'data-id': n.attrs.id }, 0],
  table_row: (n) => ['div', { class: n.attrs.header ? 'table-row header' : 'table-row', role: 'row' }, 0],
  table_cell: () => ['div', { class: 'table-cell', role: 'cell' }, 0],
  table_break: () => ['div', { class: 'table-break' }, 0],
}

const inlineDom: Record<string, Render> = {
  hard_break: () => ['br'],
  label: (n) => ['span', { class: `label label-${n.attrs.kind}` }, n.attrs.text],
  bracket_group: (n) => ['span', { class: 'bracket-group', 'data-id': n.attrs.id }, 0],
  alternative: (n) => ['span', { class: 'alternative', 'data-id': n.attrs.id }, 0],
  separator: () => ['span', { class: 'separator' }, 0],
  bracket_start: (n) => ['span', { class: 'bracket-start', 'data-group': n.attrs.group }, '['],
  bracket_end: (n) => ['span', { class: 'bracket-end', 'data-group': n.attrs.group }, ']'],
  blank: (n) => ['span', { class: 'blank', 'aria-label': 'blank to be filled' }, n.attrs.text],
  editorial_note: (n) => ['span', { class: `editorial-note editorial-${n.attrs.style}` }, 0],
  placeholder: (n) => ['span', { class: 'placeholder', 'data-name': n.attrs.name }, n.attrs.name],
  footnote_ref: (n) => ['sup', { class: 'footnote-ref' }, n.attrs.label],
}

function headingLevel(level: string): number {
  return level === 'title' ? 1 : level === 'article' ? 2 : level === 'section' ? 3 : 4
}

function withDom(specs: Record<string, NodeSpec>, dom: Record<string, Render>): Record<string, NodeSpec> {
  const out: Record<string, NodeSpec> = {}
  for (const [name, spec] of Object.entries(specs)) {
    const render = dom[name]
    out[name] = render ? { ...spec, toDOM: render } : spec
  }
  return out
}

const marks: Record<string, MarkSpec> = {
  unmatched: {
    ...inlineMarks.unmatched,
    toDOM: (m) => ['span', { class: 'unmatched', title: m.attrs.message || 'bracket with no partner' }, 0],
  },
}

/** The schema the editor uses: the shared node types, rendered. */
export const displaySchema = new Schema({
  nodes: { ...withDom(blockNodes, blockDom), ...withDom(inlineNodes, inlineDom) },
  marks,
})
