/**
 * A bracket around a whole run of options (`4. [Option 1: … Option 2: ….]`)
 * brackets the run, not its first and last options: its `[` stands before the
 * first label and its `]` after the last option's text. Both are moved out of
 * the options into blocks of their own on the same lines (gap -1), so choosing
 * an option keeps the brackets around what is chosen, and dropping the first
 * or last option does not take one of them away.
 */
import type { BlockRec } from './blocks.ts'
import type { BracketToken, Run, Token } from './scan.ts'
import type { Placement, RunPlan } from './structure.ts'

/** Move the brackets of bracketed runs out of their options (after pairing, before grouping). */
export function liftRunBrackets(placements: Placement[], runs: Map<BlockRec, Run[]>, ordered: Run[]): void {
  const extents = new Map<RunPlan, { first: number; last: number }>()
  placements.forEach((p, i) => {
    for (let o = p.node?.option; o; o = o.parent ?? undefined) {
      const run = o.run
      const e = extents.get(run)
      if (!e) extents.set(run, { first: i, last: i })
      else e.last = i
    }
  })
  // Later runs first: inserting placements does not move the earlier ones' indexes.
  const list = [...extents].filter(([run]) => run.parent === null && run.options.length > 1)
  list.sort((a, b) => b[1].first - a[1].first)
  for (const [, { first, last }] of list) lift(placements, runs, ordered, first, last)
}

function lift(placements: Placement[], runs: Map<BlockRec, Run[]>, ordered: Run[], first: number, last: number) {
  const labelBlock = placements[first].item as BlockRec
  const labelRun = runs.get(labelBlock)?.[0]
  if (!labelRun) return
  const labelAt = labelRun.tokens.findIndex((t) => t.kind === 'label' && t.span.kind === 'option')
  // The `[`: alone before the label in the option's first block, or the last token of the block before it.
  let opener: BracketToken | null = null
  let inside = false
  const before = labelRun.tokens.slice(0, Math.max(labelAt, 0)).filter((t) => !isSpace(t))
  if (labelAt > 0 && before.length === 1 && before[0].kind === 'open') {
    opener = before[0]
    inside = true
  } else if (labelAt === 0 && labelBlock.gap === -1 && first > 0 && placements[first - 1].item.type !== 'table') {
    const prev = runs.get(placements[first - 1].item as BlockRec)?.[0]
    const tail = prev?.tokens.filter((t) => !isSpace(t)).pop()
    if (tail?.kind === 'open') opener = tail
  }
  const mate = opener?.mate
  if (!opener || !mate) return
  // The `]` closes the last option's text: in one of its blocks, nothing but punctuation after it.
  const lastOption = placements[last].node!.option
  let m = last
  while (m > first && runs.get(placements[m].item as BlockRec)?.[0] !== mate.run) m--
  const lastRun = mate.run
  const lastItem = placements[m].item as BlockRec
  if (m === first || placements[m].node?.option !== lastOption) return
  if (
    !lastRun.tokens.slice(mate.index + 1).every((t) => isSpace(t) || (t.kind === 'text' && /^[\s.,;:]*$/.test(t.text)))
  )
    return
  for (let k = m + 1; k <= last; k++) if (placements[k].node?.option !== lastOption) return
  // The bracket says where the run ends: what the last option took in after it follows the run.
  for (let k = m + 1; k <= last; k++) placements[k] = { ...placements[k], node: null }
  if (m < last && lastOption.extent === 'guess') {
    lastOption.extent = null
    lastOption.guess = null
  }
  last = m
  // The `]` and what follows it on its line: a block of its own after the run.
  const closing = split(lastItem, lastRun, mate.index, mate.col, runs, ordered)
  placements.splice(last + 1, 0, { item: closing, node: null })
  if (inside) {
    // The `[`: a block of its own before the run; the option's first block goes on on its line.
    const label = labelRun.tokens[labelAt] as Extract<Token, { kind: 'label' }>
    placements.splice(first, 0, {
      item: splitHead(labelBlock, labelRun, labelAt, label.span.from, runs, ordered),
      node: null,
    })
  }
}

// Split `block`'s run before token `at` (column `col` of its first line): the returned
// block takes the tokens before, in `block`'s place; `block` goes on on its line (gap -1).
function splitHead(
  block: BlockRec,
  run: Run,
  at: number,
  col: number,
  runs: Map<BlockRec, Run[]>,
  ordered: Run[],
): BlockRec {
  const head: BlockRec = {
    type: 'paragraph',
    gap: block.gap,
    first: block.first,
    last: block.first,
    from: block.from,
    to: col,
    indent: block.indent,
  }
  block.gap = -1
  block.from = col
  const front: Run = { segments: [{ line: block.first, from: head.from, to: col }], tokens: run.tokens.splice(0, at) }
  for (const r of [front, run]) renumber(r)
  runs.set(head, [front])
  ordered.splice(ordered.indexOf(run), 0, front)
  return head
}

// Split `block`'s run at token `at` (column `col` of its last line): `block` keeps the
// tokens before, the returned block (gap -1) the rest. Token indexes are renumbered.
function split(
  block: BlockRec,
  run: Run,
  at: number,
  col: number,
  runs: Map<BlockRec, Run[]>,
  ordered: Run[],
): BlockRec {
  const line = (run.tokens[at] as { line?: number }).line ?? block.last
  const tail: BlockRec = {
    type: 'paragraph',
    gap: -1,
    first: line,
    last: block.last,
    from: col,
    to: block.to,
    indent: 0,
  }
  block.last = line
  block.to = col
  const rest: Run = { segments: [{ line, from: col, to: tail.to }], tokens: run.tokens.splice(at), titleLine: false }
  for (const r of [run, rest]) renumber(r)
  runs.set(tail, [rest])
  ordered.splice(ordered.indexOf(run) + 1, 0, rest)
  return tail
}

function renumber(run: Run): void {
  run.tokens.forEach((t, i) => {
    if (t.kind === 'open' || t.kind === 'close') {
      t.index = i
      t.run = run
    }
  })
}

function isSpace(t: Token): boolean {
  return t.kind === 'text' && /^\s*$/.test(t.text)
}
