/**
 * Brackets as the log quotes them: `[2013 to 2017][2013 to 2020]`, cut short
 * with an ellipsis, so a delegation reading "accepted [2013 to 2020] (g39) as
 * clean text" knows which words without looking the id up.
 */
import type { Node } from 'prosemirror-model'
import { inline } from '../serialize/plain.ts'

const MAX = 48

/** `text` in brackets, shortened to about 48 characters. */
export function quoted(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return `[${flat.length > MAX ? flat.slice(0, MAX - 1).trimEnd() + '…' : flat}]`
}

/** An inline node's content as the text writes it (placeholders, footnote markers and inner brackets included). */
export function written(node: Node): string {
  const out: string[] = []
  inline(node, out)
  return out.join('')
}

/** A bracket group's alternatives, each quoted: `[five][eight]`. */
export function groupWords(group: Node): string {
  const parts: string[] = []
  group.forEach((child) => {
    if (child.type.name === 'alternative') parts.push(quoted(written(child)))
  })
  return parts.join('')
}
