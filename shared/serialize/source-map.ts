/**
 * Where each node's characters stand in the text the document serializes to —
 * the input file itself for an imported text (`serialize(import(text)) ===
 * text`). Offsets are UTF-16 indexes of that string; `position` turns one into
 * a 1-based line and a column counted in characters, as an editor shows them.
 */
import type { Node } from 'prosemirror-model'
import { writeText } from './plain.ts'

/** A node's characters: [from, to) in the text. */
export interface SourceSpan {
  from: number
  to: number
}

/** The text and the spans of the nodes asked for. */
export interface SourceMap {
  text: string
  spans: Map<Node, SourceSpan>
  /** The 1-based line and character column of `offset`. */
  position(offset: number): { line: number; column: number }
}

/** Map the nodes `wanted` accepts (every node when omitted) of `doc` to their spans. */
export function sourceMap(doc: Node, wanted: (node: Node) => boolean = () => true): SourceMap {
  const parts: string[] = []
  let offset = 0
  const spans = new Map<Node, SourceSpan>()
  const open: { node: Node; from: number }[] = []
  writeText(doc, {
    text(s) {
      parts.push(s)
      offset += s.length
    },
    enter(node) {
      if (wanted(node)) open.push({ node, from: offset })
    },
    leave(node) {
      const top = open[open.length - 1]
      if (top && top.node === node) {
        open.pop()
        spans.set(node, { from: top.from, to: offset })
      }
    },
  })
  const text = parts.join('')
  return { text, spans, position: positionsOf(text) }
}

/** A function from offsets of `text` to 1-based lines and character columns. */
export function positionsOf(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0]
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  // Per line, whether it holds characters beyond the BMP (two UTF-16 units each): only then are columns counted.
  const astral: (boolean | undefined)[] = []
  return (offset) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    const start = starts[lo]
    let column = offset - start + 1
    astral[lo] ??= /[\ud800-\udfff]/.test(text.slice(start, lo + 1 < starts.length ? starts[lo + 1] : text.length))
    if (astral[lo]) {
      column = 1
      for (let i = start; i < offset; i++) {
        const c = text.charCodeAt(i)
        if (c < 0xdc00 || c > 0xdfff) column++
      }
    }
    // A byte-order mark is not a character of the first line.
    if (lo === 0 && text.charCodeAt(0) === 0xfeff && offset > 0) column--
    return { line: lo + 1, column }
  }
}
