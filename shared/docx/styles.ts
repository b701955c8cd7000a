/**
 * Word styles (`styles.xml`) as the reader needs them: a paragraph style's
 * name, outline level and numbering (each looked up through `basedOn`, field
 * by field, as Word does: a style may give the list level while its parent
 * gives the list), and the run formatting that becomes marks, resolved from
 * direct formatting, then the character style, the paragraph style and the
 * document defaults.
 */
import { child, onOff, val, type XmlElement } from './xml.ts'

/** Run formatting that the reader keeps as marks. */
export interface RunFormat {
  bold?: boolean
  italic?: boolean
  underline?: boolean
  strike?: boolean
  /** Highlight colour (`yellow`), when highlighted. */
  highlight?: string
  superscript?: boolean
  subscript?: boolean
  /** Hidden text (`w:vanish`): Word does not show it. */
  hidden?: boolean
}

/** A list reference: numbering instance and level, either possibly absent. */
export interface NumberingRef {
  numId?: string
  ilvl?: number
}

interface StyleDef {
  id: string
  type: string
  name: string
  basedOn?: string
  numbering?: NumberingRef
  outlineLevel?: number
  run: RunFormat
}

/** The styles of a document. */
export class Styles {
  private readonly byId = new Map<string, StyleDef>()
  private readonly defaults: RunFormat
  private readonly defaultParagraph?: string
  private readonly runCache = new Map<string, RunFormat>()

  constructor(root: XmlElement | undefined) {
    this.defaults = runFormat(child(child(child(root, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr'))
    for (const s of root?.children ?? []) {
      if (typeof s === 'string' || s.name !== 'w:style') continue
      const id = s.attrs['w:styleId'] ?? ''
      const pPr = child(s, 'w:pPr')
      const numPr = child(pPr, 'w:numPr')
      const def: StyleDef = {
        id,
        type: s.attrs['w:type'] ?? 'paragraph',
        name: val(s, 'w:name') ?? id,
        basedOn: val(s, 'w:basedOn'),
        numbering: numPr ? numberingRef(numPr) : undefined,
        outlineLevel: intOf(val(pPr, 'w:outlineLvl')),
        run: runFormat(child(s, 'w:rPr')),
      }
      this.byId.set(id, def)
      if (def.type === 'paragraph' && ['1', 'true', 'on'].includes(s.attrs['w:default'] ?? ''))
        this.defaultParagraph ??= id
    }
  }

  /** The id of the paragraph style a paragraph without `w:pStyle` has. */
  paragraphStyleId(id: string | undefined): string | undefined {
    return id && this.byId.has(id) ? id : this.defaultParagraph
  }

  /** The style's display name (`heading 1`), or its id when it has none. */
  name(id: string | undefined): string | undefined {
    return id === undefined ? undefined : (this.byId.get(id)?.name ?? id)
  }

  /** Numbering given by the style or its ancestors, field by field. */
  numbering(id: string | undefined): NumberingRef {
    const out: NumberingRef = {}
    for (const s of this.chain(id)) {
      if (out.numId === undefined && s.numbering?.numId !== undefined) out.numId = s.numbering.numId
      if (out.ilvl === undefined && s.numbering?.ilvl !== undefined) out.ilvl = s.numbering.ilvl
    }
    return out
  }

  /** Outline level (0 = top) of the style or its ancestors; built-in `heading N` styles count as level N−1. */
  outlineLevel(id: string | undefined): number | undefined {
    for (const s of this.chain(id)) {
      if (s.outlineLevel !== undefined) return s.outlineLevel < 9 ? s.outlineLevel : undefined
      const m = /^heading (\d)$/i.exec(s.name)
      if (m) return Number(m[1]) - 1
    }
    return undefined
  }

  /** The effective run format of a run: direct, then character style, paragraph style, defaults. */
  runFormat(direct: RunFormat, runStyle: string | undefined, paragraphStyle: string | undefined): RunFormat {
    const key = `${runStyle ?? ''}\u0000${paragraphStyle ?? ''}`
    let inherited = this.runCache.get(key)
    if (!inherited) {
      inherited = { ...this.defaults }
      for (const s of [...this.chain(paragraphStyle)].reverse()) Object.assign(inherited, defined(s.run))
      for (const s of [...this.chain(runStyle)].reverse()) Object.assign(inherited, defined(s.run))
      this.runCache.set(key, inherited)
    }
    return { ...inherited, ...defined(direct) }
  }

  private *chain(id: string | undefined): Generator<StyleDef> {
    const seen = new Set<string>()
    for (
      let s = id === undefined ? undefined : this.byId.get(id);
      s && !seen.has(s.id);
      s = s.basedOn ? this.byId.get(s.basedOn) : undefined
    ) {
      seen.add(s.id)
      yield s
    }
  }
}

/** The run formatting written in a `w:rPr`. */
export function runFormat(rPr: XmlElement | undefined): RunFormat {
  if (!rPr) return {}
  const f: RunFormat = {}
  for (const c of rPr.children) {
    if (typeof c === 'string') continue
    switch (c.name) {
      case 'w:b':
        f.bold = onOff(c)
        break
      case 'w:i':
        f.italic = onOff(c)
        break
      case 'w:u':
        f.underline = (c.attrs['w:val'] ?? 'single') !== 'none'
        break
      case 'w:strike':
      case 'w:dstrike':
        f.strike = onOff(c) || f.strike
        break
      case 'w:highlight': {
        const colour = c.attrs['w:val'] ?? 'none'
        f.highlight = colour === 'none' ? '' : colour
        break
      }
      case 'w:vertAlign': {
        const v = c.attrs['w:val']
        f.superscript = v === 'superscript'
        f.subscript = v === 'subscript'
        break
      }
      case 'w:vanish':
        f.hidden = onOff(c)
        break
    }
  }
  return f
}

/** A `w:numPr`'s list and level. */
export function numberingRef(numPr: XmlElement): NumberingRef {
  return { numId: val(numPr, 'w:numId'), ilvl: intOf(val(numPr, 'w:ilvl')) }
}

function defined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {}
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v
  return out
}

function intOf(s: string | undefined): number | undefined {
  if (s === undefined) return undefined
  const n = parseInt(s, 10)
  return Number.isFinite(n) ? n : undefined
}
