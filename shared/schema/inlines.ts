/**
 * Inline node and mark specs: the structure negotiators read inside a line —
 * bracket groups and their alternatives, blanks, editorial notes, placeholders,
 * footnote references and labels ("Option 2:", "1 bis.", "(a)").
 *
 * Each node keeps exactly the characters it was written with, so the plain
 * text can be rebuilt to the character.
 */
import type { MarkSpec, NodeSpec } from 'prosemirror-model'

const id = { default: '' }

/** Specs of the inline nodes. */
export const inlineNodes: Record<string, NodeSpec> = {
  text: { group: 'inline' },
  hard_break: { group: 'inline', inline: true, selectable: false },
  /** A number or name that labels its block, kept as written for renumbering. */
  label: {
    group: 'inline',
    inline: true,
    atom: true,
    attrs: { kind: { default: 'option' }, text: { default: '' }, value: { default: '' } },
  },
  /**
   * Square brackets: one alternative is optional text (keep or delete); two or
   * more are alternatives of which one survives. `style` is `square` or `slash`
   * (`shall / should`, no brackets); `guess` says why the importer grouped it so
   * when the text alone could not tell (null when it could).
   */
  bracket_group: {
    group: 'inline',
    inline: true,
    content: '(alternative | separator)*',
    attrs: { id, style: { default: 'square' }, guess: { default: null } },
  },
  alternative: { content: 'inline*', attrs: { id } },
  /** What stands between two alternatives that are not written `][`. */
  separator: { content: 'inline*' },
  /**
   * A bracket whose pair lies in another block (it spans paragraphs, headings
   * or table cells). `group` and `alt` tie the two ends and the alternatives
   * of one group together.
   */
  bracket_start: {
    group: 'inline',
    inline: true,
    atom: true,
    attrs: { group: id, alt: id },
  },
  bracket_end: {
    group: 'inline',
    inline: true,
    atom: true,
    attrs: { group: id, alt: id },
  },
  /** `[...]`: a blank still to be filled. */
  blank: { group: 'inline', inline: true, atom: true, attrs: { id, text: { default: '[...]' } } },
  /** `[*…*]` or `{…}`: a drafting note, not negotiated text. */
  editorial_note: {
    group: 'inline',
    inline: true,
    content: 'text*',
    attrs: { id, style: { default: 'square' } },
  },
  /**
   * A letter standing for a number not yet agreed (X, V, W …), its `name` exactly
   * as written: `X`, `XX`, `20XX`, `X.X`, the `x` of `[x]`.
   */
  placeholder: { group: 'inline', inline: true, atom: true, attrs: { id, name: { default: 'X' } } },
  /** A footnote marker as written: `¹⁰`, `^a`, `^{a*}`, `*`. */
  footnote_ref: {
    group: 'inline',
    inline: true,
    atom: true,
    attrs: { id, label: { default: '' }, text: { default: '' } },
  },
}

/** Specs of the marks. */
export const inlineMarks: Record<string, MarkSpec> = {
  /** A bracket character with no partner: kept as text, flagged. */
  unmatched: { attrs: { message: { default: '' } }, inclusive: false },
}
