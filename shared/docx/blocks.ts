/**
 * The body of a Word document → lines of text: each paragraph a line (its
 * automatic number first), blank lines between blocks, each table row a line
 * of tab-separated cells laid out on the table's grid (a cell spanning columns
 * is followed by empty cells, a vertically merged cell continues as an empty
 * one), and after each section the bodies of the notes it referred to.
 * Paragraphs without visible text leave no line. Paragraph and row marks that
 * Word tracked as inserted or deleted become changes of the break between
 * two lines.
 */
import type { InlineReader } from './inline.ts'
import { Notes, type PendingNote } from './notes.ts'
import type { Numbering } from './numbering.ts'
import type { DocxTable, ParagraphPlace } from './reading.ts'
import { numberingRef, type Styles } from './styles.ts'
import type { TextWriter } from './text-writer.ts'
import { child, children, val, type XmlElement } from './xml.ts'

interface BreakChange {
  kind: 'insertion' | 'deletion'
  id: string
  author: string
  date?: string
}

interface CellLayout {
  tc: XmlElement | undefined
  span: number
  continuesAbove: boolean
}

/** Counts for the diagnostics. */
export interface BlockTallies {
  nestedTables: number
  singleColumnTables: number
  emptyNumberedParagraphs: number
}

/** Writes a document body. */
export class BlockReader {
  readonly tables: DocxTable[] = []
  readonly tallies: BlockTallies = { nestedTables: 0, singleColumnTables: 0, emptyNumberedParagraphs: 0 }
  private pendingBreaks: BreakChange[] = []
  private readonly sections: XmlElement[]
  private sectionIndex = 0

  constructor(
    private readonly out: TextWriter,
    private readonly inline: InlineReader,
    private readonly styles: Styles,
    private readonly numbering: Numbering,
    private readonly notes: Notes,
    body: XmlElement,
  ) {
    this.sections = sectionProperties(body)
    notes.section(this.sections[0])
  }

  /** Write the whole body, then the notes held for the end. */
  body(body: XmlElement): void {
    this.blocks(body)
    this.flushNotes(this.notes.atEnd)
  }

  private blocks(e: XmlElement): void {
    for (const c of e.children) {
      if (typeof c === 'string') continue
      switch (c.name) {
        case 'w:p':
          this.paragraph(c, 'body')
          if (child(child(c, 'w:pPr'), 'w:sectPr')) this.endSection()
          break
        case 'w:tbl':
          this.table(c)
          break
        case 'w:sdt': {
          const content = child(c, 'w:sdtContent')
          if (content) this.blocks(content)
          break
        }
        case 'w:customXml':
          this.blocks(c)
          break
        case 'w:sectPr':
          this.endSection()
          break
        default:
          this.out.commentRange(c)
      }
    }
  }

  // Write `sep` before a new line (nothing before the first), attaching tracked paragraph marks to it.
  private separator(sep: string): void {
    if (this.out.length === 0) {
      this.pendingBreaks = []
      return
    }
    const from = this.out.length
    this.out.write(sep)
    for (const b of this.pendingBreaks)
      this.out.changes.push({ ...b, from, to: this.out.length, blockBreak: true, text: sep })
    this.pendingBreaks = []
  }

  /** A paragraph on a line of its own (body and notes). Returns whether it was written. */
  private paragraph(p: XmlElement, place: ParagraphPlace, sep = '\n\n'): boolean {
    const cp = this.out.checkpoint()
    const breaks = this.pendingBreaks
    this.separator(sep)
    const written = this.paragraphText(p, place)
    if (!written) {
      this.out.rollback(cp)
      this.pendingBreaks = breaks
    }
    this.trackBreak(p)
    return written
  }

  // Label and content of `p` at the current offset; false when it shows no words.
  private paragraphText(p: XmlElement, place: ParagraphPlace): boolean {
    const pPr = child(p, 'w:pPr')
    const styleId = this.styles.paragraphStyleId(val(pPr, 'w:pStyle'))
    const numPr = child(pPr, 'w:numPr')
    const from = this.out.length
    const number =
      place === 'footnote' || place === 'endnote'
        ? undefined
        : this.numbering.next(numPr ? numberingRef(numPr) : undefined, styleId)
    if (number?.label) this.out.write(number.label + (number.suffix === 'nothing' ? '' : ' '))
    const wordsFrom = this.out.length
    this.inline.paragraph(p, styleId, place === 'cell')
    if (!/\S/.test(this.out.since(wordsFrom))) {
      if (number?.label) this.tallies.emptyNumberedParagraphs++
      return false
    }
    const outline = val(pPr, 'w:outlineLvl')
    const outlineLevel =
      outline !== undefined && Number(outline) < 9 ? Number(outline) : this.styles.outlineLevel(styleId)
    const style = this.styles.name(val(pPr, 'w:pStyle') === undefined ? undefined : styleId)
    this.out.paragraphs.push({
      from,
      to: this.out.length,
      place,
      ...(style ? { style } : {}),
      ...(outlineLevel !== undefined ? { outlineLevel } : {}),
      ...(number
        ? { number: { label: number.label, level: number.level, numId: number.numId, format: number.format } }
        : {}),
    })
    return true
  }

  // A paragraph mark tracked as inserted or deleted: a change of the break after the paragraph.
  private trackBreak(p: XmlElement): void {
    const rPr = child(child(p, 'w:pPr'), 'w:rPr')
    for (const name of ['w:ins', 'w:del', 'w:moveFrom', 'w:moveTo']) {
      const mark = child(rPr, name)
      if (mark) this.pendingBreaks.push(breakChange(mark, name))
    }
  }

  private table(tbl: XmlElement): void {
    const rows = tableRows(tbl)
    const layout = rows.map((tr) => rowLayout(tr))
    const columns = Math.max(0, ...layout.map((cells) => cells.reduce((n, c) => n + c.span, 0)))
    if (columns <= 1) {
      // One column: no tab could tell a row from a paragraph, so each cell's paragraphs stand as paragraphs.
      this.tallies.singleColumnTables++
      for (const cells of layout) for (const cell of cells) if (cell.tc) this.blocks(cell.tc)
      return
    }
    const merges: DocxTable['merges'] = []
    let from = -1
    let written = 0
    rows.forEach((tr, r) => {
      const cp = this.out.checkpoint()
      const lineBreak = this.out.length
      this.separator(written === 0 ? '\n\n' : '\n')
      const lineFrom = this.out.length
      let column = 0
      // One cell across the whole grid is a caption row ("Table (continued)"): its text alone on the line.
      const caption = layout[r].length === 1 && layout[r][0].span === columns
      layout[r].forEach((cell, i) => {
        if (i > 0) this.out.write('\t')
        if (cell.tc) this.cell(cell.tc)
        if (!caption) for (let k = 1; k < cell.span; k++) this.out.write('\t')
        if (cell.span > 1 || cell.continuesAbove)
          merges.push({ row: written, column, span: cell.span, continuesAbove: cell.continuesAbove })
        column += cell.span
      })
      if (!caption) for (; column < columns; column++) this.out.write('\t')
      if (!/\S|\t/.test(this.out.since(lineFrom))) {
        this.out.rollback(cp)
        return
      }
      if (from < 0) from = lineFrom
      const trPr = child(tr, 'w:trPr')
      for (const name of ['w:ins', 'w:del'] as const) {
        const mark = child(trPr, name)
        if (!mark) continue
        const b = breakChange(mark, name)
        // The row and the line break before it: accepting a deleted row removes the whole line.
        const start = written === 0 ? lineFrom : lineBreak
        this.out.changes.push({ ...b, from: start, to: this.out.length, blockBreak: true, text: this.out.since(start) })
      }
      written++
    })
    if (written) this.tables.push({ from, to: this.out.length, rows: written, columns, merges })
  }

  // A cell's paragraphs on the row's line, separated by spaces; nested tables flattened into it.
  private cell(tc: XmlElement): void {
    const cellFrom = this.out.length
    const visit = (e: XmlElement) => {
      for (const c of e.children) {
        if (typeof c === 'string') continue
        if (c.name === 'w:p') {
          const cp = this.out.checkpoint()
          if (this.out.length > cellFrom) this.out.write(' ')
          if (!this.paragraphText(c, 'cell')) this.out.rollback(cp)
        } else if (c.name === 'w:tbl') {
          this.tallies.nestedTables++
          for (const tr of tableRows(c)) for (const cell of rowLayout(tr)) if (cell.tc) visit(cell.tc)
        } else if (c.name === 'w:sdt') {
          const content = child(c, 'w:sdtContent')
          if (content) visit(content)
        } else if (c.name === 'w:customXml') visit(c)
        else this.out.commentRange(c)
      }
    }
    visit(tc)
  }

  private endSection(): void {
    this.flushNotes(this.notes.pending)
    this.sectionIndex++
    this.notes.section(this.sections[this.sectionIndex])
  }

  private flushNotes(list: PendingNote[]): void {
    for (const note of list.splice(0)) {
      this.notes.writing(note)
      const from = this.out.length
      let first = true
      const ownMark = Notes.showsOwnMark(note.body)
      for (const p of children(note.body, 'w:p')) {
        const cp = this.out.checkpoint()
        this.separator(first ? '\n\n' : '\n')
        if (first && !ownMark && note.mark) this.out.write(note.mark + ' ')
        if (this.paragraphText(p, note.kind)) first = false
        else this.out.rollback(cp)
      }
      this.out.notes.push({
        kind: note.kind,
        id: note.id,
        label: note.label,
        ref: note.ref,
        body: { from: first ? from : from + leadingBreaks(this.out.since(from)), to: this.out.length },
      })
    }
  }
}

function leadingBreaks(text: string): number {
  let n = 0
  while (text[n] === '\n') n++
  return n
}

function breakChange(mark: XmlElement, name: string): BreakChange {
  return {
    kind: name === 'w:ins' || name === 'w:moveTo' ? 'insertion' : 'deletion',
    id: mark.attrs['w:id'] ?? '',
    author: mark.attrs['w:author'] ?? '',
    ...(mark.attrs['w:date'] ? { date: mark.attrs['w:date'] } : {}),
  }
}

// The `w:sectPr` of each section in order: in the last paragraph of each section, and the body's own last.
function sectionProperties(body: XmlElement): XmlElement[] {
  const out: XmlElement[] = []
  const visit = (e: XmlElement) => {
    for (const c of e.children) {
      if (typeof c === 'string') continue
      if (c.name === 'w:p') {
        const s = child(child(c, 'w:pPr'), 'w:sectPr')
        if (s) out.push(s)
      } else if (c.name === 'w:sectPr') out.push(c)
      else if (c.name === 'w:sdt') visit(child(c, 'w:sdtContent') ?? c)
      else if (c.name === 'w:customXml') visit(c)
    }
  }
  visit(body)
  return out
}

function tableRows(tbl: XmlElement): XmlElement[] {
  const rows: XmlElement[] = []
  for (const c of tbl.children) {
    if (typeof c === 'string') continue
    if (c.name === 'w:tr') rows.push(c)
    else if (c.name === 'w:sdt' || c.name === 'w:customXml') {
      const inner = c.name === 'w:sdt' ? child(c, 'w:sdtContent') : c
      if (inner) rows.push(...tableRows(inner))
    }
  }
  return rows
}

// The cells of a row on the grid: gridBefore/gridAfter as empty cells, gridSpan and vMerge per cell.
function rowLayout(tr: XmlElement): CellLayout[] {
  const trPr = child(tr, 'w:trPr')
  const cells: CellLayout[] = []
  const before = Number(val(trPr, 'w:gridBefore') ?? 0)
  for (let i = 0; i < before; i++) cells.push({ tc: undefined, span: 1, continuesAbove: false })
  const visit = (e: XmlElement) => {
    for (const c of e.children) {
      if (typeof c === 'string') continue
      if (c.name === 'w:tc') {
        const tcPr = child(c, 'w:tcPr')
        const vMerge = child(tcPr, 'w:vMerge')
        cells.push({
          tc: c,
          span: Math.max(1, Number(val(tcPr, 'w:gridSpan') ?? 1) || 1),
          continuesAbove: !!vMerge && vMerge.attrs['w:val'] !== 'restart',
        })
      } else if (c.name === 'w:sdt') visit(child(c, 'w:sdtContent') ?? c)
      else if (c.name === 'w:customXml') visit(c)
    }
  }
  visit(tr)
  const after = Number(val(trPr, 'w:gridAfter') ?? 0)
  for (let i = 0; i < after; i++) cells.push({ tc: undefined, span: 1, continuesAbove: false })
  return cells
}
