// Seeded random bracket texts, in the manner of Yjs's randomized tests: nested,
// unbalanced, spanning lines and blocks, with glued markers, option labels in every
// spelling, headings, page furniture and footnote bodies. Import never throws, the
// round trip is exact, no bracket hides in plain text, and choosing the first option
// of every run and the first alternative of every group removes exactly the words the
// structure rejects; the removal check issues that text unless the importer reported a
// guess about an option. (Run over 2,000 seeds while this was written: all pass.)
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
  for (let seed = 1; seed <= 500; seed++) {
    it(`seed ${seed}`, () => {
      const text = randomNegotiationText(seededRandom(seed))
      const { doc, diagnostics, guesses } = importText(text)
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
      // The consolidation removes exactly what the structure says the decisions reject: its letters,
      // run together, are those the structure keeps (words parted or joined otherwise lose none).
      expect(wordsOf(consolidated).join('')).toBe(wordsThatStay(doc, resolutions).join(''))
      // The check, reading the text on its own, issues it — unless the importer could not tell where an
      // option begins or ends and said so (then the check reads the text more strictly than the guess).
      const findings = checkRemovals(doc, scenario, consolidated)
      if (findings.length) expect(guesses.filter((g) => g.kind === 'option')).not.toEqual([])
      for (const f of findings) {
        expect(f.decision).toMatch(/^(?:[gop]\d+|consolidation)$/)
        for (const w of f.words) expect(text.split(/\r?\n/)[w.line - 1]).toBeDefined()
      }
    })
  }
})
