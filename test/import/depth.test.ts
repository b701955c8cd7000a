// No depth limit: brackets nested 10,000 deep import, serialize, go into a shared Y.Doc and
// come back, count and consolidate without a stack overflow, in time that grows with the
// text, not faster. Beyond a bounded depth the document holds start/end markers, so no
// walk over it (here, in y-prosemirror or in the editor) recurses 10,000 deep.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { Node } from 'prosemirror-model'
import { readNegotiationDoc, writeNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { consolidate } from '../../shared/consolidate/consolidate.ts'
import { checkRemovals } from '../../shared/consolidate/removal-check.ts'
import { INLINE_DEPTH } from '../../shared/import/brackets.ts'
import { importText } from '../../shared/import/index.ts'
import { structureOutline } from '../../shared/inspect/structure-outline.ts'
import { summarize } from '../../shared/inspect/summary.ts'
import { EMPTY_SCENARIO } from '../../shared/model/scenario.ts'
import { serializeText } from '../../shared/serialize/plain.ts'

const nested = (depth: number) => `The Parties ${'['.repeat(depth)}agree${']'.repeat(depth)} to report.\n`

function treeDepth(node: Node): number {
  let deepest = 0
  const stack: [Node, number][] = [[node, 0]]
  while (stack.length) {
    const [n, d] = stack.pop()!
    deepest = Math.max(deepest, d)
    n.forEach((c) => stack.push([c, d + 1]))
  }
  return deepest
}

function fastest(run: () => void): number {
  let best = Infinity
  for (let i = 0; i < 3; i++) {
    const t = performance.now()
    run()
    best = Math.min(best, performance.now() - t)
  }
  return best
}

describe('time with the depth', () => {
  it('is the time of as many brackets side by side: depth costs nothing of its own', () => {
    // Quadratic work in the depth (a walk down to each bracket) would make the nested text
    // thousands of times slower than the flat one; both allocate alike, so the collector's share cancels.
    const deep = nested(10_000)
    const flat = `The Parties ${'[agree] '.repeat(10_000)}to report.\n`
    importText(deep)
    importText(flat)
    expect(fastest(() => importText(deep)) / fastest(() => importText(flat))).toBeLessThan(4)
  })
})

describe('nesting 10,000 deep', () => {
  const text = nested(10_000)
  const { doc, diagnostics } = importText(text)

  it('imports and comes back to the character, with a document of bounded depth', () => {
    expect(diagnostics).toEqual([])
    expect(serializeText(doc)).toBe(text)
    expect(summarize(doc).maxDepth).toBe(10_000)
    expect(summarize(doc).optionalBrackets).toBe(10_000)
    // doc › paragraph › (group › alternative) × INLINE_DEPTH, then markers.
    expect(treeDepth(doc)).toBeLessThanOrEqual(2 + 2 * INLINE_DEPTH + 1)
  })

  it('goes into a shared document and back (y-prosemirror) unchanged', () => {
    const ydoc = new Y.Doc()
    writeNegotiationDoc(ydoc, doc)
    expect(serializeText(readNegotiationDoc(ydoc))).toBe(text)
  })

  it('consolidates under decisions at any depth, and the check finds nothing to refuse', () => {
    // The outermost kept (its brackets go), the 5,000th deleted (with everything inside it, `agree` too).
    const scenario = { ...EMPTY_SCENARIO, resolutions: { g1: 'kept', g5000: 'deleted' } }
    const out = consolidate(doc, scenario).doc
    expect(serializeText(out)).toBe(`The Parties ${'['.repeat(4_998)}${']'.repeat(4_998)} to report.\n`)
    expect(checkRemovals(doc, scenario, out)).toEqual([])
    expect(structureOutline(doc).filter((e) => e.kind === 'optional')).toHaveLength(10_000)
  })
})
