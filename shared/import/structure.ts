/**
 * Where options begin and end. A run of options is the alternatives for one
 * place in the text: `Option 1 … Option 2 … Option 3` under one numbered
 * paragraph, one heading or one bracket. Each option runs to the next label of
 * its run; the last one ends where the element that holds the run ends — at the
 * next numbered paragraph of the same level (or, in Markdown, the next line
 * indented no deeper than that paragraph) when the run sits in one, at the next
 * heading of the same or a higher rank when it sits under a heading. Options
 * with text on their label line and no numbered paragraph around them end at
 * the next numbered paragraph or heading.
 *
 * Options stay flat siblings in the document (the schema nests no option in
 * another); a run nested in an option names it as `parent`, and the text of
 * the parent after its nested run is a second node that `continues` it.
 */
import type { BlockRec } from './blocks.ts'
import { continuesRun, type OptionLabel } from './option-label.ts'
import type { StructureCorrections } from './structure-corrections.ts'
import type { Guess } from './guess.ts'
import type { TableRec } from './tables.ts'

/** How the element holding a run ends. */
export type Enclosure =
  | { kind: 'heading'; rank: number }
  | { kind: 'paragraph'; depth: number; indent: number; base: string }
  | { kind: 'flow'; indent: number }

/** A run of options as planned. */
export interface RunPlan {
  style: string
  values: string[]
  options: OptionPlan[]
  parent: OptionPlan | null
  enclosure: Enclosure
}

/** An option as planned: its run, its label block, and what the importer could not tell. */
export interface OptionPlan {
  run: RunPlan
  parent: OptionPlan | null
  label: BlockRec
  /** Blocks placed in it, in order (all its nodes). */
  blocks: BlockRec[]
  nodes: number
  extent: 'guess' | 'reviewed' | null
  /** Why its extent is a guess, for `accord inspect`. */
  guess: string | null
}

/** One option node: an option, or the rest of one after a run nested in it. */
export interface NodePlan {
  option: OptionPlan
  continues: boolean
}

/** Where an item goes: into an option node, or (null) into the division; `division` when its heading opens one. */
export interface Placement {
  item: BlockRec | TableRec
  node: NodePlan | null
  division?: 'article' | 'section'
}

interface Frame {
  run: RunPlan
  current: OptionPlan | null
}

type Item = BlockRec | TableRec

/** Plan the placement of `items` in options; `markdown` reads indentation as structure. */
export function planStructure(
  items: Item[],
  lines: string[],
  markdown: boolean,
  corrections: StructureCorrections,
  guesses: Guess[],
): Placement[] {
  // An option alone in its run that holds other options or headings is no choice
  // but a label in running text (`OPTION I [for groups of articles …]` in a note
  // explaining the scheme): it is read as text, and the text is planned again
  // without it, so it cannot swallow what follows. A lone option of plain text
  // stays one: the text may still be kept or dropped.
  for (let pass = 0; ; pass++) {
    const placements = new Planner(items, lines, markdown, corrections).plan()
    const holding = new Set<OptionPlan>()
    for (const p of placements) {
      const option = p.node?.option
      if (!option) continue
      if (option.parent) holding.add(option.parent)
      const item = p.item
      if (item !== option.label && item.type === 'heading' && typeof item.rank === 'number') holding.add(option)
    }
    const alone = [...holding].filter((o) => o.run.options.length === 1 && !o.label.madeOption)
    if (!alone.length || pass >= 4) return placements
    for (const option of alone) {
      const b = option.label
      guesses.push({
        kind: 'option',
        id: null,
        line: b.first + 1,
        column: (b.option?.from ?? b.from) + 1,
        message: `${JSON.stringify(lines[b.first].slice(b.option!.from, b.option!.to))} read as text: it is alone in its run and would take in what follows; make it an option if it is one`,
      })
      unmakeOption(b)
    }
  }
}

/** Read the label `b` starts with as text. */
export function unmakeOption(b: BlockRec): void {
  b.option = undefined
  if (b.label?.kind === 'option') b.label = undefined
  if (b.type === 'heading' && b.level === 'option') {
    b.type = 'paragraph'
    b.level = undefined
    b.rank = undefined
  }
}

class Planner {
  private stack: Frame[] = []
  private out: Placement[] = []
  private headingRank = -1
  private lastPara: { depth: number; indent: number; value: string } | null = null
  private openNode: NodePlan | null = null
  private extendUntil = -1

  constructor(
    private items: Item[],
    private lines: string[],
    private markdown: boolean,
    private corrections: StructureCorrections,
  ) {}

  plan(): Placement[] {
    for (let i = 0; i < this.items.length; i++) {
      const item = this.items[i]
      if (item.type === 'table') {
        this.place(item)
        continue
      }
      this.corrections.apply(item)
      if (this.stack.length && i > this.extendUntil) this.extendUntil = this.corrections.pendingEnd(this.items, i)
      if (i <= this.extendUntil && !item.option) this.place(item)
      else this.block(item, i)
      const end = this.corrections.endAfter(item)
      if (end && this.stack.length) this.endByCorrection(end)
    }
    while (this.stack.length) this.closeTop()
    return this.out
  }

  private block(b: BlockRec, i: number): void {
    if (b.aside || b.type === 'table_break' || b.type === 'row') return this.place(b)
    if (b.type === 'heading' && b.level !== 'option') {
      if (b.rank === null || b.rank === undefined) return this.place(b)
      const h = b.rank
      while (this.stack.length) {
        const e = this.top().run.enclosure
        if (e.kind === 'heading' && h > e.rank) break
        this.closeTop()
      }
      this.headingRank = h
      this.lastPara = null
      if (!this.stack.length && (b.level === 'article' || b.level === 'section')) {
        this.openNode = null
        this.out.push({ item: b, node: null, division: b.level })
        return
      }
      return this.place(b)
    }
    if (b.option) return this.option(b, b.option, i)
    if (b.type === 'provision' || b.type === 'list_item') {
      const depth = b.depth ?? 1
      while (this.stack.length) {
        const frame = this.top()
        const e = frame.run.enclosure
        if (e.kind === 'heading') break
        const ends =
          e.kind === 'flow'
            ? depth === 1 || (this.markdown && b.indent < e.indent)
            : this.markdown
              ? b.indent <= e.indent
              : depth <= e.depth
        if (!ends) break
        if (e.kind === 'paragraph' && isBisOf(b.label?.value, e.base) && this.continuationAhead(i, frame)) break
        this.closeTop()
      }
      this.lastPara = { depth, indent: b.indent, value: b.label?.value ?? '' }
      return this.place(b)
    }
    if (this.markdown) {
      while (this.stack.length) {
        const e = this.top().run.enclosure
        if (e.kind === 'heading') break
        if (e.kind === 'paragraph' ? b.indent > e.indent : b.indent >= e.indent) break
        this.closeTop()
      }
    }
    this.place(b)
  }

  private option(b: BlockRec, o: OptionLabel, i: number): void {
    // An option a reviewer made has no label: it joins the run open where it stands.
    if (o.style === '' && this.stack.length) o = b.option = { ...o, style: this.top().run.style }
    let k = this.stack.length - 1
    while (k >= 0 && !continuesRun(this.stack[k].run.style, this.stack[k].run.values, o.style, o.value)) k--
    if (k >= 0) {
      while (this.stack.length - 1 > k) this.closeTop()
      const frame = this.top()
      this.endOption(frame)
      this.startOption(frame, b, o)
      return
    }
    const enclosure = this.enclosureOf(b, o, i)
    if (enclosure.kind === 'heading')
      while (this.stack.length && this.top().run.enclosure.kind !== 'heading') this.closeTop()
    const parent = this.containerOption()
    const run: RunPlan = { style: o.style, values: [], options: [], parent, enclosure }
    const frame: Frame = { run, current: null }
    this.stack.push(frame)
    this.startOption(frame, b, o)
  }

  private enclosureOf(b: BlockRec, o: OptionLabel, i: number): Enclosure {
    const para = this.lastPara
    const paragraph = (p: { depth: number; indent: number; value: string }): Enclosure => ({
      kind: 'paragraph',
      depth: p.depth,
      indent: p.indent,
      base: p.value,
    })
    if (b.gap === -1 && para) return paragraph(para)
    if (this.markdown && para && b.indent > para.indent) return paragraph(para)
    if (!o.labelOnly) return para && !this.markdown ? paragraph(para) : { kind: 'flow', indent: b.indent }
    // `OPTION I:` right before an article's heading holds articles: it ends only at a heading above them.
    const next = this.nextBlock(i)
    const rank = this.headingRank
    if (next?.type === 'heading' && typeof next.rank === 'number' && next.rank <= rank)
      return { kind: 'heading', rank: next.rank - 1 }
    return { kind: 'heading', rank }
  }

  private nextBlock(i: number): BlockRec | undefined {
    for (let j = i + 1; j < this.items.length; j++) {
      const x = this.items[j]
      if (x.type === 'table') return undefined
      if (!x.aside) return x
    }
    return undefined
  }

  private startOption(frame: Frame, b: BlockRec, o: OptionLabel): void {
    const option: OptionPlan = {
      run: frame.run,
      parent: frame.run.parent,
      label: b,
      blocks: [],
      nodes: 0,
      extent: null,
      guess: null,
    }
    frame.run.options.push(option)
    frame.run.values.push(o.value)
    frame.current = option
    this.place(b)
  }

  private endOption(frame: Frame): void {
    frame.current = null
  }

  private closeTop(): void {
    const frame = this.stack.pop()!
    const run = frame.run
    const last = run.options[run.options.length - 1]
    if (run.options.length === 1) {
      last.extent = 'guess'
      last.guess = 'an option alone in its run: no other option was found; unmake it if it is not one'
    } else if (last.extent === null) {
      const doubt = extentDoubt(last, run.enclosure, this.lines)
      if (doubt) {
        last.extent = 'guess'
        last.guess = doubt
      }
    }
    frame.current = null
  }

  private endByCorrection(kind: 'option' | 'run'): void {
    const frame = this.top()
    const option = frame.current ?? frame.run.options[frame.run.options.length - 1]
    option.extent = 'reviewed'
    option.guess = null
    if (kind === 'run') this.stack.pop()
    else frame.current = null
    this.openNode = null
  }

  // Whether, after `1 bis.` inside a run of paragraph 1, the run goes on (`Option C` follows).
  private continuationAhead(i: number, frame: Frame): boolean {
    const e = frame.run.enclosure
    for (let j = i + 1; j < this.items.length && j < i + 400; j++) {
      const x = this.items[j]
      if (x.type === 'table' || x.aside) continue
      if (x.option) return continuesRun(frame.run.style, frame.run.values, x.option.style, x.option.value)
      if (x.type === 'heading' && x.rank !== null && x.rank !== undefined) return false
      if ((x.type === 'provision' || x.type === 'list_item') && e.kind === 'paragraph') {
        if ((x.depth ?? 1) <= e.depth && !isBisOf(x.label?.value, e.base)) return false
      }
    }
    return false
  }

  private containerOption(): OptionPlan | null {
    for (let k = this.stack.length - 1; k >= 0; k--) {
      const current = this.stack[k].current
      if (current) return current
    }
    return null
  }

  private place(item: Item): void {
    const option = this.containerOption()
    if (!option) this.openNode = null
    else if (this.openNode?.option !== option) {
      this.openNode = { option, continues: option.nodes > 0 }
      option.nodes++
    }
    if (option && item.type !== 'table') option.blocks.push(item)
    this.out.push({ item, node: this.openNode })
  }

  private top(): Frame {
    return this.stack[this.stack.length - 1]
  }
}

// `1 bis`, `1bis`, `4 ter` of paragraph `1` / `4`.
function isBisOf(value: string | undefined, base: string): boolean {
  const m = value && /^(\d+)\s?(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies)$/.exec(value)
  return !!m && m[1] === /^\d+/.exec(base)?.[0]
}

// Why the last option of a run may not end where the importer ended it: it
// takes in a heading, or a paragraph that starts a sentence of its own (not a
// line that carries one on after a page break, not a list item).
function extentDoubt(last: OptionPlan, enclosure: Enclosure, lines: string[]): string | null {
  // A label on a line of its own is followed by the option's first paragraph.
  const after = last.blocks.slice(last.label.type === 'heading' ? 2 : 1)
  if (enclosure.kind === 'heading') {
    const heading = after.find((b) => b.type === 'heading' && b.rank !== null && b.rank !== undefined)
    if (heading)
      return `the last option of its run takes in the heading on line ${heading.first + 1}; set its end if that heading is not part of it`
    // A run under a heading whose last option has its text on its label line: a numbered paragraph after it may follow the run.
    const numbered = last.label.type !== 'heading' && after.find((b) => b.type === 'provision')
    return numbered
      ? `the last option of its run takes in the numbered paragraph on line ${numbered.first + 1}; set its end if that paragraph follows the options`
      : null
  }
  const paragraph = after.find(
    (b) =>
      !b.aside &&
      (b.type === 'paragraph' || b.type === 'instruction') &&
      /^\s*[\p{Lu}[("“‘]/u.test(lines[b.first].slice(b.from)),
  )
  return paragraph
    ? `the last option of its run takes in the paragraph on line ${paragraph.first + 1}; set its end if that paragraph follows the options`
    : null
}
