/**
 * Automatic numbering (`numbering.xml`) rendered as Word shows it. Word counts
 * per abstract list definition: every `w:num` that points at one abstractNum
 * shares its counters, so a list continues across numIds (a style-given and a
 * direct numId of one outline are one sequence). A `w:startOverride` restarts
 * the shared counter the first time its numId is used at that level; a level
 * restarts after any higher level unless `w:lvlRestart` says otherwise; the
 * label is `w:lvlText` with `%n` replaced by level n's number in its format
 * (decimal under `w:isLgl`), and `w:suff` says what follows it.
 */
import { formatNumber } from './number-format.ts'
import type { NumberingRef, Styles } from './styles.ts'
import { child, children, onOff, val, type XmlElement } from './xml.ts'

interface LevelDef {
  start: number
  format: string
  text: string
  /** Levels (1-based) whose use restarts this one: undefined = any higher level, 0 = never. */
  restart?: number
  legal: boolean
  suffix: 'tab' | 'space' | 'nothing'
  /** Paragraph style linked to this level, if any. */
  style?: string
}

interface NumDef {
  abstractId: string
  starts: Map<number, number>
  levels: Map<number, LevelDef>
}

/** The number Word shows before a paragraph. */
export interface ParagraphNumber {
  /** The label as shown: `1.`, `(a)`, `IV.`, `•`. */
  label: string
  /** What separates label and text: a tab, a space or nothing. */
  suffix: 'tab' | 'space' | 'nothing'
  numId: string
  level: number
  format: string
}

/** A document's numbering definitions and the running counters of one pass through its paragraphs. */
export class Numbering {
  private readonly abstracts = new Map<string, { levels: Map<number, LevelDef>; styleLink?: string }>()
  private readonly nums = new Map<string, NumDef>()
  private readonly counters = new Map<string, (number | undefined)[]>()
  private readonly used = new Set<string>()

  constructor(
    root: XmlElement | undefined,
    private readonly styles: Styles,
  ) {
    for (const a of children(root, 'w:abstractNum')) {
      const levels = new Map<number, LevelDef>()
      for (const l of children(a, 'w:lvl')) levels.set(Number(l.attrs['w:ilvl'] ?? 0), levelDef(l))
      this.abstracts.set(a.attrs['w:abstractNumId'] ?? '', { levels, styleLink: val(a, 'w:numStyleLink') })
    }
    for (const n of children(root, 'w:num')) {
      const starts = new Map<number, number>()
      const levels = new Map<number, LevelDef>()
      for (const o of children(n, 'w:lvlOverride')) {
        const ilvl = Number(o.attrs['w:ilvl'] ?? 0)
        const start = val(o, 'w:startOverride')
        if (start !== undefined) starts.set(ilvl, Number(start))
        const lvl = child(o, 'w:lvl')
        if (lvl) levels.set(ilvl, levelDef(lvl))
      }
      this.nums.set(n.attrs['w:numId'] ?? '', { abstractId: val(n, 'w:abstractNumId') ?? '', starts, levels })
    }
  }

  /**
   * The numbering of a paragraph with direct `numPr` `direct` and paragraph style `style`,
   * advancing the counters; undefined for an unnumbered paragraph.
   */
  next(direct: NumberingRef | undefined, style: string | undefined): ParagraphNumber | undefined {
    const fromStyle = this.styles.numbering(style)
    const numId = direct?.numId ?? fromStyle.numId
    if (numId === undefined || numId === '0') return undefined
    const num = this.nums.get(numId)
    if (!num) return undefined
    const abstractId = this.resolveAbstract(num.abstractId)
    const abstract = this.abstracts.get(abstractId)
    if (!abstract) return undefined
    const levelOf = (i: number) => num.levels.get(i) ?? abstract.levels.get(i)
    let level = direct?.ilvl ?? (direct?.numId === undefined ? fromStyle.ilvl : undefined)
    if (level === undefined && style !== undefined)
      for (const [i, l] of abstract.levels) if (l.style === style) level = i
    level = Math.min(8, Math.max(0, level ?? 0))
    const def = levelOf(level)
    if (!def) return undefined
    let counters = this.counters.get(abstractId)
    if (!counters) this.counters.set(abstractId, (counters = []))
    const key = `${numId}/${level}`
    if (!this.used.has(key)) {
      this.used.add(key)
      const start = num.starts.get(level)
      if (start !== undefined) counters[level] = start - 1
    }
    counters[level] = (counters[level] ?? def.start - 1) + 1
    for (let deeper = level + 1; deeper < 9; deeper++) {
      const d = levelOf(deeper)
      const restart = d?.restart
      if (restart === undefined || (restart > 0 && level < restart)) counters[deeper] = undefined
    }
    const label = def.text.replace(/%([1-9])/g, (_, k) => {
      const i = Number(k) - 1
      const l = levelOf(i)
      const value = counters![i] ?? l?.start ?? 1
      return formatNumber(value, def.legal && i !== level ? 'decimal' : (l?.format ?? 'decimal'))
    })
    return {
      label: def.format === 'bullet' ? bulletGlyph(label) : label,
      suffix: def.suffix,
      numId,
      level,
      format: def.format,
    }
  }

  // An abstractNum that is only a link to a numbering style takes that style's list.
  private resolveAbstract(id: string): string {
    let current = id
    for (let i = 0; i < 4; i++) {
      const link = this.abstracts.get(current)?.styleLink
      const numId = link === undefined ? undefined : this.styles.numbering(link).numId
      const target = numId === undefined ? undefined : this.nums.get(numId)?.abstractId
      if (target === undefined || target === current) break
      current = target
    }
    return current
  }
}

function levelDef(l: XmlElement): LevelDef {
  const restart = val(l, 'w:lvlRestart')
  const suff = val(l, 'w:suff')
  return {
    start: Number(val(l, 'w:start') ?? 1),
    format: val(l, 'w:numFmt') ?? 'decimal',
    text: val(l, 'w:lvlText') ?? '',
    restart: restart === undefined ? undefined : Number(restart),
    legal: onOff(child(l, 'w:isLgl')) ?? false,
    suffix: suff === 'space' || suff === 'nothing' ? suff : 'tab',
    style: val(l, 'w:pStyle'),
  }
}

// Bullets are often Symbol or Wingdings private-use characters (U+F0B7 is the
// Symbol font's bullet): shown as a plain bullet so the text stays readable.
function bulletGlyph(text: string): string {
  if (!text || /[\uf000-\uf8ff]/.test(text)) return '•'
  return text
}
