/**
 * The importer: plain-text negotiation text → Accord document. Every character
 * of the input lands in exactly one node or attribute, so `serializeText`
 * gives the text back (see `shared/serialize/plain.ts` for the one normalisation).
 */
import type { Node } from 'prosemirror-model'
import { schema } from '../schema/index.ts'
import { applyAnnotations, type Annotation } from './annotations.ts'
import { groupBlocks, trailingBlankCount, type BlockRec } from './blocks.ts'
import { pairBrackets, type IdSource } from './brackets.ts'
import { buildContent } from './build.ts'
import type { Diagnostic } from './diagnostic.ts'
import { splitLines } from './lines.ts'
import { scanRun, type Run } from './scan.ts'
import { assembleTables } from './tables.ts'

export type { Diagnostic } from './diagnostic.ts'
export type { Annotation } from './annotations.ts'
export { readAnnotations } from './annotations.ts'

/** The imported document and what the importer found wrong or guessed. */
export interface ImportResult {
  doc: Node
  diagnostics: Diagnostic[]
}

/** Options of `importText`. */
export interface ImportOptions {
  /** Corrections of the importer's guesses for this text. */
  annotations?: Annotation[]
}

/** Import a plain-text negotiation text. Never throws on any string. */
export function importText(text: string, options: ImportOptions = {}): ImportResult {
  const { lines, eol, bom } = splitLines(text)
  const diagnostics: Diagnostic[] = []
  const ids = counterIds()
  const blocks = groupBlocks(lines)
  const items = assembleTables(blocks, lines)
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
  for (const run of ordered) scanRun(run, lines, diagnostics)
  const groups = pairBrackets(ordered, ids, diagnostics)
  const overrides = applyAnnotations(options.annotations ?? [], lines, groups, ids, diagnostics)
  const content = buildContent(items, { lines, ids, overrides, runs })
  const trail = blocks.length ? trailingBlankCount(lines, blocks) : lines.length - 1
  const doc = schema.nodes.doc.create({ eol, bom, trail }, content)
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column)
  return { doc, diagnostics }
}

function blockRun(rec: BlockRec, lines: string[]): Run {
  const segments = []
  for (let l = rec.first; l <= rec.last; l++) segments.push({ line: l, from: 0, to: lines[l].length })
  return { segments, label: rec.label, tokens: [] }
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
