// `Alt 1:`, `Alt. A`, `Alternative 2:` label options as `Option 1:` does: real texts write
// both words. Each small text is built here; the counts say what a reader sees.
import { describe, expect, it } from 'vitest'
import { consolidate } from '../../shared/consolidate/consolidate.ts'
import { importText } from '../../shared/import/index.ts'
import { indexDocument } from '../../shared/model/document-index.ts'
import { EMPTY_SCENARIO } from '../../shared/model/scenario.ts'
import { serializeText } from '../../shared/serialize/plain.ts'

const read = (text: string) => {
  const { doc } = importText(text)
  expect(serializeText(doc)).toBe(text)
  const index = indexDocument(doc)
  return { doc, runs: [...index.runs.values()], numbers: [...index.options.values()].map((o) => o.number) }
}
const chosen = (text: string, id: string) =>
  serializeText(consolidate(importText(text).doc, { ...EMPTY_SCENARIO, resolutions: { [id]: 'chosen' } }).doc)

describe('Alt and Alternative labels', () => {
  it('reads `Alt 1:` / `Alt 2:` inside a numbered paragraph as one run ending at the next paragraph', () => {
    const text =
      '3. Alt 1: Invites Parties to submit views;\nAlt 2: Invites observers to submit views;\n4. Notes the amount.\n'
    expect(read(text)).toMatchObject({ runs: [['o1', 'o2']], numbers: ['1', '2'] })
    expect(chosen(text, 'o2')).toBe('3. Invites observers to submit views;\n4. Notes the amount.\n')
  })

  it('reads `Alternative 1:` paragraphs under a heading as a run ending at the next heading', () => {
    const text =
      'A. Finance\n\nAlternative 1: Parties shall report.\n\nAlternative 2: Parties may report.\n\nB. Other\n\nText.\n'
    expect(read(text)).toMatchObject({ runs: [['o1', 'o2']], numbers: ['1', '2'] })
    expect(chosen(text, 'o1')).toBe('A. Finance\n\nParties shall report.\n\nB. Other\n\nText.\n')
  })

  it('reads `Alt. A` on a line of its own, and leaves `Alternatively` and `Alt text` as words', () => {
    const text =
      'A. Finance\n\nAlt. A\n\nParties shall report.\n\nAlt. B\n\nParties may report.\n\nB. Other\n\nAlternatively, Parties may.\n\nAlt text for images.\n'
    const { runs, numbers, doc } = read(text)
    expect(runs).toEqual([['o1', 'o2']])
    expect(numbers).toEqual(['A', 'B'])
    expect(doc.child(1).textContent).toBe(' OtherAlternatively, Parties may.Alt text for images.')
  })

  it('keeps `Alt` and `Option` labels in runs of their own, as it keeps `Option A` and `Option 1`', () => {
    const text =
      'A. Finance\n\nOption 1: Parties shall report.\n\nOption 2: Parties may report.\n\nAlt 1: report yearly.\n\nAlt 2: report every two years.\n'
    expect(read(text).runs).toEqual([
      ['o1', 'o2'],
      ['o3', 'o4'],
    ])
  })
})
