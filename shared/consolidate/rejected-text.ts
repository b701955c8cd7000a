/**
 * What the decisions of a scenario take out of a text, as character ranges of
 * the text itself (what the document serializes to, the input file for an
 * imported text): the alternatives not chosen and the brackets of the chosen
 * one, deleted optional brackets, dropped options, a chosen option's label and
 * applicability note, placeholders given a value, a table's repeated heading
 * after "Table (continued)", a table's note whose every reference went. A
 * dropped option is taken out only as far as the
 * text lets an option reach (`option-reach.ts`), whatever the structure says.
 * Footnote markers are renumbered, never words: they are masked.
 */
import type { Node } from 'prosemirror-model'
import { isMarkdown } from '../import/shape.ts'
import type { Bindings } from '../model/bindings.ts'
import type { Computation } from '../model/compute.ts'
import { indexDocument, type DocumentIndex } from '../model/document-index.ts'
import { optionStanding } from '../model/option-runs.ts'
import type { Scenario } from '../model/scenario.ts'
import { sourceMap, type SourceMap } from '../serialize/source-map.ts'
import { placeholderValues } from './consolidate.ts'
import { allOptionsDropped, groupDecision, holdsStructure } from './decisions.ts'
import { tableNotesNamed } from './footnote-numbering.ts'
import { optionReach, textLines, type TextLines } from './option-reach.ts'

/** A range of the text a decision takes out. */
export interface Rejection {
  from: number
  to: number
  /** The id of the node whose decision it is (`g12`, `o5`, `p3`, `s2`, a table note's `f4`), or `table` for a joined table. */
  decision: string
  kind: 'alternative' | 'bracket' | 'optional' | 'option' | 'label' | 'placeholder' | 'heading' | 'table' | 'note'
}

/**
 * A numbered footnote body. The first body of a label moves to its reference, and goes
 * only when every reference went; another body under a label already taken (`moves`
 * false) stays where it stands, and goes only with what holds it.
 */
export interface FootnoteBody {
  label: string
  from: number
  to: number
  moves: boolean
  kept: boolean
}

/** A text read under a scenario. */
export interface TextReading {
  map: SourceMap
  rejected: Rejection[]
  /** Footnote markers and body labels: renumbered, not words. */
  masked: { from: number; to: number }[]
  bodies: FootnoteBody[]
  /** Where the document's brackets do not stand where the text's do: no check can rely on them. */
  mismatches: { decision: string; offset: number; message: string }[]
  /** Per character of the text: 1 taken out, 2 a footnote marker, 0 stays. */
  marks: Uint8Array
}

/** What reading needs besides the text and the scenario. */
export interface ReadingOptions {
  bindings?: Bindings
  computation?: Computation
}

// The nodes whose characters a decision can take out, or that must be told apart.
const SPANNED = new Set([
  'option',
  'heading',
  'applicability',
  'footnote',
  'table_break',
  'table_row',
  'bracket_group',
  'alternative',
  'separator',
  'bracket_start',
  'bracket_end',
  'placeholder',
  'footnote_ref',
  'label',
])

/** Read `doc` under `scenario`: what its decisions take out. */
export function readRejections(doc: Node, scenario: Scenario, options: ReadingOptions = {}): TextReading {
  const map = sourceMap(doc, (n) => SPANNED.has(n.type.name))
  const index = indexDocument(doc)
  const lines = textLines(map.text, isMarkdown(map.text.split('\n', 5000)))
  return new Reader(map, index, scenario, lines, placeholderValues(index, scenario, options)).read(doc)
}

class Reader {
  private out: TextReading
  private labels = new Map<string, { line: number; column: number }>()
  private markers = new Map<string, { start: number; end: number }[]>()
  private refs = new Map<string, number[]>()
  private bodyList: FootnoteBody[] = []
  private bodyLabels = new Set<string>()
  private notes: { id: string; from: number; to: number; refs: number[] }[] = []

  constructor(
    private map: SourceMap,
    private index: DocumentIndex,
    private scenario: Scenario,
    private lines: TextLines,
    private values: Map<string, string>,
  ) {
    this.out = { map, rejected: [], masked: [], bodies: this.bodyList, mismatches: [], marks: new Uint8Array(0) }
  }

  read(doc: Node): TextReading {
    doc.forEach((child) => this.block(child))
    this.spanningGroups()
    const marks = new Uint8Array(this.map.text.length)
    for (const r of this.out.rejected) marks.fill(1, r.from, r.to)
    for (const note of this.notes)
      if (note.refs.length && note.refs.every((at) => marks[at] === 1)) {
        this.out.rejected.push({ from: note.from, to: note.to, decision: note.id, kind: 'note' })
        marks.fill(1, note.from, note.to)
      }
    this.out.rejected.sort((a, b) => a.from - b.from || b.to - a.to)
    for (const m of this.out.masked) for (let i = m.from; i < m.to; i++) if (!marks[i]) marks[i] = 2
    this.out.marks = marks
    // A body stays when one of its references stands outside everything taken out.
    this.keepReferredBodies(marks)
    return this.out
  }

  // A body that moves stays when a reference to it stands outside everything taken out: in the
  // text, or in the body of another footnote that stays (a body's reference to itself keeps nothing).
  private keepReferredBodies(marks: Uint8Array): void {
    const moving = new Map<string, FootnoteBody>()
    for (const b of this.bodyList) if (b.moves) moving.set(b.label, b)
    const holders = this.bodyList.filter((b) => b.moves)
    const holder = (at: number): FootnoteBody | undefined => {
      let lo = 0
      let hi = holders.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (holders[mid].to <= at) lo = mid + 1
        else hi = mid
      }
      return lo < holders.length && holders[lo].from <= at ? holders[lo] : undefined
    }
    const within = new Map<FootnoteBody, string[]>()
    const queue: FootnoteBody[] = []
    const keep = (body: FootnoteBody | undefined) => {
      if (body && !body.kept) {
        body.kept = true
        queue.push(body)
      }
    }
    for (const [label, list] of this.refs)
      for (const at of list) {
        if (marks[at] === 1) continue
        const h = holder(at)
        if (!h) keep(moving.get(label))
        else if (h.label !== label) within.set(h, [...(within.get(h) ?? []), label])
      }
    while (queue.length) for (const label of within.get(queue.pop()!) ?? []) keep(moving.get(label))
  }

  // A table's notes and where its rows refer to each (a note no row refers to stays whatever is decided).
  private tableNotes(table: Node): void {
    const notesOf = tableNotesNamed(table)
    const refs = new Map<string, number[]>()
    table.forEach((row) => {
      if (row.type.name === 'table_row')
        row.descendants((n) => {
          if (n.type.name !== 'footnote_ref') return true
          for (const note of notesOf(n.attrs.label)) refs.set(note, [...(refs.get(note) ?? []), this.span(n).from])
          return false
        })
    })
    table.forEach((child) => {
      if (child.type.name !== 'footnote' || !refs.has(child.attrs.label)) return
      const s = this.span(child)
      this.notes.push({ id: child.attrs.id, from: s.from, to: s.to, refs: refs.get(child.attrs.label)! })
    })
  }

  private span(node: Node) {
    return this.map.spans.get(node)!
  }

  private reject(node: Node, decision: string, kind: Rejection['kind'], to?: number): void {
    const s = this.span(node)
    if (s) this.out.rejected.push({ from: s.from, to: to === undefined ? s.to : Math.min(s.to, to), decision, kind })
  }

  private block(node: Node): void {
    const name = node.type.name
    const resolutions = this.scenario.resolutions
    if (name === 'option') return this.option(node)
    if (name === 'section' || name === 'article') {
      if (allOptionsDropped(this.index, node, resolutions) && node.firstChild?.type.name === 'heading')
        this.reject(node.firstChild, node.attrs.id, 'heading')
      node.forEach((c) => this.block(c))
      return
    }
    if (name === 'table') {
      this.tableNotes(node)
      let afterBreak = false
      node.forEach((row) => {
        if (row.type.name === 'table_break') {
          afterBreak = true
          this.reject(row, 'table', 'table')
        } else if (row.type.name === 'table_row') {
          if (row.attrs.header && afterBreak) this.reject(row, 'table', 'table')
          else if (!row.attrs.header) afterBreak = false
          row.forEach((cell) => this.inline(cell))
        } else this.block(row)
      })
      return
    }
    if (name === 'footnote' && node.attrs.kind === 'numbered') {
      const s = this.span(node)
      const moves = !this.bodyLabels.has(node.attrs.label)
      this.bodyLabels.add(node.attrs.label)
      this.bodyList.push({ label: node.attrs.label, from: s.from, to: s.to, moves, kept: !moves })
    }
    if (node.isTextblock) this.inline(node)
  }

  private option(node: Node): void {
    const own = node.attrs.continues ?? node.attrs.id
    const standing = optionStanding(this.index, this.scenario.resolutions, own)?.state ?? 'unresolved'
    const first = node.firstChild
    const label = first?.isTextblock ? labelOf(first) : null
    if (label && !node.attrs.continues) {
      const at = this.map.position(this.span(label).from)
      // Columns from `position` count characters; the reach reads the line by UTF-16 index.
      this.labels.set(own, { line: at.line - 1, column: this.span(label).from - this.lines.starts[at.line - 1] })
    }
    if (standing === 'dropped') {
      const at = this.labels.get(own)
      const reach =
        at && node.attrs.extent !== 'reviewed' ? optionReach(this.lines, at.line, at.column) : Number.POSITIVE_INFINITY
      this.reject(node, own, 'option', reach)
    } else if (standing === 'chosen' && !node.attrs.continues && first) {
      node.forEach((b, _, i) => {
        if (b.type.name === 'applicability') this.reject(b, own, 'label')
        else if (i === 0 && b.type.name === 'heading' && b.attrs.level === 'option' && !holdsStructure(b))
          this.reject(b, own, 'label')
        else if (i === 0 && label) {
          const s = this.span(label)
          let to = s.to
          while (to < this.map.text.length && this.map.text[to] === ' ') to++
          this.out.rejected.push({ from: s.from, to, decision: own, kind: 'label' })
        }
      })
    }
    node.forEach((c) => this.block(c))
  }

  private inline(parent: Node): void {
    parent.forEach((node) => {
      const name = node.type.name
      if (name === 'bracket_group') this.group(node)
      else if (name === 'bracket_start' || name === 'bracket_end') {
        const key = `${node.attrs.group}\u0000${node.attrs.alt}`
        const list = this.markers.get(key) ?? []
        const s = this.span(node)
        if (name === 'bracket_start') list.push({ start: s.from, end: -1 })
        else {
          const open = list.find((m) => m.end < 0)
          if (open) open.end = s.to
        }
        this.markers.set(key, list)
      } else if (name === 'placeholder') {
        if (this.values.has(node.attrs.id)) this.reject(node, node.attrs.id, 'placeholder')
      } else if (name === 'footnote_ref') {
        const s = this.span(node)
        this.out.masked.push(s)
        const list = this.refs.get(node.attrs.label) ?? []
        list.push(s.from)
        this.refs.set(node.attrs.label, list)
      } else if (name === 'label' && (node.attrs.kind === 'footnote' || node.attrs.kind === 'provision')) {
        if (node.attrs.kind === 'footnote') this.out.masked.push(this.span(node))
      } else if (!node.isLeaf && name !== 'editorial_note') this.inline(node)
    })
  }

  private group(node: Node): void {
    const d = groupDecision(this.index, this.scenario.resolutions, node.attrs.id)
    const square = node.attrs.style !== 'slash'
    const id: string = node.attrs.id
    node.forEach((child) => {
      const s = this.span(child)
      if (square && child.type.name === 'alternative') this.checkBrackets(id, s.from, s.to)
      if (d.kind === 'unresolved') return this.inline(child)
      const kept = d.kind === 'keep' && child.type.name === 'alternative' && child.attrs.id === d.alt
      if (!kept) {
        this.out.rejected.push({ ...s, decision: id, kind: d.kind === 'delete' ? 'optional' : 'alternative' })
        return
      }
      if (square) {
        this.out.rejected.push({ from: s.from, to: s.from + 1, decision: id, kind: 'bracket' })
        this.out.rejected.push({ from: s.to - 1, to: s.to, decision: id, kind: 'bracket' })
      }
      this.inline(child)
    })
  }

  // The text's own brackets must open and close where the document says an alternative does.
  private checkBrackets(decision: string, from: number, to: number): void {
    const t = this.map.text
    if (t[from] !== '[' || t[to - 1] !== ']')
      this.out.mismatches.push({
        decision,
        offset: from,
        message: `${decision} does not stand between brackets of the text`,
      })
  }

  private spanningGroups(): void {
    for (const [key, list] of this.markers) {
      const [group, alt] = key.split('\u0000')
      const d = groupDecision(this.index, this.scenario.resolutions, group)
      if (d.kind === 'unresolved') continue
      const removed = d.kind === 'delete' || d.alt !== alt
      for (const m of list) {
        if (m.end < 0) continue
        if (removed)
          this.out.rejected.push({
            from: m.start,
            to: m.end,
            decision: group,
            kind: d.kind === 'delete' ? 'optional' : 'alternative',
          })
        else {
          this.out.rejected.push({ from: m.start, to: m.start + 1, decision: group, kind: 'bracket' })
          this.out.rejected.push({ from: m.end - 1, to: m.end, decision: group, kind: 'bracket' })
        }
      }
    }
  }
}

function labelOf(block: Node): Node | null {
  let label: Node | null = null
  block.forEach((n) => {
    if (!label && n.type.name === 'label' && n.attrs.kind === 'option') label = n
  })
  return label
}

/** The words a decision would take out: how many, and the lines of the first and last. */
export interface WordsTakenOut {
  count: number
  firstLine: number | null
  lastLine: number | null
  /** The first few, as a reader would quote them. */
  sample: string[]
}

/**
 * The words `after` takes out of the text that `before` leaves (two readings of
 * one document under two scenarios): the cost of the decisions between them.
 * Placeholders given a value are replaced, not taken out: they do not count.
 */
export function wordsTakenOut(before: TextReading, after: TextReading): WordsTakenOut {
  const gone = (reading: TextReading) => {
    const marks = new Uint8Array(reading.map.text.length)
    for (const r of reading.rejected) if (r.kind !== 'placeholder') marks.fill(1, r.from, r.to)
    return marks
  }
  const was = gone(before)
  const now = gone(after)
  const text = after.map.text
  const out: WordsTakenOut = { count: 0, firstLine: null, lastLine: null, sample: [] }
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const at = m.index!
    if (!now[at] || was[at] || after.marks[at] === 2) continue
    out.count++
    const line = after.map.position(at).line
    out.firstLine ??= line
    out.lastLine = line
    if (out.sample.length < 8) out.sample.push(m[0])
  }
  return out
}
