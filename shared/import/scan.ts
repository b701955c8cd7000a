/**
 * Splits the inline content of a block (or table cell) into tokens: brackets,
 * blanks, editorial notes, footnote markers, labels, line breaks and text.
 * Brackets are only marked here; `brackets.ts` pairs them across the whole text.
 */
import type { LabelSpan } from './classify.ts'
import { superscriptValue } from './classify.ts'
import type { Diagnostic } from './diagnostic.ts'

/** A piece of one line that belongs to a run. */
export interface Segment {
  line: number
  from: number
  to: number
}

/** The inline content of one textblock or table cell: line pieces joined by breaks. */
export interface Run {
  segments: Segment[]
  /** Label at the start of the first segment's line. */
  label?: LabelSpan
  tokens: Token[]
  /** A heading or option label line: digits glued to the last word of its first line are a footnote marker (`Option II: Finance6`). */
  titleLine?: boolean
  /** A heading of an article or higher: a bracket opened in running text before it does not reach past it. */
  barrier?: boolean
  /** The run is a heading's: a bracket it opens may close sections later (`B. [Definitions`). */
  heading?: boolean
}

/** How the text writes what the scanner reads differently by shape. */
export interface ScanOptions {
  /** Markdown: `[^1]` is a footnote marker, `*` is emphasis, never a marker. */
  markdown: boolean
  /** The text's line ending, for drafting notes `{…}` that wrap across lines. */
  eol: string
}

/** A bracket character, to be paired by `pairBrackets`. */
export interface BracketToken {
  kind: 'open' | 'close'
  line: number
  col: number
  run: Run
  index: number
  mate: BracketToken | null
  group: BracketGroupRec | null
  /** Index of the alternative in its group. */
  alt: number
  /** Brackets open around this one (0 outside any), set by `pairBrackets`. */
  depth: number
}

/** A set of bracket pairs that form one group: alternatives, or one optional text. */
export interface BracketGroupRec {
  id: string
  alts: { open: BracketToken; close: BracketToken; id: string }[]
  /** All pairs open and close in the same run: the group is one inline node. */
  inline: boolean
  guess: string | null
}

/** Any token of a run. */
export type Token =
  | { kind: 'text'; text: string; line: number; col: number }
  | { kind: 'break' }
  | { kind: 'label'; text: string; span: LabelSpan }
  | { kind: 'blank'; text: string }
  | { kind: 'note'; text: string; style: 'square' | 'curly' }
  | { kind: 'ref'; text: string; label: string }
  | BracketToken

const BLANK = /\[ ?(?:\.{3,}|…) ?\]/y
const SUPERSCRIPTS = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/y
const CARET = /\^(?:\{[^}\s]{1,8}\}|[A-Za-z0-9*])/y
// `]6`, `]12.`: a marker glued to a bracket; `[y]70 per cent` is a number.
const GLUED_DIGITS = /\d{1,2}(?=$|[\s[\]\.,;:)])(?!\s*(?:per ?cent|percent|%|°|years?\b|million|billion|tonnes?\b))/y
// `COP,9 the`: a marker a PDF flattened after a word's punctuation (never `1/CP.17`: after `.` only in lower case).
const PUNCTUATED_DIGITS = /(?:(?<=\p{L}[,;:])|(?<=\p{Ll}\.))[1-9]\d?(?=\s|$)/uy
const MARKDOWN_REF = /\[\^[^\]\s]{1,10}\]/y
// `Finance6` at the end of a heading or option label line.
const TITLE_MARKER = /(?<=\p{Ll})[1-9]\d?\s*$/u

/** Tokenize `run` in place, reading its segments from `lines`. */
export function scanRun(run: Run, lines: string[], diagnostics: Diagnostic[], options: ScanOptions): void {
  const scanner = new Scanner(run, diagnostics, options, lines)
  const { segments, tokens } = run
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s]
    if (s > 0 && !scanner.inNote) tokens.push({ kind: 'break' })
    const text = lines[seg.line]
    let from = seg.from
    if (s === 0 && run.label && run.label.from >= seg.from) {
      scanner.scan(text, seg.line, from, run.label.from, s)
      tokens.push({ kind: 'label', text: text.slice(run.label.from, run.label.to), span: run.label })
      from = run.label.to
    }
    let to = seg.to
    let marker: string | null = null
    if (run.titleLine && s === 0) {
      const m = TITLE_MARKER.exec(text.slice(from, to))
      if (m) {
        marker = m[0].trim()
        to = from + m.index
      }
    }
    scanner.scan(text, seg.line, from, to, s)
    if (marker) {
      tokens.push({ kind: 'ref', text: text.slice(to, seg.to), label: marker })
    }
  }
  scanner.finish()
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (t.kind === 'open' || t.kind === 'close') t.index = i
  }
}

// A class rather than closures: this is the importer's hottest loop.
class Scanner {
  private text = ''
  private line = 0
  private start = 0
  /** A drafting note `{…}` that opened on an earlier line of the run and is still open. */
  inNote = false
  private note = ''
  private segment = 0

  constructor(
    private run: Run,
    private diagnostics: Diagnostic[],
    private options: ScanOptions,
    private lines: string[],
  ) {}

  scan(text: string, line: number, from: number, to: number, segment: number): void {
    this.text = text
    this.line = line
    this.start = from
    this.segment = segment
    const tokens = this.run.tokens
    let i = from
    if (this.inNote) {
      const end = text.indexOf('}', from)
      if (end < 0 || end >= to) {
        this.note += this.options.eol + text.slice(from, to)
        this.start = to
        return
      }
      tokens.push({ kind: 'note', text: this.note + this.options.eol + text.slice(from, end), style: 'curly' })
      this.inNote = false
      this.note = ''
      this.start = i = end + 1
    }
    const markdown = this.options.markdown
    while (i < to) {
      const c = text.charCodeAt(i)
      let m: RegExpExecArray | null = null
      if (c === 91 /* [ */) {
        this.flush(i)
        BLANK.lastIndex = i
        if ((m = BLANK.exec(text)) && i + m[0].length <= to) {
          tokens.push({ kind: 'blank', text: m[0] })
          this.start = i += m[0].length
          continue
        }
        if (markdown && text.charCodeAt(i + 1) === 94 /* ^ */) {
          MARKDOWN_REF.lastIndex = i
          if ((m = MARKDOWN_REF.exec(text)) && i + m[0].length <= to) {
            tokens.push({ kind: 'ref', text: m[0], label: m[0].slice(2, -1) })
            this.start = i += m[0].length
            continue
          }
        }
        // `[*specified conditions*]`: a note only when no bracket stands inside it.
        const noteEnd = text.charCodeAt(i + 1) === 42 && text.charCodeAt(i + 2) !== 93 ? text.indexOf('*]', i + 2) : -1
        if (noteEnd >= 0 && noteEnd + 2 <= to && !/[[\]]/.test(text.slice(i + 2, noteEnd))) {
          tokens.push({ kind: 'note', text: text.slice(i + 2, noteEnd), style: 'square' })
          this.start = i = noteEnd + 2
          continue
        }
        this.bracket('open', i)
        this.start = ++i
        // `[*]`: a bracketed footnote marker.
        if (text.charCodeAt(i) === 42 && text.charCodeAt(i + 1) === 93) {
          tokens.push({ kind: 'ref', text: '*', label: '*' })
          this.start = ++i
        }
      } else if (c === 93 /* ] */) {
        this.flush(i)
        this.bracket('close', i)
        this.start = ++i
        GLUED_DIGITS.lastIndex = i
        if ((m = GLUED_DIGITS.exec(text)) && i + m[0].length <= to) {
          tokens.push({ kind: 'ref', text: m[0], label: m[0] })
          this.start = i += m[0].length
        }
      } else if (c === 123 /* { */ && markdown && text.charCodeAt(i + 1) === 58 /* : */) {
        i++ // `{:toc}`, `{: .class}`: Kramdown's attribute lists, markup rather than a drafting note
      } else if (c === 123 /* { */) {
        const end = text.indexOf('}', i + 1)
        if (end >= 0 && end < to && text.lastIndexOf('{', end - 1) === i) {
          this.flush(i)
          tokens.push({ kind: 'note', text: text.slice(i + 1, end), style: 'curly' })
          this.start = i = end + 1
        } else if (end < 0 && text.indexOf('{', i + 1) < 0 && this.closesLater()) {
          // A note that wraps: it runs on to the '}' of a later line of this block.
          this.flush(i)
          this.inNote = true
          this.note = text.slice(i + 1, to)
          this.start = to
          return
        } else {
          this.diagnostics.push({
            line: line + 1,
            column: i + 1,
            message: "'{' with no '}' in its paragraph: kept as text",
            hint: 'Close the drafting note, or remove the brace.',
          })
          i++
        }
      } else if (isSuperscriptDigit(c)) {
        this.flush(i)
        SUPERSCRIPTS.lastIndex = i
        m = SUPERSCRIPTS.exec(text)!
        const end = Math.min(i + m[0].length, to)
        const raw = text.slice(i, end)
        tokens.push({ kind: 'ref', text: raw, label: superscriptValue(raw) })
        this.start = i = end
      } else if (c === 94 /* ^ */) {
        CARET.lastIndex = i
        if ((m = CARET.exec(text)) && i + m[0].length <= to) {
          this.flush(i)
          tokens.push({ kind: 'ref', text: m[0], label: m[0].replace(/^\^\{?|\}$/g, '') })
          this.start = i += m[0].length
        } else i++
      } else if (
        c === 42 /* * */ &&
        !markdown &&
        i > 0 &&
        isLetter(text.charCodeAt(i - 1)) &&
        (i + 1 >= to || !isWordChar(text.charCodeAt(i + 1)))
      ) {
        // `Bulgaria*`: the EIT marker glued to a Party's name.
        this.flush(i)
        tokens.push({ kind: 'ref', text: '*', label: '*' })
        this.start = ++i
      } else if (c >= 49 && c <= 57 && i > 1 && isMarkerPunctuation(text.charCodeAt(i - 1))) {
        PUNCTUATED_DIGITS.lastIndex = i
        if ((m = PUNCTUATED_DIGITS.exec(text)) && i + m[0].length <= to) {
          this.flush(i)
          tokens.push({ kind: 'ref', text: m[0], label: m[0] })
          this.start = i += m[0].length
        } else i++
      } else i++
    }
    this.flush(to)
  }

  /** A note still open at the end of the run is not one: its '{' was reported when it opened. */
  finish(): void {
    if (this.inNote) throw new Error('drafting note left open: closesLater() promised a "}"')
  }

  // Whether a later line of the run closes a '{' left open on this one (before any other '{').
  private closesLater(): boolean {
    const segments = this.run.segments
    for (let s = this.segment + 1; s < segments.length; s++) {
      const seg = segments[s]
      const text = this.lines[seg.line]
      const close = text.indexOf('}', seg.from)
      const open = text.indexOf('{', seg.from)
      if (open >= 0 && open < seg.to && (close < 0 || open < close)) return false
      if (close >= 0 && close < seg.to) return true
    }
    return false
  }

  private flush(end: number): void {
    if (end > this.start)
      this.run.tokens.push({ kind: 'text', text: this.text.slice(this.start, end), line: this.line, col: this.start })
  }

  private bracket(kind: 'open' | 'close', col: number): void {
    this.run.tokens.push({
      kind,
      line: this.line,
      col,
      run: this.run,
      index: 0,
      mate: null,
      group: null,
      alt: 0,
      depth: 0,
    })
  }
}

function isMarkerPunctuation(c: number): boolean {
  return c === 44 /* , */ || c === 59 /* ; */ || c === 58 /* : */ || c === 46 /* . */
}

function isSuperscriptDigit(c: number): boolean {
  return c === 0x2070 || (c >= 0x2074 && c <= 0x2079) || c === 0xb9 || c === 0xb2 || c === 0xb3
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f)
}

function isWordChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57)
}
