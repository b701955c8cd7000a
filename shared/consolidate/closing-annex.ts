/**
 * What an issued consolidated text says about itself, after the text: an annex
 * "Unresolved in this text" listing every bracket, option, placeholder, blank
 * and note still open with where it stands; "Notes on this consolidation"
 * listing what the consolidation did beyond applying decisions (brackets that
 * followed a linked decision, options dropped because their applicability note
 * does not hold, inscriptions with no row to carry them); and the assigned
 * amounts the model computes from the inscriptions. They are built as blocks of
 * the text's own schema, so every exporter draws them like the text — and each
 * is marked as the secretariat's, never as negotiated text.
 */
import type { Node, Schema } from 'prosemirror-model'
import type { Computation } from '../model/compute.ts'
import type { UnresolvedItem, UnresolvedKind } from './unresolved.ts'

/** Something the consolidation did that is not the plain application of a decision. */
export interface ConsolidationNote {
  kind: 'followed' | 'applicability' | 'notice'
  /** The node concerned, when there is one. */
  id: string | null
  text: string
}

const KIND_WORDS: Record<UnresolvedKind, string> = {
  alternatives: 'alternatives',
  optional: 'optional text',
  option: 'option',
  placeholder: 'placeholder without a value',
  blank: 'blank to be filled',
  'editorial-note': 'editorial note',
  'unmatched-bracket': 'bracket without its partner',
}

/** The id of the annex listing what is open, and of the notes (for anchors and Akoma Ntoso eIds). */
export const ANNEX_IDS = { unresolved: 'annex-unresolved', notes: 'annex-notes', amounts: 'annex-amounts' } as const

/** The annex blocks for a consolidation: empty parts are left out. */
export function closingAnnex(
  schema: Schema,
  unresolved: readonly UnresolvedItem[],
  notes: readonly ConsolidationNote[],
  computation?: Computation,
): Node[] {
  const n = schema.nodes
  const heading = (text: string) => n.heading.create({ level: 'article', gap: 2 }, schema.text(text))
  const para = (text: string) => n.paragraph.create({ gap: 1 }, schema.text(text))
  const item = (text: string) => n.list_item.create({ gap: 1 }, schema.text(text))
  const out: Node[] = []
  out.push(
    n.article.create({ id: ANNEX_IDS.unresolved }, [
      heading('Annex: Unresolved in this text'),
      para(
        unresolved.length
          ? `${unresolved.length} ${unresolved.length === 1 ? 'item remains' : 'items remain'} open in this consolidated text, in the order of the text. Listed by the secretariat; not part of the negotiated text.`
          : 'Nothing remains open in this consolidated text.',
      ),
      ...unresolved.map((u) =>
        item(`${withoutNoteMarks(u.text)} — ${KIND_WORDS[u.kind]} (${u.id}); ${withoutNoteMarks(u.location)}`),
      ),
    ]),
  )
  if (notes.length)
    out.push(
      n.article.create({ id: ANNEX_IDS.notes }, [
        heading('Annex: Notes on this consolidation'),
        para('What the consolidation did besides applying the decisions taken. Not part of the negotiated text.'),
        ...notes.map((note) => item(withoutNoteMarks(note.text))),
      ]),
    )
  const rows = (computation?.results.rows ?? []).filter((r) => r.inscribed !== null && r.assignedAmountT !== null)
  if (rows.length) {
    const cell = (text: string) => n.table_cell.create(null, text ? schema.text(text) : null)
    const header = n.table_row.create({ header: true }, [
      cell('Party'),
      cell('Inscribed'),
      cell('Base year (t CO₂ eq)'),
      cell('Years'),
      cell('Assigned amount (t CO₂ eq)'),
    ])
    const body = rows.map((r) =>
      n.table_row.create({ party: r.party }, [
        cell(r.party),
        cell(`${r.inscribed}${r.unit === '%' ? ' %' : ' Gg'}`),
        cell(r.baseYearT === null ? '' : `${r.approximate ? '~' : ''}${tonnes(r.baseYearT)}`),
        cell(String(r.years ?? '')),
        cell(tonnes(r.assignedAmountT!)),
      ]),
    )
    out.push(
      n.article.create({ id: ANNEX_IDS.amounts }, [
        heading('Annex: Assigned amounts computed from the inscriptions'),
        para(
          'Computed by the secretariat from the inscriptions above: percentage of base year × base-year emissions × years of the period (Article 3, paragraphs 7 and 8). ~ marks a base year taken from the inventory. Not part of the negotiated text.',
        ),
        n.table.create({ id: 'annex-amounts-table', gap: 1 }, [header, ...body]),
      ]),
    )
  }
  return out
}

/**
 * A quotation of the text without its footnote and table-note marks (`^a`, `^{a*}`, `¹`):
 * the annex lists places, and a mark quoted there would read as raw markup or as a
 * second reference to the note. A bracketed `[*]` stays: it is itself the open item.
 */
export function withoutNoteMarks(text: string): string {
  return text.replace(/\^\{[^}]*\}|\^[A-Za-z0-9*]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, '')
}

// Whole tonnes in groups of three, as UN tables print them: 4 359 690 737.
function tonnes(t: number): string {
  return String(Math.round(t)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
}
