import { describe, expect, it } from 'vitest'
import { consolidate } from '../../shared/consolidate/consolidate.ts'
import { computeScenario } from '../../shared/model/compute.ts'
import { indexDocument } from '../../shared/model/document-index.ts'
import { serializeText } from '../../shared/serialize/plain.ts'
import { dohaScenario, fullConsolidation, golden, parties, template, templateDoc } from './template-fixture.ts'

describe('consolidating the non-paper', () => {
  // full-consolidated.txt was written by applying the rules by hand to text.txt:
  // every edit is spelled out, with its line and reason, in golden-edits.py
  // (which never calls Accord). The code's output must equal it to the character.
  it('gives the hand-made golden text under the full scenario', () => {
    expect(serializeText(fullConsolidation.doc)).toBe(golden)
  })

  it('lists only what no resolution can reach, with id and location', () => {
    expect(fullConsolidation.unresolved.map((u) => [u.id, u.kind, u.text])).toEqual([
      ['k1', 'blank', '[...]'],
      ['k2', 'blank', '[...]'],
      ['k3', 'blank', '[...]'],
      [
        'n1',
        'editorial-note',
        '[*specified conditions have been met, for example, a percentage of certain carbon dioxide emissions are covered*]',
      ],
      ['unmatched-1', 'unmatched-bracket', ']]'],
      ['k6', 'blank', '[...]'],
    ])
    expect(fullConsolidation.unresolved[0].location).toBe(
      'ARTICLE 1: AMENDMENT › C. Article 3, paragraph 1 ter⁵ › 1 ter.',
    )
    expect(fullConsolidation.unresolved[5].location).toBe('ARTICLE 1: AMENDMENT › H. Article 3, paragraph 15¹⁰ › 15.')
  })

  it('renumbers the footnotes that survive in the order of their references', () => {
    expect(fullConsolidation.footnotes).toEqual({ '3': '1', '5': '2', '9': '3', '10': '4', '11': '5' })
  })

  it('names the inscriptions no Annex B row can carry', () => {
    expect(fullConsolidation.notices.map((n) => n.split(':')[0]).sort()).toEqual(['Cyprus', 'Kazakhstan', 'Malta'])
  })

  it('leaves what Doha did not decide bracketed and listed', () => {
    const computation = computeScenario(indexDocument(templateDoc), template.bindings, dohaScenario, parties)
    const doha = consolidate(templateDoc, dohaScenario, { bindings: template.bindings, computation })
    const text = serializeText(doha.doc)
    // 7 bis Option 1 under the Doha choices (read from the non-paper by hand).
    expect(text).toContain(
      '7 bis. In the second quantified emission limitation and reduction commitment period, from 2013 to 2020, the assigned amount',
    )
    expect(text).toContain('multiplied by eight. Those Parties included in Annex I for whom land-use change')
    expect(text).toContain('G. Article 3, paragraph[s] 9 [and 9 bis]')
    expect(text).toContain('Option 2\n\nParagraph 9 of Article 3 of the Protocol shall be deleted')
    const ids = doha.unresolved.map((u) => u.id)
    expect(ids).toEqual(
      expect.arrayContaining(['g35', 'g36', 'g42', 'g43', 'o13', 'o14', 'g44', 'g45', 'o21', 'o22', 'p4', 'p6']),
    )
    expect(ids).not.toContain('g39')
    expect(ids).not.toContain('o2')
  })
})
