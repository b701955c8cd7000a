/**
 * The inside of a Word paragraph → text: runs with their formatting, tabs,
 * breaks, symbols, field results (never field codes), content controls,
 * hyperlinks, math, tracked insertions and deletions (both kept in the text,
 * each recorded as a change), comment range anchors and note reference marks.
 * Fields and moves may span paragraphs, so their state lives here, across the
 * whole document.
 */
import { noteMark, type NoteKind } from './notes.ts'
import { runFormat, type RunFormat, type Styles } from './styles.ts'
import type { TextWriter } from './text-writer.ts'
import { child, ownText, type XmlElement } from './xml.ts'

/** What the inline reader needs from the note numbering: the mark of a reference. */
export interface NoteMarks {
  /** The mark for a reference to note `id` of `kind` (numbering it on first reference). */
  reference(kind: NoteKind, id: string, at: number, custom: boolean): string
  /** The mark a note body shows for itself. */
  own(): string
}

/** Counts of what the reader dropped or approximated, for the diagnostics. */
export interface InlineTallies {
  hiddenCharacters: number
  symbolCharacters: number
  drawingsWithText: number
  pageBreaks: number
}

interface ChangeContext {
  kind: 'insertion' | 'deletion'
  id: string
  author: string
  date?: string
  move?: string
}

// Private-use characters of the Symbol and Wingdings fonts that negotiating texts use.
const SYMBOLS: Record<number, string> = {
  0xf0b7: '•',
  0xf0a7: '▪',
  0xf0a8: '◆',
  0xf0d8: '➢',
  0xf0e0: '→',
  0xf0ae: '→',
  0xf0fc: '✓',
  0xf06c: '●',
  0xf06e: '■',
  0xf0a5: '∞',
  0xf0b1: '±',
  0xf0b3: '≥',
  0xf0a3: '≤',
  0xf0b9: '≠',
  0xf0bb: '≈',
  0xf0b4: '×',
  0xf0b0: '°',
}

/** Reads paragraph content into a `TextWriter`. */
export class InlineReader {
  /** Open complex fields, innermost last: text shows only in result phases. */
  private readonly fields: ('code' | 'result')[] = []
  private lineStart = 0
  private afterNoteMark = false
  private moveFrom?: string
  private moveTo?: string
  private change?: ChangeContext
  readonly tallies: InlineTallies = { hiddenCharacters: 0, symbolCharacters: 0, drawingsWithText: 0, pageBreaks: 0 }

  constructor(
    private readonly out: TextWriter,
    private readonly styles: Styles,
    private readonly notes: NoteMarks,
  ) {}

  /**
   * Write the content of paragraph `p`. In a table cell (`inCell`) tabs and line
   * breaks become spaces, since a line of the text is a row and a tab separates cells.
   */
  paragraph(p: XmlElement, paragraphStyle: string | undefined, inCell: boolean): void {
    this.lineStart = this.out.length
    this.container(p, paragraphStyle, inCell)
    this.afterNoteMark = false
  }

  private container(e: XmlElement, style: string | undefined, inCell: boolean): void {
    for (const c of e.children) {
      if (typeof c === 'string') continue
      switch (c.name) {
        case 'w:r':
          this.run(c, style, inCell)
          break
        case 'w:ins':
        case 'w:del':
        case 'w:moveFrom':
        case 'w:moveTo':
          this.tracked(c, style, inCell)
          break
        case 'w:hyperlink':
        case 'w:smartTag':
        case 'w:customXml':
        case 'w:fldSimple':
        case 'w:dir':
        case 'w:bdo':
          this.container(c, style, inCell)
          break
        case 'w:sdt': {
          const content = child(c, 'w:sdtContent')
          if (content) this.container(content, style, inCell)
          break
        }
        case 'w:moveFromRangeStart':
          this.moveFrom = c.attrs['w:name'] ?? c.attrs['w:id']
          break
        case 'w:moveToRangeStart':
          this.moveTo = c.attrs['w:name'] ?? c.attrs['w:id']
          break
        case 'w:moveFromRangeEnd':
          this.moveFrom = undefined
          break
        case 'w:moveToRangeEnd':
          this.moveTo = undefined
          break
        case 'm:oMathPara':
        case 'm:oMath':
          if (this.visible()) this.out.write(mathText(c))
          break
        default:
          this.out.commentRange(c)
      }
    }
  }

  private tracked(e: XmlElement, style: string | undefined, inCell: boolean): void {
    const outer = this.change
    const kind = e.name === 'w:ins' || e.name === 'w:moveTo' ? 'insertion' : 'deletion'
    const move =
      e.name === 'w:moveFrom' ? (this.moveFrom ?? '') : e.name === 'w:moveTo' ? (this.moveTo ?? '') : undefined
    this.change = {
      kind,
      id: e.attrs['w:id'] ?? '',
      author: e.attrs['w:author'] ?? '',
      date: e.attrs['w:date'],
      move: move === undefined ? undefined : move || `move-${e.attrs['w:id'] ?? ''}`,
    }
    const from = this.out.length
    this.container(e, style, inCell)
    const c = this.change
    this.change = outer
    this.out.changes.push({
      id: c.id,
      kind: c.kind,
      author: c.author,
      ...(c.date ? { date: c.date } : {}),
      ...(c.move !== undefined ? { move: c.move } : {}),
      from,
      to: this.out.length,
      text: this.out.since(from),
    })
  }

  private run(r: XmlElement, style: string | undefined, inCell: boolean): void {
    const rPr = child(r, 'w:rPr')
    const format = this.styles.runFormat(runFormat(rPr), child(rPr, 'w:rStyle')?.attrs['w:val'], style)
    const rPrChange = child(rPr, 'w:rPrChange')
    const from = this.out.length
    let customMark = false
    for (const c of r.children) {
      if (typeof c === 'string') continue
      switch (c.name) {
        case 'w:t':
        case 'w:delText':
          this.text(ownText(c), format, inCell)
          break
        case 'w:tab':
        case 'w:ptab':
          this.text('\t', format, inCell)
          break
        case 'w:br':
        case 'w:cr': {
          const type = c.attrs['w:type']
          if (type === 'page' || type === 'column') this.tallies.pageBreaks++
          else this.text('\n', format, inCell)
          break
        }
        case 'w:noBreakHyphen':
          this.text('\u2011', format, inCell)
          break
        case 'w:sym':
          this.text(symbol(c), format, inCell)
          this.tallies.symbolCharacters++
          break
        case 'w:footnoteReference':
        case 'w:endnoteReference': {
          customMark = c.attrs['w:customMarkFollows'] === '1' || c.attrs['w:customMarkFollows'] === 'true'
          if (!this.visible()) break
          const kind: NoteKind = c.name === 'w:footnoteReference' ? 'footnote' : 'endnote'
          this.out.write(this.notes.reference(kind, c.attrs['w:id'] ?? '', this.out.length, customMark), undefined)
          break
        }
        case 'w:footnoteRef':
        case 'w:endnoteRef':
          if (this.visible()) {
            this.out.write(this.notes.own())
            this.afterNoteMark = true
          }
          break
        case 'w:fldChar': {
          const type = c.attrs['w:fldCharType']
          if (type === 'begin') this.fields.push('code')
          else if (type === 'separate' && this.fields.length) this.fields[this.fields.length - 1] = 'result'
          else if (type === 'end') this.fields.pop()
          break
        }
        case 'w:commentReference':
          this.out.anchor(c.attrs['w:id'] ?? '', 'ref')
          break
        case 'w:drawing':
        case 'w:pict':
        case 'w:object':
        case 'mc:AlternateContent':
          if (hasDescendant(c, 'w:txbxContent')) this.tallies.drawingsWithText++
          break
      }
    }
    if (rPrChange && this.out.length > from)
      this.out.formatChanges.push({
        id: rPrChange.attrs['w:id'] ?? '',
        author: rPrChange.attrs['w:author'] ?? '',
        ...(rPrChange.attrs['w:date'] ? { date: rPrChange.attrs['w:date'] } : {}),
        from,
        to: this.out.length,
      })
  }

  private text(text: string, format: RunFormat, inCell: boolean): void {
    if (!this.visible() || !text) return
    if (format.hidden) {
      this.tallies.hiddenCharacters += text.length
      return
    }
    // A tab at the start of a line is indentation; elsewhere it is a space (a tab would make the line a table row).
    if (this.out.length === this.lineStart) text = text.replace(/^\t+/, '')
    if (text.includes('\t') || (inCell && text.includes('\n'))) text = text.replace(inCell ? /[\t\n]/g : /\t/g, ' ')
    if (!text) return
    // A note body reads "¹ Text": the importer needs the space after the mark.
    if (this.afterNoteMark && !/^\s/.test(text)) this.out.write(' ')
    this.afterNoteMark = false
    this.out.write(format.superscript ? superscriptText(text, this.out.since(this.out.length - 1)) : text, format)
  }

  // Outside fields, or in the result part of every open field.
  private visible(): boolean {
    for (const phase of this.fields) if (phase === 'code') return false
    return true
  }
}

/**
 * A superscript run written the way plain negotiating texts write marks: one to
 * four letters, with or without a star, as a note mark (`^a`, `^{iv}`, `^{a*}`), digits as superscript digits
 * (`¹²`, also right for `km²`). Ordinal endings after a number (`1st`) stay.
 */
function superscriptText(text: string, before: string): string {
  if (/^(?:[a-z]{1,4}\*?|\*)$/.test(text) && !/\d$/.test(before)) return noteMark(text)
  if (/^\d{1,3}$/.test(text)) return noteMark(text)
  return text
}

function symbol(sym: XmlElement): string {
  const code = parseInt(sym.attrs['w:char'] ?? '', 16)
  if (!Number.isFinite(code)) return ''
  if (SYMBOLS[code]) return SYMBOLS[code]
  if (code >= 0xf020 && code <= 0xf0ff) return String.fromCharCode(code - 0xf000)
  return String.fromCodePoint(code)
}

function mathText(e: XmlElement): string {
  let out = ''
  for (const c of e.children) {
    if (typeof c === 'string') continue
    out += c.name === 'm:t' ? ownText(c) : mathText(c)
  }
  return out
}

function hasDescendant(e: XmlElement, name: string): boolean {
  for (const c of e.children) if (typeof c !== 'string' && (c.name === name || hasDescendant(c, name))) return true
  return false
}
