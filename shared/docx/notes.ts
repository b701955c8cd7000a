/**
 * Footnotes and endnotes: their marks, numbered as Word numbers them (format,
 * start and restart from `settings.xml`, overridden per section), and their
 * bodies, which the reader writes after the section that refers to them —
 * where Word prints endnotes set to the section's end, and near where it
 * prints footnotes. Marks are written the way plain negotiating texts write
 * them, so the importer reads them as references: `¹²` for numbers, `^a` for
 * one letter, `^{iv}` otherwise.
 */
import { formatNumber } from './number-format.ts'
import type { NoteMarks } from './inline.ts'
import { child, children, val, type XmlElement } from './xml.ts'

/** Footnote or endnote. */
export type NoteKind = 'footnote' | 'endnote'

interface NoteProps {
  format: string
  start: number
  restart: 'continuous' | 'eachSect' | 'eachPage'
}

/** A note referenced and waiting to be written after its section. */
export interface PendingNote {
  kind: NoteKind
  id: string
  label: string
  mark: string
  body: XmlElement
  ref: { from: number; to: number }
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹'

/** The mark of a note labelled `label` in plain-text convention. */
export function noteMark(label: string): string {
  if (label === '') return ''
  if (/^\d+$/.test(label)) return [...label].map((d) => SUPERSCRIPT[Number(d)]).join('')
  if (label === '*') return '*'
  return /^[A-Za-z0-9*]$/.test(label) ? `^${label}` : `^{${label}}`
}

/** Note numbering and the notes referenced in the current section. */
export class Notes implements NoteMarks {
  private readonly bodies: Record<NoteKind, Map<string, XmlElement>> = { footnote: new Map(), endnote: new Map() }
  private readonly defaults: Record<NoteKind, NoteProps>
  private props!: Record<NoteKind, NoteProps>
  private readonly counters: Record<NoteKind, number> = { footnote: 0, endnote: 0 }
  private readonly labels = new Map<string, string>()
  /** Endnotes go after their section (`sectEnd`) or at the end of the document (Word's default). */
  readonly endnotesAtSectionEnd: boolean
  /** Notes referenced since the last flush, in reference order. */
  readonly pending: PendingNote[] = []
  /** Endnotes held for the end of the document. */
  readonly atEnd: PendingNote[] = []
  private current = ''
  /** References to notes the file does not contain. */
  missing = 0

  constructor(footnotes: XmlElement | undefined, endnotes: XmlElement | undefined, settings: XmlElement | undefined) {
    for (const [kind, part, name] of [
      ['footnote', footnotes, 'w:footnote'],
      ['endnote', endnotes, 'w:endnote'],
    ] as const) {
      for (const n of children(part, name)) {
        const type = n.attrs['w:type']
        if (type && type !== 'normal') continue
        this.bodies[kind].set(n.attrs['w:id'] ?? '', n)
      }
    }
    this.defaults = {
      footnote: noteProps(child(settings, 'w:footnotePr'), 'decimal'),
      endnote: noteProps(child(settings, 'w:endnotePr'), 'lowerRoman'),
    }
    this.endnotesAtSectionEnd = val(child(settings, 'w:endnotePr'), 'w:pos') === 'sectEnd'
    this.section(undefined)
  }

  /** Enter a section with properties `sectPr` (its own footnotePr/endnotePr override the defaults). */
  section(sectPr: XmlElement | undefined): void {
    const override = (kind: NoteKind, pr: XmlElement | undefined): NoteProps => {
      const d = this.defaults[kind]
      if (!pr) return d
      const restart = val(pr, 'w:numRestart')
      return {
        format: val(pr, 'w:numFmt') ?? d.format,
        start: Number(val(pr, 'w:numStart') ?? d.start),
        restart: restart === 'eachSect' || restart === 'eachPage' || restart === 'continuous' ? restart : d.restart,
      }
    }
    const first = this.props === undefined
    this.props = {
      footnote: override('footnote', child(sectPr, 'w:footnotePr')),
      endnote: override('endnote', child(sectPr, 'w:endnotePr')),
    }
    for (const kind of ['footnote', 'endnote'] as const)
      if (first || this.props[kind].restart === 'eachSect') this.counters[kind] = this.props[kind].start - 1
  }

  reference(kind: NoteKind, id: string, at: number, custom: boolean): string {
    const key = `${kind}/${id}`
    let label = this.labels.get(key)
    if (label === undefined) {
      const body = this.bodies[kind].get(id)
      if (!body) {
        this.missing++
        return ''
      }
      label = custom ? '' : formatNumber(++this.counters[kind], this.props[kind].format)
      this.labels.set(key, label)
      const mark = noteMark(label)
      const note: PendingNote = { kind, id, label, mark, body, ref: { from: at, to: at + mark.length } }
      if (kind === 'endnote' && !this.endnotesAtSectionEnd) this.atEnd.push(note)
      else this.pending.push(note)
      return mark
    }
    return noteMark(label)
  }

  /** Set the note whose body is being written (its `w:footnoteRef` shows its mark). */
  writing(note: PendingNote): void {
    this.current = note.mark
  }

  own(): string {
    return this.current
  }

  /** Whether a note body shows its own mark (a `w:footnoteRef`/`w:endnoteRef`). */
  static showsOwnMark(body: XmlElement): boolean {
    const search = (e: XmlElement): boolean =>
      e.children.some(
        (c) => typeof c !== 'string' && (c.name === 'w:footnoteRef' || c.name === 'w:endnoteRef' || search(c)),
      )
    return search(body)
  }
}

function noteProps(pr: XmlElement | undefined, format: string): NoteProps {
  const restart = val(pr, 'w:numRestart')
  return {
    format: val(pr, 'w:numFmt') ?? format,
    start: Number(val(pr, 'w:numStart') ?? 1),
    restart: restart === 'eachSect' || restart === 'eachPage' ? restart : 'continuous',
  }
}
