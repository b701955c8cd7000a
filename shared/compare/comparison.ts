/**
 * The comparison of two revisions a delegation reads when a new one is
 * circulated: the text, word by word, and the negotiation, node by node —
 * plus how much remains open on each side.
 */
import { blockUnits } from './block-units.ts'
import { compareLines, type LineChange } from './line-changes.ts'
import { remainingBySection, type RevisionRemaining } from './remaining-by-section.ts'
import type { RevisionContent } from './revision-content.ts'
import { structuralFindings, type StructuralFindings } from './structural-findings.ts'

/** Two revisions compared. */
export interface Comparison {
  from: string
  to: string
  /** Every line of both texts, aligned; unchanged lines included so the texts can be shown whole. */
  lines: LineChange[]
  /** How many lines changed, were added or removed, and how many words were added or removed. */
  counts: { changed: number; added: number; removed: number; wordsAdded: number; wordsRemoved: number }
  findings: StructuralFindings
  remaining: { from: RevisionRemaining; to: RevisionRemaining }
}

/** Compares `from` with `to`. */
export function compareRevisions(from: RevisionContent, to: RevisionContent): Comparison {
  const lines = compareLines(blockUnits(from.doc), blockUnits(to.doc))
  const counts = { changed: 0, added: 0, removed: 0, wordsAdded: 0, wordsRemoved: 0 }
  const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length
  for (const line of lines) {
    if (line.kind === 'changed') {
      counts.changed++
      for (const part of line.words) {
        if (part.change === 'added') counts.wordsAdded += wordCount(part.text)
        if (part.change === 'removed') counts.wordsRemoved += wordCount(part.text)
      }
    } else if (line.kind === 'added') {
      counts.added++
      counts.wordsAdded += wordCount(line.text)
    } else if (line.kind === 'removed') {
      counts.removed++
      counts.wordsRemoved += wordCount(line.text)
    }
  }
  return {
    from: from.name,
    to: to.name,
    lines,
    counts,
    findings: structuralFindings(from, to),
    remaining: { from: remainingBySection(from.doc, from.resolutions), to: remainingBySection(to.doc, to.resolutions) },
  }
}
