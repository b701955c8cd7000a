/**
 * The text as it would read with every tracked change accepted (deleted spans
 * removed, insertions kept) or every change rejected: what Word shows under
 * "No Markup" and under "Original".
 */
import type { DocxReading, TrackedChange } from './reading.ts'

/** `reading.text` with every change accepted (`accept`) or rejected. */
export function acceptedText(reading: Pick<DocxReading, 'text' | 'changes'>, accept = true): string {
  const removed = reading.changes
    .filter((c: TrackedChange) => (c.kind === 'deletion') === accept)
    .map((c) => [c.from, c.to] as const)
    .sort((a, b) => a[0] - b[0])
  let out = ''
  let at = 0
  for (const [from, to] of removed) {
    if (to <= at) continue
    out += reading.text.slice(at, Math.max(at, from))
    at = Math.max(at, to)
  }
  return out + reading.text.slice(at)
}
