/**
 * The reader's output being written: the text, and the side data recorded at
 * the offsets where it is written. A block is written optimistically and taken
 * back (`rollback`) when it turns out to hold no visible text, so empty Word
 * paragraphs leave no blank lines and everything anchored in them moves to
 * where they would have been.
 */
import type { DocxMark, DocxMarkName, DocxNote, DocxParagraph, FormatChange, TrackedChange } from './reading.ts'
import type { RunFormat } from './styles.ts'
import type { XmlElement } from './xml.ts'

/** A point to roll back to. */
export interface Checkpoint {
  length: number
  marks: number
  changes: number
  formatChanges: number
  paragraphs: number
}

/** Where comment ranges start and end, by comment id. */
export type AnchorPoints = Map<string, { from?: number; to?: number; ref?: number }>

const MARKS: [DocxMarkName, (f: RunFormat) => string | undefined][] = [
  ['bold', (f) => (f.bold ? '' : undefined)],
  ['italic', (f) => (f.italic ? '' : undefined)],
  ['underline', (f) => (f.underline ? '' : undefined)],
  ['strike', (f) => (f.strike ? '' : undefined)],
  ['highlight', (f) => f.highlight || undefined],
  ['superscript', (f) => (f.superscript ? '' : undefined)],
  ['subscript', (f) => (f.subscript ? '' : undefined)],
]

/** The text and its side data, as written so far. */
export class TextWriter {
  // The text as chunks: appending to one string would make a rope that every slice flattens.
  private readonly chunks: string[] = []
  private size = 0
  private joined: string | undefined
  readonly marks: DocxMark[] = []
  readonly changes: TrackedChange[] = []
  readonly formatChanges: FormatChange[] = []
  readonly paragraphs: DocxParagraph[] = []
  readonly notes: DocxNote[] = []
  readonly anchors: AnchorPoints = new Map()
  private readonly open = new Map<DocxMarkName, DocxMark>()

  /** Length of the text so far. */
  get length(): number {
    return this.size
  }

  /** The text so far. */
  get text(): string {
    if (this.joined === undefined) {
      this.joined = this.chunks.join('')
      this.chunks.length = 0
      this.chunks.push(this.joined)
    }
    return this.joined
  }

  /** The text from `from` to the end (cheap for a recent `from`). */
  since(from: number): string {
    let at = this.size
    let i = this.chunks.length
    while (i > 0 && at > from) at -= this.chunks[--i].length
    return this.chunks
      .slice(i)
      .join('')
      .slice(from - at)
  }

  /** Append `text`, marked as `format` says. */
  write(text: string, format?: RunFormat): void {
    if (!text) return
    const from = this.size
    this.chunks.push(text)
    this.size += text.length
    this.joined = undefined
    if (!format) return
    for (const [name, value] of MARKS) {
      const v = value(format)
      if (v === undefined) continue
      const last = this.open.get(name)
      if (last && last.to === from && (last.value ?? '') === v) last.to = this.size
      else {
        const mark: DocxMark = v ? { from, to: this.size, mark: name, value: v } : { from, to: this.size, mark: name }
        this.marks.push(mark)
        this.open.set(name, mark)
      }
    }
  }

  /** Record where comment `id`'s range starts, ends or is referenced. */
  anchor(id: string, point: 'from' | 'to' | 'ref'): void {
    let a = this.anchors.get(id)
    if (!a) this.anchors.set(id, (a = {}))
    if (point === 'from' && a.from !== undefined) return
    a[point] = this.size
  }

  /** Record a comment range marker (`w:commentRangeStart`/`End`); false for any other element. */
  commentRange(e: XmlElement): boolean {
    if (e.name !== 'w:commentRangeStart' && e.name !== 'w:commentRangeEnd') return false
    this.anchor(e.attrs['w:id'] ?? '', e.name === 'w:commentRangeStart' ? 'from' : 'to')
    return true
  }

  /** A point to come back to. */
  checkpoint(): Checkpoint {
    return {
      length: this.size,
      marks: this.marks.length,
      changes: this.changes.length,
      formatChanges: this.formatChanges.length,
      paragraphs: this.paragraphs.length,
    }
  }

  /** Take back everything written since `cp`; anchors and changes recorded since move to `cp`. */
  rollback(cp: Checkpoint): void {
    if (this.size === cp.length) return
    while (this.size > cp.length) {
      const last = this.chunks.pop()!
      this.size -= last.length
      if (this.size < cp.length) {
        this.chunks.push(last.slice(0, cp.length - this.size))
        this.size = cp.length
      }
    }
    this.joined = undefined
    this.marks.length = cp.marks
    this.paragraphs.length = cp.paragraphs
    for (const m of this.marks) if (m.to > cp.length) m.to = cp.length
    this.open.clear()
    for (const c of [...this.changes.slice(cp.changes), ...this.formatChanges.slice(cp.formatChanges)]) {
      c.from = Math.min(c.from, cp.length)
      c.to = Math.min(c.to, cp.length)
    }
    for (const a of this.anchors.values())
      for (const k of ['from', 'to', 'ref'] as const) if (a[k] !== undefined && a[k]! > cp.length) a[k] = cp.length
  }
}
