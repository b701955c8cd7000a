/**
 * The importer: plain-text negotiation text → Accord document. Every character
 * of the input lands in exactly one node or attribute, so `serializeText`
 * gives the text back (see `shared/serialize/plain.ts` for the one normalisation).
 */
import type { Node } from 'prosemirror-model'
import { schema } from '../schema/index.ts'
import { applyAnnotations, type Annotation } from './annotations.ts'
import { groupBlocks, trailingBlankCount, type BlockRec } from './blocks.ts'
import { formGroups, pairBrackets, type IdSource } from './brackets.ts'
import { buildContent } from './build.ts'
import type { Diagnostic } from './diagnostic.ts'
import type { Guess } from './guess.ts'
import { splitLines } from './lines.ts'
import { liftRunBrackets } from './run-brackets.ts'
import { scanRun, type Run } from './scan.ts'
import { isMarkdown } from './shape.ts'
import { planStructure } from './structure.ts'
import { StructureCorrections } from './structure-corrections.ts'
import { assembleTables } from './tables.ts'

export type { Diagnostic } from './diagnostic.ts'
export type { Annotation } from './annotations.ts'
export type { Guess } from './guess.ts'
export { readAnnotations } from './annotations.ts'

/** The imported document, what the importer found wrong, and what it guessed. */
export interface ImportResult {
  doc: Node
  diagnostics: Diagnostic[]
  /** Where the text could not tell and the importer chose: a reviewer's list. */
  guesses: Guess[]
}

/** Options of `importText`. */
export interface ImportOptions {
  /** Corrections of the importer's guesses for this text. */
  annotations?: Annotation[]
}

/** Import a plain-text or Markdown negotiation text. Never throws on any string. */
export function importText(text: string, options: ImportOptions = {}): ImportResult {
  const { lines, eol, bom } = splitLines(text)
  const markdown = isMarkdown(lines)
  const diagnostics: Diagnostic[] = []
  const guesses: Guess[] = []
  const ids = counterIds()
  const annotations = options.annotations ?? []
  const blocks = groupBlocks(lines, markdown)
  const items = assembleTables(blocks, lines)
  const corrections = new StructureCorrections(annotations, lines, diagnostics)
  const placements = planStructure(items, lines, markdown, corrections, guesses)
  corrections.report(diagnostics)
  const runs = new Map<BlockRec, Run[]>()
  const ordered: Run[] = []
  const addRuns = (rec: BlockRec) => {
    const list = rec.type === 'row' ? cellRuns(rec, lines) : [blockRun(rec, lines)]
    runs.set(rec, list)
    ordered.push(...list)
  }
  for (const item of items) {
    if (item.type === 'table') item.children.forEach((c) => addRuns(c.rec))
    else addRuns(item)
  }
  const scanOptions = { markdown, eol }
  for (const run of ordered) scanRun(run, lines, diagnostics, scanOptions)
  pairBrackets(ordered, diagnostics)
  liftRunBrackets(placements, runs, ordered)
  const groups = formGroups(ordered, ids)
  const overrides = applyAnnotations(annotations, lines, groups, ids, diagnostics)
  for (const g of groups)
    if (g.guess) {
      const open = g.alts[0].open
      guesses.push({ kind: 'bracketGroup', id: g.id, line: open.line + 1, column: open.col + 1, message: g.guess })
    }
  const content = buildContent(placements, { lines, ids, overrides, runs, guesses })
  const trail = blocks.length ? trailingBlankCount(lines, blocks) : lines.length - 1
  const doc = schema.nodes.doc.create({ eol, bom, trail }, content)
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column)
  guesses.sort((a, b) => a.line - b.line || a.column - b.column)
  return { doc, diagnostics, guesses }
}

function blockRun(rec: BlockRec, lines: string[]): Run {
  const segments = []
  for (let l = rec.first; l <= rec.last; l++)
    segments.push({ line: l, from: l === rec.first ? rec.from : 0, to: l === rec.last ? rec.to : lines[l].length })
  const titleLine = rec.type === 'heading' || (rec.option !== undefined && lines[rec.first].length - rec.from <= 100)
  const heading = rec.type === 'heading'
  const barrier = heading && typeof rec.rank === 'number' && rec.rank <= 3
  return { segments, label: rec.label, tokens: [], titleLine, heading, barrier }
}

function cellRuns(rec: BlockRec, lines: string[]): Run[] {
  const text = lines[rec.first]
  const runs: Run[] = []
  let from = 0
  for (;;) {
    const tab = text.indexOf('\t', from)
    const to = tab < 0 ? text.length : tab
    runs.push({ segments: [{ line: rec.first, from, to }], tokens: [] })
    if (tab < 0) return runs
    from = tab + 1
  }
}

// Deterministic ids (g1, g2 … per prefix): importing the same text twice gives
// the same ids, so a template's bindings can name them.
function counterIds(): IdSource {
  const counts = new Map<string, number>()
  return {
    next(prefix) {
      const n = (counts.get(prefix) ?? 0) + 1
      counts.set(prefix, n)
      return prefix + n
    },
  }
}
