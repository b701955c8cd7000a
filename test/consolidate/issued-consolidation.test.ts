// The consolidated text the secretariat issues, on the real non-paper: linked brackets
// follow the one decided (the Annex B heading's period follows 7 bis, [five][eight] its
// length, and back), options whose applicability note fails are dropped with the reason
// or, chosen anyway, flagged; an accepted inscription stands in its Annex B column even
// under a heading still bracketed; the closing annex lists what stays open with its
// place, what the consolidation did and the assigned amounts — and the audit finds no
// word changed that the completed decisions do not explain.
import { describe, expect, it } from 'vitest'
import { auditTexts } from '../../shared/consolidate/audit.ts'
import { completeScenario, issueConsolidation } from '../../shared/consolidate/issued-consolidation.ts'
import { followLinkedBrackets } from '../../shared/consolidate/linked-brackets.ts'
import { applicabilityFate, dropUnmetOptions } from '../../shared/model/applicability-fate.ts'
import { indexDocument } from '../../shared/model/document-index.ts'
import { EMPTY_SCENARIO, type Scenario } from '../../shared/model/scenario.ts'
import { serializeText } from '../../shared/serialize/plain.ts'
import { parties, template, templateDoc } from './template-fixture.ts'

const index = indexDocument(templateDoc)
const scenario = (s: Partial<Scenario>): Scenario => ({ ...EMPTY_SCENARIO, ...s })
const row = (text: string, party: string) => text.split('\n').filter((l) => l.startsWith(`${party}\t`))

describe('linked brackets', () => {
  it('the Annex B headings and [five][eight] follow the period agreed in 7 bis', () => {
    const { resolutions, followed } = followLinkedBrackets(index, template.bindings, { g39: 'g39.2' })
    expect(resolutions).toMatchObject({ g1: 'g1.2', g3: 'g3.2', g12: 'g12.2', g28: 'g28.2', g40: 'g40.2' })
    expect(followed.map((f) => [f.group, f.resolution, f.value])).toEqual([
      ['g1', 'g1.2', '2013–2020'],
      ['g3', 'g3.2', '2013–2020'],
      ['g12', 'g12.2', '2013–2020'],
      ['g28', 'g28.2', '2013–2020'],
      ['g40', 'g40.2', '8'],
    ])
    // The third period's brackets are another variable: they stay open.
    expect(resolutions.g42).toBeUndefined()
  })

  it('a length decides the period when only one alternative has it; two decisions that disagree move nothing', () => {
    expect(followLinkedBrackets(index, template.bindings, { g40: 'g40.1' }).resolutions).toMatchObject({
      g39: 'g39.1',
      g1: 'g1.1',
    })
    const conflict = followLinkedBrackets(index, template.bindings, { g39: 'g39.2', g1: 'g1.1' })
    expect(conflict.followed).toEqual([])
    expect(conflict.resolutions).toEqual({ g39: 'g39.2', g1: 'g1.1' })
  })
})

describe('options whose applicability fails', () => {
  it('are dropped with the reason while open, and flagged when chosen anyway', () => {
    const { resolutions, fates } = dropUnmetOptions(index, { o1: 'chosen' })
    expect(fates.map((f) => [f.option, f.fate])).toEqual([
      ['o8', 'dropped'],
      ['o9', 'dropped'],
      ['o12', 'dropped'],
    ])
    expect(fates[0].reason).toBe(
      'Option 3 (o8) dropped: it applies only if option 3 of the section it names is selected, and option 1 is',
    )
    expect(resolutions).toMatchObject({ o1: 'chosen', o8: 'dropped', o9: 'dropped', o12: 'dropped' })
    // Nothing is decided yet in Annex B: the notes are pending and every option stands.
    expect(dropUnmetOptions(index, {}).fates).toEqual([])
    expect(applicabilityFate(index, { o1: 'chosen', o12: 'chosen' }, 'o12')).toMatchObject({ fate: 'flagged' })
    expect(dropUnmetOptions(index, { o3: 'chosen' }).fates.map((f) => f.option)).toEqual(['o9', 'o12'])
  })
})

describe('the issued consolidation', () => {
  const decided = scenario({ resolutions: { g39: 'g39.2', o1: 'chosen' }, inscriptions: { 'cp2/Australia': 99.5 } })
  const issued = issueConsolidation(templateDoc, decided, template.bindings, parties)
  const text = serializeText(issued.doc)
  const annexed = serializeText(issued.issued)

  it('writes the accepted inscription into Annex B, the heading following the period', () => {
    expect(row(text, 'Australia')).toEqual(['Australia\t108\t99.5'])
    expect(text).toContain(
      'Quantified emission limitation or reduction commitment (2013–2020) (percentage of base year or period)',
    )
    expect(text).toContain('multiplied by eight.')
    expect(text).not.toContain('[2013–2017]')
  })

  it('drops the options whose note fails, and says so among the notes', () => {
    expect(text).not.toContain('would only apply if option 3 for Annex B above is selected')
    expect(issued.notes.map((n) => n.kind)).toEqual([
      'followed',
      'followed',
      'followed',
      'applicability',
      'applicability',
      'applicability',
      'followed',
    ])
    expect(annexed).toContain('Option 3 (o8) dropped: it applies only if option 3 of the section it names is selected')
    expect(annexed).toContain(
      'V (year the second commitment period ends) is 2020, following the second commitment period',
    )
  })

  it('closes with what stays open, in the order of the text and with its place, and the amounts computed', () => {
    expect(annexed.startsWith(text.replace(/\n+$/, ''))).toBe(true)
    expect(annexed).toContain(`\n\n\nAnnex: Unresolved in this text\n\n${issued.unresolved.length} items remain open`)
    for (const u of issued.unresolved.slice(0, 5))
      expect(annexed).toContain(`(${u.id}); ${u.location.replace(/[⁰-⁹¹²³]/g, '')}`)
    // Marks are not quoted: a location reads "paragraph 1 ter", never "1 ter⁵".
    expect(annexed).toContain('(k1); ARTICLE 1: AMENDMENT › C. Article 3, paragraph 1 ter › 1 ter.')
    const australia = issued.computation.results.rows.find((r) => r.party === 'Australia')!
    const grouped = String(australia.assignedAmountT).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
    expect(row(annexed, 'Australia')).toContain(
      `Australia\t99.5 %\t${String(Math.round(australia.baseYearT!)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')}\t8\t${grouped}`,
    )
  })

  it('changes no word the completed decisions do not explain', () => {
    const completed = completeScenario(templateDoc, decided, template.bindings).scenario
    const audit = auditTexts(templateDoc, issued.doc, {
      scenario: completed,
      bindings: template.bindings,
      computation: issued.computation,
    })
    expect(audit.unexplained).toEqual([])
  })

  it('fills an inscription column under a heading still bracketed (the bound cells’ rule)', () => {
    const open = issueConsolidation(
      templateDoc,
      scenario({ inscriptions: { 'cp2/Norway': 84 } }),
      template.bindings,
      parties,
    )
    expect(row(serializeText(open.doc), 'Norway')[0]).toBe('Norway\t101\t84')
  })
})
