/**
 * Block-level node specs: the divisions of a negotiation text (article, section,
 * option) and the blocks inside them. Every block remembers `gap`, the number of
 * blank lines before it in the plain text, so that serialization is exact.
 *
 * Content expressions use `*`, never `+`, and every attribute has a default:
 * y-prosemirror deletes (for everyone) any node it cannot build.
 */
import type { NodeSpec } from 'prosemirror-model'

// Blank lines before the block; -1 when the block continues the line of the block
// before it (`4. Option 1: …`: the numbered paragraph's label, then the option).
const gap = { default: 1 }
const id = { default: '' }

/** Specs of the containers and blocks, in the order the schema declares them. */
export const blockNodes: Record<string, NodeSpec> = {
  doc: {
    content: '(block | division)*',
    // Plain-text framing that has no node of its own: line ending, byte-order
    // mark and the newlines after the last block.
    attrs: { eol: { default: '\n' }, bom: { default: false }, trail: { default: 1 } },
  },
  article: { group: 'division', content: '(block | section | option)*', attrs: { id }, defining: true },
  section: { group: 'division', content: '(block | option)*', attrs: { id }, defining: true },
  option: {
    group: 'division',
    content: 'block*',
    // attribution: the Party that proposed the option, when the text says so.
    // run: the id of its run, the alternatives for one place in the text (choosing
    // one drops the others of the run only; '' in documents made before runs: the
    // division's contiguous options are then one run). parent: the option whose
    // text holds this one's run (`Option A.1` inside `Option A`); options stay
    // siblings in the division, so nesting is this attribute. continues: the id of
    // the option this node is the rest of, after a run nested in it ended.
    // extent: 'guess' when the importer could not tell where the option ends,
    // 'reviewed' when a reviewer set it.
    attrs: {
      id,
      attribution: { default: null },
      run: { default: '' },
      parent: { default: null },
      continues: { default: null },
      extent: { default: null },
    },
    defining: true,
  },
  heading: {
    group: 'block',
    content: 'inline*',
    // rank: how high the heading stands (0 title, 1 part/chapter/annex, 2 article,
    // 3 lettered section; Markdown: the number of '#', 7 for a bold line); null
    // for option labels and captions, and in documents made before ranks.
    attrs: { gap, level: { default: 'section' }, rank: { default: null } },
    defining: true,
  },
  paragraph: { group: 'block', content: 'inline*', attrs: { gap } },
  instruction: { group: 'block', content: 'inline*', attrs: { gap } },
  provision: { group: 'block', content: 'inline*', attrs: { gap } },
  list_item: { group: 'block', content: 'inline*', attrs: { gap } },
  applicability: {
    group: 'block',
    content: 'inline*',
    // The option this one depends on: `section` is the id of the section the
    // note names (null when it could not be resolved), `option` its number as written.
    attrs: { gap, section: { default: null }, option: { default: null } },
  },
  footnote: {
    group: 'block',
    content: 'inline*',
    attrs: { gap, id, label: { default: '' }, kind: { default: 'numbered' } },
  },
  table: { group: 'block', content: '(table_row | table_break | footnote)*', attrs: { gap, id } },
  table_row: {
    content: 'table_cell*',
    // party: the Party the row is for, as the text writes it (markers stripped).
    attrs: { gap: { default: 0 }, header: { default: false }, party: { default: null } },
  },
  table_cell: { content: 'inline*' },
  table_break: { content: 'inline*', attrs: { gap } },
}
