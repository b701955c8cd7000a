/**
 * The word-level comparison of two texts, built on jsdiff: the lines of both
 * are aligned with `diffArrays` (a line matches a line with the same words in
 * the same option, section or table), and where lines of one place differ
 * they are paired in order and compared word by word with `diffWords`.
 * Brackets are punctuation to `diffWords`, so a bracket opened or closed is a
 * change of its own, not hidden inside a changed word.
 */
import { diffArrays, diffWords } from 'diff'
import type { BlockUnit } from './block-units.ts'

/** A stretch of words: common to both, or only in one. */
export interface WordPart {
  text: string
  change: 'same' | 'added' | 'removed'
}

/** A line of the comparison. */
export type LineChange =
  | { kind: 'same'; location: string; text: string }
  | { kind: 'changed'; location: string; before: string; after: string; words: WordPart[] }
  | { kind: 'added'; location: string; text: string }
  | { kind: 'removed'; location: string; text: string }

/** The lines of `before` and `after` aligned, with word changes in the lines that differ. */
export function compareLines(before: BlockUnit[], after: BlockUnit[]): LineChange[] {
  const runs = diffArrays(before, after, { comparator: (a, b) => a.container === b.container && a.text === b.text })
  const out: LineChange[] = []
  let i = 0
  let j = 0
  let removed: BlockUnit[] = []
  let added: BlockUnit[] = []
  const settle = () => {
    out.push(...pairLines(removed, added))
    removed = []
    added = []
  }
  for (const run of runs) {
    if (run.removed) {
      removed.push(...before.slice(i, i + run.value.length))
      i += run.value.length
    } else if (run.added) {
      added.push(...after.slice(j, j + run.value.length))
      j += run.value.length
    } else {
      settle()
      for (let k = 0; k < run.value.length; k++)
        out.push({ kind: 'same', location: after[j + k].location, text: after[j + k].text })
      i += run.value.length
      j += run.value.length
    }
  }
  settle()
  return out
}

/** The words of two versions of a line. */
export function compareWords(before: string, after: string): WordPart[] {
  return diffWords(before, after).map((c) => ({
    text: c.value,
    change: c.added ? 'added' : c.removed ? 'removed' : 'same',
  }))
}

/**
 * Lines removed and added at one place: the n-th removed line of a container
 * pairs with its n-th added line; the rest stay whole removals and additions,
 * in the order of the texts (removals first where both stand at one place).
 */
function pairLines(removed: BlockUnit[], added: BlockUnit[]): LineChange[] {
  const out: LineChange[] = []
  const waiting = new Map<string, BlockUnit[]>()
  for (const line of added) waiting.set(line.container, [...(waiting.get(line.container) ?? []), line])
  const paired = new Set<BlockUnit>()
  const partner = new Map<BlockUnit, BlockUnit>()
  for (const line of removed) {
    const match = waiting.get(line.container)?.shift()
    if (match) {
      partner.set(line, match)
      paired.add(match)
    }
  }
  let next = 0
  for (const line of removed) {
    const match = partner.get(line)
    if (!match) {
      out.push({ kind: 'removed', location: line.location, text: line.text })
      continue
    }
    // Additions before this pair's partner stand before it in the new text.
    for (; added[next] !== match; next++)
      if (!paired.has(added[next])) out.push({ kind: 'added', location: added[next].location, text: added[next].text })
    next++
    out.push({
      kind: 'changed',
      location: match.location,
      before: line.text,
      after: match.text,
      words: compareWords(line.text, match.text),
    })
  }
  for (; next < added.length; next++)
    if (!paired.has(added[next])) out.push({ kind: 'added', location: added[next].location, text: added[next].text })
  return out
}
