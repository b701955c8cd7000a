// Consolidation can only remove what a decision rejects: whatever the structure says, the
// check reads the text as negotiated and refuses a consolidated text that would lose any
// other word, naming the decision and the words by line and column.
import { describe, expect, it } from 'vitest'
import type { Node } from 'prosemirror-model'
import { consolidate } from '../../shared/consolidate/consolidate.ts'
import { checkRemovals, ConsolidationRefused } from '../../shared/consolidate/removal-check.ts'
import { importText } from '../../shared/import/index.ts'
import { EMPTY_SCENARIO } from '../../shared/model/scenario.ts'
import { schema } from '../../shared/schema/index.ts'
import { serializeText } from '../../shared/serialize/plain.ts'
import { exportDocument } from '../../server/export/index.ts'
import { readPartyTable } from '../../server/templates/read-template.ts'
import * as b from '../builder.ts'

const { doc, option, label, heading } = b
const choose = (id: string) => ({ ...EMPTY_SCENARIO, resolutions: { [id]: 'chosen' } })
const opt = (id: string, ...children: Node[]) => option({ id, run: 'r1' })(...children)
const lbl = (n: string) => label('option', `Option ${n}:`, n)

// The structure an importer that ends the last option at the end of its section would make:
// paragraph 5 inside Option B of paragraph 4. Its text says otherwise.
const overreaching = doc(
  schema.nodes.section.create({ id: 's1' }, [
    heading('section', 0)(label('section', 'A.', 'A'), ' Finance'),
    b.block('provision', { gap: 0 })(label('provision', '4.', '4'), ' '),
    opt('o1', b.pg(-1)(lbl('A'), ' Parties shall report.')),
    opt(
      'o2',
      b.pg(0)(lbl('B'), ' Parties may report.'),
      b.pg(0)(label('provision', '5.', '5'), ' The Fund shall serve this Agreement.'),
    ),
  ]),
)

describe('the removal check', () => {
  it('passes a consolidation that removes only the option dropped', () => {
    const { doc: d } = importText(
      '4. Option A: Parties shall report.\nOption B: Parties may report.\n5. The Fund serves.\n',
    )
    const out = consolidate(d, choose('o1')).doc
    expect(serializeText(out)).toBe('4. Parties shall report.\n5. The Fund serves.\n')
    expect(checkRemovals(d, choose('o1'), out)).toEqual([])
  })

  it('refuses a dropped option that reaches past its paragraph, naming it and the words', () => {
    const text = serializeText(overreaching)
    expect(text.split('\n')[3]).toBe('5. The Fund shall serve this Agreement.')
    const out = consolidate(overreaching, choose('o1')).doc
    expect(serializeText(out)).not.toContain('Fund')
    const findings = checkRemovals(overreaching, choose('o1'), out)
    expect(findings).toHaveLength(1)
    expect(findings[0].decision).toBe('o2')
    expect(findings[0].words.map((w) => `${w.word} ${w.line}:${w.column}`)).toEqual([
      '5 4:1',
      'The 4:4',
      'Fund 4:8',
      'shall 4:13',
      'serve 4:19',
      'this 4:25',
      'Agreement 4:30',
    ])
    expect(findings[0].message).toBe(
      'dropping option o2 would remove 7 words no decision rejects, from line 4, column 1 to line 4, column 30: "5 The Fund shall serve this Agreement"',
    )
  })

  it('refuses a consolidation that lost a word by a slip, naming the decision nearest it', () => {
    const { doc: d } = importText('1. Parties shall [ensure][guarantee] that emissions fall.\n')
    const scenario = { ...EMPTY_SCENARIO, resolutions: { g1: 'g1.1' } }
    const slipped = importText('1. Parties shall ensure that fall.\n').doc
    expect(checkRemovals(d, scenario, consolidate(d, scenario).doc)).toEqual([])
    expect(checkRemovals(d, scenario, slipped).map((f) => [f.decision, f.words.map((w) => w.word)])).toEqual([
      ['g1', ['emissions']],
    ])
  })

  it('checks footnote bodies that stay, wherever the consolidation moved them', () => {
    const text = 'Option 1: Text.¹\n\n¹ See decision 1/CP.13.\n\nOption 2: Other.²\n\n² See decision 2/CP.13.\n'
    const { doc: d } = importText(text)
    const out = consolidate(d, choose('o1')).doc
    expect(serializeText(out)).toContain('See decision 1/CP.13.')
    expect(serializeText(out)).not.toContain('2/CP.13')
    expect(checkRemovals(d, choose('o1'), out)).toEqual([])
    const lost = importText(serializeText(out).replace('1/CP.13', '')).doc
    expect(checkRemovals(d, choose('o1'), lost).flatMap((f) => f.words.map((w) => w.word))).toEqual(['1', 'CP', '13'])
  })

  it('stops an export in every format, before anything is written', async () => {
    for (const format of ['txt', 'html', 'akn', 'docx', 'csv'] as const) {
      const request = {
        doc: overreaching,
        scenario: choose('o1'),
        parties: readPartyTable(),
        bindings: {},
        format,
        consolidated: true,
      }
      await expect(exportDocument(request)).rejects.toThrow(ConsolidationRefused)
      // As negotiated, nothing is removed: nothing to refuse.
      await expect(exportDocument({ ...request, consolidated: false })).resolves.toBeTruthy()
    }
  })
})
