/**
 * Merging two versions of one paragraph into one with brackets where they
 * differ, the way co-chairs write it: `from [2013 to 2017][2013 to 2020], …
 * multiplied by [five][eight]`. Words (and inline nodes) both versions share
 * stay once; each stretch that differs becomes a group of two alternatives, or
 * optional text where one version has words the other lacks.
 */
import { Fragment, type Node, type Schema } from 'prosemirror-model'
import { freshId } from '../document/fresh-id.ts'
import { alignRuns, contentKey, correspondingIds, type Run } from './sequence-diff.ts'

type Token = { node: Node; key: string; word: boolean }

// Text splits into words and runs of spaces; other inline nodes are one token each.
function tokens(block: Node): Token[] {
  const out: Token[] = []
  block.forEach((child) => {
    if (!child.isText) {
      out.push({ node: child, key: contentKey(child), word: true })
      return
    }
    const marks = JSON.stringify(child.marks.map((m) => m.toJSON()))
    for (const piece of child.text!.match(/\s+|\S+/g) ?? []) {
      out.push({ node: child.type.schema.text(piece, child.marks), key: piece + marks, word: /\S/.test(piece) })
    }
  })
  return out
}

// A shared stretch of fewer than two words between two differences is folded
// into them: "[a] the [b]" reads worse than "[a the b][c the d]".
function coalesce(runs: Run<Token>[]): Run<Token>[] {
  const out: Run<Token>[] = []
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]
    const between = run.kind === 'same' && i > 0 && i < runs.length - 1
    if (between && run.a.filter((t) => t.word).length < 2) {
      const prev = out[out.length - 1]
      prev.a.push(...run.a)
      prev.b.push(...run.b)
      continue
    }
    const prev = out[out.length - 1]
    if (prev && prev.kind === 'differ' && run.kind === 'differ') {
      prev.a.push(...run.a)
      prev.b.push(...run.b)
    } else out.push({ kind: run.kind, a: [...run.a], b: [...run.b] })
  }
  return out
}

/** What merging two paragraphs produced: the inline content, and the groups it created. */
export interface WordMerge {
  content: Fragment
  created: string[]
}

/**
 * Merge the inline content of `kept` and `merged` (two textblocks). Shared
 * words are `kept`'s nodes, with their ids; ids of `merged`'s shared inline
 * nodes are recorded in `replaced` against the kept ones.
 */
export function mergeWords(schema: Schema, kept: Node, merged: Node, replaced: Record<string, string>): WordMerge {
  const runs = coalesce(alignRuns(tokens(kept), tokens(merged), (t) => t.key))
  const out: Node[] = []
  const created: string[] = []
  for (const run of runs) {
    if (run.kind === 'same') {
      run.a.forEach((t, i) => correspondingIds(run.b[i].node, t.node, replaced))
      out.push(...run.a.map((t) => t.node))
      continue
    }
    const id = freshId('g')
    created.push(id)
    const sides = [run.a, run.b].filter((side) => side.length > 0)
    const alternatives = sides.map((side, i) =>
      schema.nodes.alternative.create(
        { id: `${id}.${i + 1}` },
        side.map((t) => t.node),
      ),
    )
    out.push(schema.nodes.bracket_group.create({ id }, alternatives))
  }
  return { content: Fragment.fromArray(out), created }
}
