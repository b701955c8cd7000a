// Seeded random bracket texts, in the manner of Yjs's randomized tests: nested,
// unbalanced, spanning lines and blocks, with glued markers, option labels in every
// spelling, headings, page furniture and footnote bodies. Import never throws, the
// round trip is exact, no bracket hides in plain text, and choosing the first option
// of every run and the first alternative of every group never loses a word the
// structure keeps without the removal check refusing the consolidation.
import { describe, expect, it } from 'vitest'
import type { Node } from 'prosemirror-model'
import { importText } from '../../shared/import/index.ts'
import { consolidate } from '../../shared/consolidate/consolidate.ts'
import { checkRemovals } from '../../shared/consolidate/removal-check.ts'
import { EMPTY_SCENARIO } from '../../shared/model/scenario.ts'
import { serializeText } from '../../shared/serialize/plain.ts'
import { groupPasses, optionPasses, wordsOf, wordsThatStay } from '../consolidate/choices.ts'
import { randomNegotiationText, seededRandom } from './random-text.ts'

/** The one normalisation the serializer makes: lines of spaces only come back empty. */
function normalise(text: string): string {
  return text.replace(/^ +$/gm, '')
}

describe('random negotiation texts', () => {
  for (let seed = 1; seed <= 300; seed++) {
    it(`seed ${seed}`, () => {
      const text = randomNegotiationText(seededRandom(seed))
      const { doc, diagnostics } = importText(text)
      doc.check()
      expect(serializeText(doc)).toBe(normalise(text))
      // Every bracket outside blanks and notes is structure, or flagged text with a diagnostic.
      let flagged = 0
      doc.descendants((n: Node) => {
        if (n.type.name === 'editorial_note') return false
        if (n.isText && /[[\]]/.test(n.text!)) {
          expect(n.marks.map((m) => m.type.name)).toEqual(['unmatched'])
          flagged += n.text!.length
        }
        return true
      })
      expect(flagged).toBe(diagnostics.filter((d) => /bracket|closed/.test(d.message)).length)
      const resolutions = { ...(optionPasses(doc)[0] ?? {}), ...(groupPasses(doc)[0] ?? {}) }
      const scenario = { ...EMPTY_SCENARIO, resolutions }
      const consolidated = consolidate(doc, scenario).doc
      const findings = checkRemovals(doc, scenario, consolidated)
      if (findings.length === 0) {
        // Issued: every word the structure keeps is in the consolidated text.
        const left = new Map<string, number>()
        for (const w of wordsOf(consolidated)) left.set(w, (left.get(w) ?? 0) + 1)
        const lost = wordsThatStay(doc, resolutions).filter((w) => {
          const n = left.get(w) ?? 0
          left.set(w, n - 1)
          return n <= 0
        })
        expect(lost).toEqual([])
      } else {
        // Refused (the check reads the text more strictly than the structure here): each finding names the
        // decision and words of the text, by line and column.
        for (const f of findings) {
          expect(f.decision).toMatch(/^(?:[gop]\d+|consolidation)$/)
          for (const w of f.words) expect(text.split(/\r?\n/)[w.line - 1]).toBeDefined()
        }
      }
    })
  }
})
