/**
 * The word-level comparison: lines aligned by the option or section that holds them,
 * changed lines compared word by word (jsdiff), brackets changes of their own.
 */
import { describe, expect, it } from 'vitest'
import { blockUnits, compareLines } from '../../shared/compare/index.ts'
import type { StepResult } from '../../shared/streamline/index.ts'
import { recordStep } from '../../shared/streamline/step.ts'
import { alt, doc, group, option, p, ph, section } from '../builder.ts'
import { withIds, optionHeading, sectionHeading } from '../streamline/fixtures.ts'
import { Draft } from './revision-fixture.ts'
import { compareRevisions } from '../../shared/compare/index.ts'

const changes = (before: ReturnType<typeof doc>, after: ReturnType<typeof doc>) =>
  compareLines(blockUnits(withIds(before)), blockUnits(withIds(after))).filter((l) => l.kind !== 'same')

describe('word-level comparison', () => {
  it('marks the words added and removed in an edited paragraph, brackets included', () => {
    const before = doc(
      section(
        sectionHeading('B', 'Article 3, paragraph 1 bis'),
        p('Parties shall reduce emissions by ', ph('X'), ' per cent below 1990 levels.'),
      ),
    )
    const after = doc(
      section(
        sectionHeading('B', 'Article 3, paragraph 1 bis'),
        p('Parties shall reduce emissions by at least ', group(alt('25'), alt('40')), ' per cent below 1990 levels.'),
      ),
    )
    const [line, ...rest] = changes(before, after)
    expect(rest).toEqual([])
    expect(line.kind).toBe('changed')
    if (line.kind !== 'changed') return
    // Located by the line as it now reads.
    expect(line.location).toBe('B. Article 3, paragraph 1 bis › Parties shall reduce emissions by at')
    expect(line.before).toBe('Parties shall reduce emissions by X per cent below 1990 levels.')
    expect(line.after).toBe('Parties shall reduce emissions by at least [25][40] per cent below 1990 levels.')
    expect(line.words.filter((w) => w.change === 'removed').map((w) => w.text.trim())).toEqual(['X'])
    expect(
      line.words
        .filter((w) => w.change === 'added')
        .map((w) => w.text)
        .join('|'),
    ).toBe('at least [25][40]')
    expect(
      line.words
        .filter((w) => w.change !== 'added')
        .map((w) => w.text)
        .join(''),
    ).toBe(line.before)
    expect(
      line.words
        .filter((w) => w.change !== 'removed')
        .map((w) => w.text)
        .join(''),
    ).toBe(line.after)
  })

  it('pairs lines only within the same option: a paragraph moved to another option is removed and added', () => {
    const text = 'Each Party shall report annually.'
    const before = doc(
      section(
        sectionHeading('A', 'Annex B'),
        option()(optionHeading('1'), p(text)),
        option()(optionHeading('2'), p('Nothing.')),
      ),
    )
    const after = doc(
      section(
        sectionHeading('A', 'Annex B'),
        option()(optionHeading('1')),
        option()(optionHeading('2'), p('Nothing.'), p(text)),
      ),
    )
    expect(changes(before, after)).toEqual([
      { kind: 'removed', location: 'A. Annex B › Option 1 › Each Party shall report annually.', text },
      { kind: 'added', location: 'A. Annex B › Option 2 › Each Party shall report annually.', text },
    ])
  })

  it('finds the one word a co-chair changed in paragraph 1 bis of the real non-paper, and only that', () => {
    const draft = new Draft()
    const rev1 = draft.snapshot('Rev.1')
    draft.step((state): StepResult => {
      let at = -1
      state.doc.descendants((node, pos) => {
        const i = node.isText ? node.text!.indexOf('shall, individually') : -1
        if (at < 0 && i >= 0) at = pos + i
        return at < 0
      })
      return recordStep(state.tr.insertText('should', at, at + 'shall'.length), { op: 'accept-bracket-text', ids: [] })
    })
    const compared = compareRevisions(rev1, draft.snapshot('Rev.2'))
    const changed = compared.lines.filter((l) => l.kind !== 'same')
    expect(changed).toHaveLength(1)
    const [line] = changed
    if (line.kind !== 'changed') throw new Error(`expected a changed line, got ${line.kind}`)
    expect(line.words.filter((w) => w.change !== 'same').map((w) => [w.change, w.text])).toEqual([
      ['removed', 'shall'],
      ['added', 'should'],
    ])
    expect(compared.counts).toEqual({ changed: 1, added: 0, removed: 0, wordsAdded: 1, wordsRemoved: 1 })
    expect(Object.values(compared.findings).every((list) => list.length === 0)).toBe(true)
  })
})
