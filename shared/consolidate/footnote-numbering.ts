/**
 * Footnotes of a consolidated text. Numbered footnotes are renumbered 1, 2, 3
 * in the order their references now appear (then those referred to from
 * footnote bodies); a footnote whose every reference went with deleted text
 * goes too. Their bodies sit where the plain text's page
 * breaks put them (often inside an option that is now dropped), so each body
 * moves to the end of the division that holds its first reference. A table's
 * notes lettered a, b, c are re-lettered within the table (`*` stays `*`); other
 * series of table notes (ii, iii) keep their labels.
 */
import { Fragment, type Node } from 'prosemirror-model'

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹'
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'

/**
 * The numbered footnote bodies of `doc` outside tables, by label (the first of
 * each label). Consolidation takes them from the text before options are
 * dropped: a body often sits in an option other than its reference's.
 */
export function numberedFootnotes(doc: Node): Map<string, Node> {
  const bodies = new Map<string, Node>()
  doc.descendants((node) => {
    if (node.type.name === 'table') return false
    if (node.type.name === 'footnote' && node.attrs.kind === 'numbered' && !bodies.has(node.attrs.label))
      bodies.set(node.attrs.label, node)
    return true
  })
  return bodies
}

/**
 * `doc` with footnotes renumbered and moved; `bodies` are the numbered
 * footnotes by old label (already consolidated), wherever they stood, and no
 * longer in `doc` (a second body under a label already taken stays where it
 * is, as text: it is not the body the references point to, and never lost).
 * `tableNotes` says, per consolidated table, which note marks its rows
 * carried before consolidation. `numbers` maps old labels to new.
 */
export function renumberFootnotes(
  doc: Node,
  bodies: Map<string, Node>,
  tableNotes: Map<Node, Set<string>> = new Map(),
): { doc: Node; numbers: Record<string, string> } {
  const numbers = new Map<string, string>()
  const home = new Map<string, Node>()
  const visit = (node: Node, division: Node): void => {
    node.forEach((child) => {
      // A table's own notes are lettered apart; a numbered marker in one of its cells counts like any other.
      if (child.type.name === 'table') {
        child.forEach((row) => {
          if (row.type.name === 'table_row') visit(row, division)
        })
        return
      }
      if (child.type.name === 'footnote_ref' && bodies.has(child.attrs.label) && !numbers.has(child.attrs.label)) {
        numbers.set(child.attrs.label, String(numbers.size + 1))
        home.set(child.attrs.label, division)
      }
      visit(child, ['article', 'section', 'option'].includes(child.type.name) ? child : division)
    })
  }
  visit(doc, doc)
  // A footnote referred to from the body of one that stays stays too (numbered after, placed with it);
  // a body's reference to itself keeps nothing.
  for (const label of numbers.keys())
    bodies.get(label)!.descendants((n) => {
      if (n.type.name === 'footnote_ref' && bodies.has(n.attrs.label) && !numbers.has(n.attrs.label)) {
        numbers.set(n.attrs.label, String(numbers.size + 1))
        home.set(n.attrs.label, home.get(label)!)
      }
      return true
    })
  const rebuild = (container: Node): Node => {
    const children: Node[] = []
    container.forEach((child) => {
      const name = child.type.name
      if (name === 'table') children.push(relettered(child, numbers, tableNotes.get(child)))
      else if (['article', 'section', 'option'].includes(name)) children.push(rebuild(child))
      else children.push(child.copy(Fragment.from(mapRefs(child, (ref) => numbers.get(ref.attrs.label), numbered))))
    })
    for (const [label, number] of numbers) {
      if (home.get(label) !== container) continue
      const old = bodies.get(label)!
      const body = old.copy(Fragment.from(mapRefs(old, (ref) => numbers.get(ref.attrs.label), numbered)))
      children.push(body.type.create({ ...body.attrs, label: number, gap: 1 }, mapLabels(body, number)))
    }
    return container.copy(Fragment.from(children))
  }
  return { doc: rebuild(doc), numbers: Object.fromEntries(numbers) }
}

/**
 * The notes of `table` a marker in its rows names: one note by its label or, in a
 * series of single letters, several by their letters (`^{a*}`: note a and the star).
 */
export function tableNotesNamed(table: Node): (marker: string) => string[] {
  return noteSeries(table).notesOf
}

/** The labels of the notes of `table` its rows refer to. */
export function referencedTableNotes(table: Node): Set<string> {
  const notesOf = tableNotesNamed(table)
  const referenced = new Set<string>()
  table.forEach((row) => {
    if (row.type.name !== 'table_row') return
    row.descendants((n) => {
      if (n.type.name !== 'footnote_ref') return true
      for (const note of notesOf(n.attrs.label)) referenced.add(note)
      return false
    })
  })
  return referenced
}

// A series of single letters (a, b, c; `*` stays `*`) is re-lettered; any other series
// (ii, iii, iv; aa after z) keeps its labels, since re-lettering it would rewrite
// markers the text chose.
function noteSeries(table: Node): { lettered: boolean; notesOf: (label: string) => string[] } {
  const labels = new Set<string>()
  table.forEach((child) => {
    if (child.type.name === 'footnote') labels.add(child.attrs.label)
  })
  const lettered = [...labels].every((label) => label === '*' || (label.length === 1 && LETTERS.includes(label)))
  return { lettered, notesOf: (label) => (labels.has(label) || !lettered ? [label] : [...label]) }
}

// A table's notes: a lettered series re-lettered in order of first reference; a note
// whose every reference went goes (one no row referred to before, absent from
// `before`, stays, lettered after the others). Numbered markers in its cells take
// the text's new numbers.
function relettered(table: Node, numbers: Map<string, string>, before?: Set<string>): Node {
  const { lettered, notesOf } = noteSeries(table)
  const referenced = referencedTableNotes(table)
  const letters = new Map<string, string>()
  const letter = (note: string) => {
    if (lettered && LETTERS.includes(note) && !letters.has(note)) letters.set(note, LETTERS[letters.size])
  }
  table.forEach((row) => {
    if (row.type.name !== 'table_row') return
    row.descendants((n) => {
      if (n.type.name !== 'footnote_ref') return true
      for (const note of notesOf(n.attrs.label)) letter(note)
      return false
    })
  })
  // Without `before` nothing is known of the references that went: every note stays.
  const stays = (label: string) => referenced.has(label) || !before?.has(label)
  table.forEach((child) => {
    if (child.type.name === 'footnote' && !referenced.has(child.attrs.label) && stays(child.attrs.label))
      letter(child.attrs.label)
  })
  const relabel = (label: string) => [...label].map((ch) => letters.get(ch) ?? ch).join('')
  const children: Node[] = []
  table.forEach((child) => {
    if (child.type.name === 'footnote') {
      const label: string = child.attrs.label
      if (!stays(label)) return
      const next = relabel(label)
      children.push(
        child.type.create(
          { ...child.attrs, label: next },
          mapLabels(child, next, (text) => text.replace(label, next)),
        ),
      )
    } else if (child.type.name === 'table_row') {
      const cells: Node[] = []
      child.forEach((cell) =>
        cells.push(
          cell.copy(
            Fragment.from(
              mapRefs(
                cell,
                (ref) => numbers.get(ref.attrs.label) ?? relabel(ref.attrs.label),
                (ref, next) =>
                  numbers.has(ref.attrs.label)
                    ? numbered(ref, next)
                    : [...(ref.attrs.text as string)].map((ch) => letters.get(ch) ?? ch).join(''),
              ),
            ),
          ),
        ),
      )
      children.push(child.copy(Fragment.from(cells)))
    } else children.push(child)
  })
  return table.copy(Fragment.from(children))
}

// A footnote number written the way the reference was: superscript, `^n` or plain digits.
function numbered(ref: Node, next: string): string {
  const text: string = ref.attrs.text
  if ([...text].some((ch) => SUPERSCRIPT.includes(ch))) return [...next].map((d) => SUPERSCRIPT[Number(d)]).join('')
  return text.startsWith('^') ? `^${next}` : next
}

function mapRefs(
  parent: Node,
  label: (ref: Node) => string | undefined,
  text: (ref: Node, next: string) => string,
): Node[] {
  const out: Node[] = []
  parent.forEach((child) => {
    if (child.type.name === 'footnote_ref') {
      const next = label(child)
      out.push(
        next === undefined || next === child.attrs.label
          ? child
          : child.type.create({ ...child.attrs, label: next, text: text(child, next) }),
      )
    } else if (child.isText || child.isAtom) out.push(child)
    else out.push(child.copy(Fragment.from(mapRefs(child, label, text))))
  })
  return out
}

// The body's own label node, renumbered.
function mapLabels(body: Node, next: string, text?: (old: string) => string): Node[] {
  const out: Node[] = []
  body.forEach((child) => {
    if (child.type.name === 'label' && child.attrs.kind === 'footnote') {
      const old: string = child.attrs.text
      const written = text
        ? text(old)
        : [...old].some((ch) => SUPERSCRIPT.includes(ch))
          ? [...next].map((d) => SUPERSCRIPT[Number(d)]).join('')
          : old.replace(child.attrs.value, next)
      out.push(child.type.create({ ...child.attrs, value: next, text: written }))
    } else out.push(child)
  })
  return out
}
