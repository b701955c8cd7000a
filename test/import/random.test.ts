// Seeded random bracket texts, in the manner of Yjs's randomized tests: nested,
// unbalanced, spanning lines and blocks, with glued markers. Import never
// throws, the round trip is exact, and no bracket hides in plain text.
import { describe, expect, it } from 'vitest'
import type { Node } from 'prosemirror-model'
import { importText } from '../../shared/import/index.ts'
import { serializeText } from '../../shared/serialize/plain.ts'
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
    })
  }
})
