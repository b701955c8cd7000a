/**
 * Whether a local transaction can have changed the text's structure (ids of
 * groups, options, placeholders …) rather than only its characters. Typing
 * changes characters only, and the live model need not re-read the text for it.
 */
import type { Node, Slice } from 'prosemirror-model'
import type { Transaction } from 'prosemirror-state'
import { ReplaceStep } from 'prosemirror-transform'

/** True unless every step replaced plain text with plain text inside one textblock. */
export function touchesStructure(tr: Transaction): boolean {
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i]
    if (!(step instanceof ReplaceStep)) return true
    const before = tr.docs[i]
    const { from, to, slice } = step as unknown as { from: number; to: number; slice: Slice }
    if (slice.openStart !== slice.openEnd || !onlyText(slice.content)) return true
    const $from = before.resolve(from)
    if (!$from.sameParent(before.resolve(to))) return true
    let other = false
    const start = $from.start()
    $from.parent.nodesBetween(from - start, to - start, (node) => {
      if (!node.isText) other = true
      return !other
    })
    if (other) return true
  }
  return false
}

function onlyText(fragment: { forEach(f: (n: Node) => void): void }): boolean {
  let ok = true
  fragment.forEach((n) => {
    if (!n.isText) ok = false
  })
  return ok
}
