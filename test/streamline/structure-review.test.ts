// Structure review: a reviewer corrects where the importer put options and
// placeholders. Each correction keeps every character of the text, changes
// which words a choice keeps and drops, and is logged as its own step.
import { describe, expect, it } from 'vitest'
import type { Node } from 'prosemirror-model'
import { doc, label, option, p, ph, section } from '../builder.ts'
import { consolidate } from '../../shared/consolidate/consolidate.ts'
import { checkRemovals } from '../../shared/consolidate/removal-check.ts'
import { importText } from '../../shared/import/index.ts'
import { indexDocument } from '../../shared/model/document-index.ts'
import { EMPTY_SCENARIO } from '../../shared/model/scenario.ts'
import { locate } from '../../shared/streamline/node-location.ts'
import { serializeText } from '../../shared/serialize/plain.ts'
import {
  describeStep,
  isStepError,
  makeOption,
  markNotPlaceholder,
  setOptionEnd,
  setRunEnd,
  unmakeOption,
} from '../../shared/streamline/index.ts'
import { applied, lines, optionHeading, sectionHeading, stateOf, withIds } from './fixtures.ts'

/** A position inside the textblock whose text contains `words`. */
function posIn(d: Node, words: string): number {
  let found = -1
  d.descendants((node, pos) => {
    if (found >= 0) return false
    if (node.isTextblock && node.textContent.includes(words)) found = pos + 1
    return found < 0
  })
  if (found < 0) throw new Error(`no block holds ${JSON.stringify(words)}`)
  return found
}

const choose = (id: string) => ({ ...EMPTY_SCENARIO, resolutions: { [id]: 'chosen' } })
const runs = (d: Node) => [...indexDocument(d).runs.values()]
const optionsOf = (d: Node) => [...indexDocument(d).options.keys()]

// The importer's guess on this text: the last option takes in "The Fund serves." (line 7).
const guessed = 'A. Finance\n\nOption 1: Parties shall report.\n\nOption 2: Parties may report.\n\nThe Fund serves.\n'

describe('setOptionEnd', () => {
  it('ends an option the importer let run on, so choosing its sibling keeps the paragraph after it', () => {
    const imported = importText(guessed)
    expect(imported.guesses.map((g) => g.id)).toEqual(['o2'])
    const before = imported.doc
    expect(serializeText(consolidate(before, choose('o1')).doc)).not.toContain('The Fund serves.')
    const {
      doc: after,
      text,
      step,
    } = applied(setOptionEnd(stateOf(before), 'o2', posIn(before, 'Parties may'), { by: 'Chair' }))
    expect(text).toBe(guessed)
    const o2 = after.child(0).child(2)
    expect(o2.attrs).toMatchObject({ id: 'o2', extent: 'reviewed' })
    expect(o2.childCount).toBe(1)
    expect(after.child(0).child(3).textContent).toBe('The Fund serves.')
    const out = consolidate(after, choose('o1')).doc
    expect(lines(serializeText(out))).toEqual(['A. Finance', 'Parties shall report.', 'The Fund serves.'])
    expect(checkRemovals(after, choose('o1'), out)).toEqual([])
    expect(describeStep(step)).toBe('Chair ended Option 2 of section A with “Parties may report.”')
  })

  it('lengthens an option over the paragraphs after it, up to the next option', () => {
    const d = withIds(
      doc(
        section(
          sectionHeading('A', 'Finance'),
          option({ run: 'r' })(optionHeading('1'), p('one')),
          p('still one'),
          p('one again'),
          option({ run: 'r' })(optionHeading('2'), p('two')),
          p('after'),
        ),
      ),
    )
    const { doc: after, text } = applied(setOptionEnd(stateOf(d), 'o1', posIn(d, 'one again')))
    expect(text).toBe(serializeText(d))
    expect(after.child(0).child(1).childCount).toBe(4)
    expect(lines(serializeText(consolidate(after, choose('o2')).doc))).toEqual(['A. Finance', 'two', 'after'])
    const past = setOptionEnd(stateOf(d), 'o1', posIn(d, 'after'))
    expect(isStepError(past) && past.error).toBe('Option 2 stands between Option 1 and that paragraph')
    const same = setOptionEnd(stateOf(d), 'o2', posIn(d, 'two'))
    expect(isStepError(same) && same.error).toBe('Option 2 already ends there')
  })
})

describe('setRunEnd', () => {
  // Two places in one section, each with two options, read by the importer as one run of four.
  const oneRun = withIds(
    doc(
      section(
        sectionHeading('A', 'Finance'),
        option({ run: 'r' })(optionHeading('1'), p('first place, one')),
        option({ run: 'r' })(optionHeading('2'), p('first place, two'), p('between the places')),
        option({ run: 'r' })(optionHeading('1'), p('second place, one')),
        option({ run: 'r' })(optionHeading('2'), p('second place, two')),
      ),
    ),
  )

  it('makes the options after it another choice, and ends the option where the run ends', () => {
    expect(runs(oneRun)).toEqual([['o1', 'o2', 'o3', 'o4']])
    const { doc: after, text, step } = applied(setRunEnd(stateOf(oneRun), 'o2', posIn(oneRun, 'first place, two')))
    expect(text).toBe(serializeText(oneRun))
    expect(runs(after)).toEqual([
      ['o1', 'o2'],
      ['o3', 'o4'],
    ])
    const out = serializeText(
      consolidate(after, { ...EMPTY_SCENARIO, resolutions: { o1: 'chosen', o4: 'chosen' } }).doc,
    )
    expect(lines(out)).toEqual(['A. Finance', 'first place, one', 'between the places', 'second place, two'])
    expect(describeStep(step)).toBe('ended the run of Option 2 of section A with “first place, two”')
  })

  it('refuses an end already there', () => {
    const again = setRunEnd(stateOf(oneRun), 'o4', posIn(oneRun, 'second place, two'))
    expect(isStepError(again) && again.error).toBe('the run of Option 2 already ends there')
  })
})

describe('makeOption', () => {
  it('makes the paragraph after a run an option of that run, with no label and the same text', () => {
    const text =
      'A. Finance\n\nOption 1: Parties shall report.\n\nOption 2: Parties may report.\n\nNo reporting at all.\n'
    const d = importText(text).doc
    const { doc: after, text: out, step } = applied(makeOption(stateOf(d), posIn(d, 'No reporting')))
    expect(out).toBe(text)
    const id = step.ids[0]
    expect(id).toMatch(/^o-/)
    expect(runs(after)).toEqual([['o1', 'o2', id]])
    expect(after.child(0).child(2).childCount).toBe(1)
    expect(lines(serializeText(consolidate(after, choose(id)).doc))).toEqual(['A. Finance', 'No reporting at all.'])
    expect(describeStep(step)).toBe('made “No reporting at all.” in Option 2 of section A an option')
  })

  it('makes a paragraph of a division an option of its own run', () => {
    const d = withIds(doc(section(sectionHeading('A', 'Finance'), p('Some text.'), p('Proposed text.'))))
    const { doc: after, step } = applied(makeOption(stateOf(d), posIn(d, 'Proposed')))
    expect(after.child(0).child(2).attrs).toMatchObject({ id: step.ids[0], extent: 'reviewed' })
    expect(runs(after)).toHaveLength(1)
    expect(
      serializeText(consolidate(after, { ...EMPTY_SCENARIO, resolutions: { [step.ids[0]]: 'dropped' } }).doc),
    ).not.toContain('Proposed')
  })

  it('splits an option at a later paragraph of it: the rest is another option of its run', () => {
    const d = withIds(
      doc(section(sectionHeading('A', 'Finance'), option({ run: 'r' })(optionHeading('1'), p('one'), p('really two')))),
    )
    const { doc: after, step } = applied(makeOption(stateOf(d), posIn(d, 'really two')))
    expect(runs(after)).toEqual([['o1', step.ids[0]]])
    expect(lines(serializeText(consolidate(after, choose('o1')).doc))).toEqual(['A. Finance', 'one'])
    const first = makeOption(stateOf(d), locate(d, 'o1')!.pos + 2)
    expect(isStepError(first) && first.error).toBe('this paragraph already starts Option 1')
    const heading = makeOption(stateOf(d), posIn(d, 'Finance'))
    expect(isStepError(heading) && heading.error).toBe('this is the heading of section A')
  })
})

describe('unmakeOption', () => {
  it('reads a label as text again: the words stay, the option leaves the run and the model', () => {
    const text = 'A. Finance\n\nOption 1: Parties shall report.\n\nOption 2: Parties may report.\n\nOption 3: None.\n'
    const d = importText(text).doc
    const { doc: after, text: out, step } = applied(unmakeOption(stateOf(d), 'o3', { by: 'Chair' }))
    expect(out).toBe(text)
    expect(optionsOf(after)).toEqual(['o1', 'o2'])
    expect(step.removed).toEqual(['o3'])
    const para = after.child(0).child(3)
    expect(para.type.name).toBe('paragraph')
    expect(para.textContent).toBe('Option 3: None.')
    expect(lines(serializeText(consolidate(after, choose('o1')).doc))).toEqual([
      'A. Finance',
      'Parties shall report.',
      'Option 3: None.',
    ])
    expect(describeStep(step)).toBe('Chair read Option 3 of section A as text, not an option')
  })

  it('turns an option heading into a paragraph, and is undone by making the paragraph an option again', () => {
    const d = withIds(doc(section(sectionHeading('A', 'Finance'), option({ run: 'r' })(optionHeading('1'), p('one')))))
    const { doc: after } = applied(unmakeOption(stateOf(d), 'o1'))
    expect(after.child(0).child(1).type.name).toBe('paragraph')
    expect(serializeText(after)).toBe(serializeText(d))
    expect(optionsOf(after)).toEqual([])
    const refused = unmakeOption(stateOf(d), 's1')
    expect(isStepError(refused) && refused.error).toBe('s1 is a section, not an option')
  })
})

describe('markNotPlaceholder', () => {
  it('reads a placeholder as its letters, and the model no longer lists it', () => {
    const d = withIds(
      doc(section(sectionHeading('A', 'Annexes'), p('as listed in Annex ', ph('B'), ' and ', ph('X'), ' per cent'))),
    )
    expect([...indexDocument(d).placeholders.keys()]).toEqual(['p1', 'p2'])
    const { doc: after, text, step } = applied(markNotPlaceholder(stateOf(d), 'p1', { by: 'Chair' }))
    expect(text).toBe(serializeText(d))
    expect([...indexDocument(after).placeholders.keys()]).toEqual(['p2'])
    expect(after.child(0).child(1).child(0).text).toBe('as listed in Annex B and ')
    expect(step.removed).toEqual(['p1'])
    expect(describeStep(step)).toBe('Chair read B in section A as text, not a placeholder')
    const refused = markNotPlaceholder(stateOf(d), 's1')
    expect(isStepError(refused) && refused.error).toBe('s1 is a section, not a placeholder')
  })
})
