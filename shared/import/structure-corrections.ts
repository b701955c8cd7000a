/**
 * A reviewer's corrections of the importer's option structure, read from the
 * text's annotations: this paragraph is an option (`option`), this label is not
 * one (`not-option`), the option holding this line ends with it (`option-end`),
 * the run holding it ends with it (`run-end`). Each names its line by a quote
 * (see `annotations.ts`); one that matches no line, or changes nothing, is
 * reported rather than dropped.
 */
import type { Annotation } from './annotations.ts'
import { locateAnnotation } from './annotations.ts'
import type { BlockRec } from './blocks.ts'
import type { Diagnostic } from './diagnostic.ts'
import { unmakeOption } from './structure.ts'
import type { TableRec } from './tables.ts'

type StructureKind = 'option' | 'not-option' | 'option-end' | 'run-end'
const STRUCTURE_KINDS = new Set<string>(['option', 'not-option', 'option-end', 'run-end'])

interface Correction {
  annotation: Annotation & { kind: StructureKind }
  /** 0-based line. */
  line: number
  used: boolean
}

/** The structure corrections of one text, as the planner consults them. */
export class StructureCorrections {
  private byLine = new Map<number, Correction[]>()
  private ends: Correction[] = []
  private endItems: number[] | null = null

  constructor(
    annotations: Annotation[],
    private lines: string[],
    diagnostics: Diagnostic[],
  ) {
    for (const a of annotations) {
      if (!STRUCTURE_KINDS.has(a.kind)) continue
      const column = locateAnnotation(a, lines, diagnostics)
      if (column < 0) continue
      const c: Correction = { annotation: a as Correction['annotation'], line: a.line - 1, used: false }
      const list = this.byLine.get(c.line) ?? []
      list.push(c)
      this.byLine.set(c.line, list)
      if (a.kind === 'option-end' || a.kind === 'run-end') this.ends.push(c)
    }
  }

  /** Whether there are any: the planner skips its look-ups when there are none. */
  get empty(): boolean {
    return this.byLine.size === 0
  }

  /** Make or unmake the option `block` starts with. */
  apply(block: BlockRec): void {
    if (this.empty) return
    for (const c of this.at(block)) {
      if (c.annotation.kind === 'not-option' && block.option) {
        c.used = true
        unmakeOption(block)
      } else if (c.annotation.kind === 'option' && (!block.option || block.madeOption)) {
        c.used = true
        // No label: the run it joins is the one open where it stands (see the planner).
        block.option = {
          from: block.from,
          to: block.from,
          value: `line ${block.first + 1}`,
          style: '',
          labelOnly: false,
        }
        block.madeOption = true
      }
    }
  }

  /** The end a correction sets after `block`, if any. */
  endAfter(block: BlockRec | TableRec): 'option' | 'run' | null {
    if (this.empty || block.type === 'table') return null
    for (const c of this.at(block)) {
      if (c.annotation.kind === 'option-end' || c.annotation.kind === 'run-end') {
        c.used = true
        return c.annotation.kind === 'option-end' ? 'option' : 'run'
      }
    }
    return null
  }

  /**
   * The index of the item where a correction ends the option open at item `i`
   * (no option label before it), or -1: until there, no boundary ends it.
   */
  pendingEnd(items: (BlockRec | TableRec)[], i: number): number {
    if (!this.ends.length) return -1
    this.endItems ??= this.ends.map((c) =>
      items.findIndex((x) => x.type !== 'table' && x.first <= c.line && c.line <= x.last),
    )
    let best = -1
    for (const j of this.endItems) if (j >= i && (best < 0 || j < best)) best = j
    if (best < 0) return -1
    for (let k = i + 1; k <= best; k++) {
      const x = items[k]
      if (x.type !== 'table' && x.option) return -1
    }
    return best
  }

  /** Report the corrections that changed nothing (the text moved, or the structure already was so). */
  report(diagnostics: Diagnostic[]): void {
    for (const list of this.byLine.values())
      for (const c of list)
        if (!c.used)
          diagnostics.push({
            line: c.line + 1,
            column: 1,
            message: `annotation (${c.annotation.kind}): nothing to correct at line ${c.line + 1}`,
            hint:
              c.annotation.kind === 'not-option'
                ? 'The line starts no option; remove the annotation.'
                : c.annotation.kind === 'option'
                  ? 'The line already starts an option (or is not the first line of a paragraph); remove the annotation.'
                  : 'The line is in no option; quote a line of the option whose end you set.',
          })
  }

  // The corrections on `block`'s lines. Where a line holds two blocks (`4. Option A: …`),
  // making an option concerns the first, ends the second.
  private at(block: BlockRec): Correction[] {
    const out: Correction[] = []
    const splitBefore = block.to < this.lines[block.last].length
    for (let l = block.first; l <= block.last; l++) {
      for (const c of this.byLine.get(l) ?? []) {
        const kind = c.annotation.kind
        if (kind === 'option' && (l !== block.first || block.gap === -1)) continue
        if ((kind === 'option-end' || kind === 'run-end') && splitBefore && l === block.last) continue
        out.push(c)
      }
    }
    return out
  }
}
