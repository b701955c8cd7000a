/**
 * The longest common subsequence of two sequences of keys, as runs: stretches
 * both share, and stretches where they differ. Merging options aligns their
 * blocks with it, and then the words of paragraphs that differ.
 */
import type { Node } from 'prosemirror-model'

/** A run of the alignment: `same` pairs items of both; `differ` holds each side's items there. */
export type Run<T> = { kind: 'same'; a: T[]; b: T[] } | { kind: 'differ'; a: T[]; b: T[] }

/** Align `a` and `b` by `key`, as alternating runs of shared and differing items. */
export function alignRuns<T>(a: T[], b: T[], key: (item: T) => string): Run<T>[] {
  const ka = a.map(key)
  const kb = b.map(key)
  const n = a.length
  const m = b.length
  const width = m + 1
  const table = new Uint32Array((n + 1) * width)
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] =
        ka[i] === kb[j]
          ? table[(i + 1) * width + j + 1] + 1
          : Math.max(table[(i + 1) * width + j], table[i * width + j + 1])
    }
  }
  const runs: Run<T>[] = []
  const push = (kind: 'same' | 'differ', x: T | null, y: T | null) => {
    let last = runs[runs.length - 1]
    if (!last || last.kind !== kind) runs.push((last = { kind, a: [], b: [] }))
    if (x !== null) last.a.push(x)
    if (y !== null) last.b.push(y)
  }
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && ka[i] === kb[j]) push('same', a[i++], b[j++])
    else if (j < m && (i === n || table[i * width + j + 1] >= table[(i + 1) * width + j])) push('differ', null, b[j++])
    else push('differ', a[i++], null)
  }
  return runs
}

/**
 * A node's identity for comparison: its JSON without ids (and without gaps,
 * which are layout): two options saying the same words compare equal.
 */
export function contentKey(node: Node): string {
  return JSON.stringify(node.toJSON(), (k, v) => (k === 'id' || k === 'gap' ? undefined : v))
}

/**
 * Ids of `gone`'s nodes mapped to those of `kept`, an equal node (same content
 * key): the i-th id-bearing node of one is the i-th of the other.
 */
export function correspondingIds(gone: Node, kept: Node, into: Record<string, string>): void {
  const ids = (node: Node) => {
    const out: string[] = node.attrs.id ? [node.attrs.id] : []
    node.descendants((n) => {
      if (n.attrs.id) out.push(n.attrs.id)
    })
    return out
  }
  const a = ids(gone)
  const b = ids(kept)
  a.forEach((id, i) => {
    if (b[i] && b[i] !== id) into[id] = b[i]
  })
}
