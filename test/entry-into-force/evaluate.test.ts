import { describe, expect, it } from 'vitest'
import { daysAfter } from '../../shared/entry-into-force/calendar-date.ts'
import { parseAcceptanceList } from '../../shared/entry-into-force/acceptance-list.ts'
import { evaluateEntryIntoForce, threeFourths, type Acceptance } from '../../shared/entry-into-force/evaluate.ts'

/** `count` acceptances, one a day from `first`, by "Party 1", "Party 2", …; the last dated `last` if given. */
function acceptances(count: number, first = '2013-01-31', last?: string): Acceptance[] {
  const list = Array.from({ length: count }, (_, i) => ({ party: `Party ${i + 1}`, date: daysAfter(first, i) }))
  if (last && count) list[count - 1].date = last
  return list
}

describe('three fourths of the Parties (Article 20, paragraph 4)', () => {
  it('is 144 of 192, and rounds up when the count is not divisible by 4', () => {
    expect(threeFourths(192)).toBe(144)
    expect(threeFourths(193)).toBe(145) // 144.75
    expect(threeFourths(194)).toBe(146) // 145.5
    expect(threeFourths(195)).toBe(147) // 146.25
    expect(threeFourths(1)).toBe(1)
    expect(() => threeFourths(0)).toThrow(/positive whole number/)
  })
})

describe('ARTICLE 2, Option 1: the Doha Amendment', () => {
  // The real figures: 192 Parties to the Protocol; the 144th instrument was received on
  // 2 October 2020; the amendment entered into force on 31 December 2020. The 143 earlier
  // instruments are stand-ins (the data set has no list of them), dated from 31 January 2013.
  const doha = acceptances(144, '2013-01-31', '2020-10-02')
  const rules = { partiesToProtocol: 192, option: 1 as const }

  it('enters into force on 31 December 2020, the ninetieth day after the 144th acceptance', () => {
    const s = evaluateEntryIntoForce(doha, rules, '2020-12-31')
    expect(s.threshold).toBe(144)
    expect(s.thresholdReachedBy?.date).toBe('2020-10-02')
    expect(s.entryIntoForce).toBe('2020-12-31')
    expect(s.inForce).toBe(true)
    expect(s.acceptancesMissing).toBe(0)
    expect(s.provisionallyApplied).toBe(false)
  })

  it('is not yet in force on 30 December 2020, though its date is known', () => {
    const s = evaluateEntryIntoForce(doha, rules, '2020-12-30')
    expect(s.inForce).toBe(false)
    expect(s.entryIntoForce).toBe('2020-12-31')
  })

  it('with 143 of 192 it is not in force and one acceptance is missing', () => {
    const s = evaluateEntryIntoForce(doha.slice(0, 143), rules, '2021-06-01')
    expect(s.accepted).toBe(143)
    expect(s.acceptancesMissing).toBe(1)
    expect(s.inForce).toBe(false)
    expect(s.entryIntoForce).toBeUndefined()
    expect(s.inForceFor).toEqual([])
  })

  it('ignores instruments dated after the day of evaluation', () => {
    const s = evaluateEntryIntoForce(doha, rules, '2020-10-01')
    expect(s.accepted).toBe(143)
    expect(s.acceptancesMissing).toBe(1)
  })

  it('binds a later acceptor on the ninetieth day after its own instrument (paragraph 5)', () => {
    const later = [...doha, { party: 'Late Party', date: '2021-01-15' }]
    const s = evaluateEntryIntoForce(later, rules, '2021-12-31')
    expect(s.inForceFor.find((p) => p.party === 'Late Party')!.from).toBe('2021-04-15')
    expect(s.inForceFor.find((p) => p.party === 'Party 1')!.from).toBe('2020-12-31')
    expect(s.inForceFor.find((p) => p.party === 'Party 144')!.from).toBe('2020-12-31')
  })

  it('counts by date, not by list order', () => {
    const shuffled = [...doha].reverse()
    expect(evaluateEntryIntoForce(shuffled, rules, '2021-01-01').entryIntoForce).toBe('2020-12-31')
  })

  it('refuses a Party that appears twice, and more acceptances than Parties', () => {
    const twice = [...doha.slice(0, 3), { party: 'Party 2', date: '2015-01-01' }]
    expect(() => evaluateEntryIntoForce(twice, rules, '2021-01-01')).toThrow(
      'acceptances[3]: Party 2 appears twice; a Party deposits one instrument',
    )
    expect(() => evaluateEntryIntoForce(acceptances(5), { partiesToProtocol: 4, option: 1 }, '2021-01-01')).toThrow(
      /5 acceptances but only 4 Parties/,
    )
  })
})

describe('ARTICLE 2, Option 2: provisional application', () => {
  const rules = { partiesToProtocol: 192, option: 2 as const }

  it('applies provisionally from 1 January 2013, the day after the first period ends, until entry into force', () => {
    const few = acceptances(10)
    expect(evaluateEntryIntoForce(few, rules, '2012-12-31').provisionallyApplied).toBe(false)
    const first = evaluateEntryIntoForce(few, rules, '2013-01-01')
    expect(first.provisionalFrom).toBe('2013-01-01')
    expect(first.provisionallyApplied).toBe(true)
    expect(first.acceptancesMissing).toBe(144) // the stand-in instruments start on 31 January
    const s = evaluateEntryIntoForce(few, rules, '2013-03-01')
    expect(s.provisionallyApplied).toBe(true)
    expect(s.acceptancesMissing).toBe(134)
    const inForce = evaluateEntryIntoForce(acceptances(144, '2013-01-31', '2020-10-02'), rules, '2021-01-01')
    expect(inForce.inForce).toBe(true)
    expect(inForce.provisionallyApplied).toBe(false)
  })
})

describe('paragraph 1 ter, brackets resolved', () => {
  // Four Annex I Parties with emissions 40, 30, 20, 10 (of 100), accepting in that order, one a month.
  const list: Acceptance[] = [
    { party: 'A', date: '2014-01-10', annexI: true },
    { party: 'B', date: '2014-02-10', annexI: true },
    { party: 'X', date: '2014-02-20', annexI: false },
    { party: 'C', date: '2014-03-10', annexI: true },
    { party: 'D', date: '2014-04-10', annexI: true },
  ]
  const emissions = { A: 40, B: 30, C: 20, D: 10 }
  const rules = (p: object) => ({ partiesToProtocol: 5, option: 1 as const, paragraph1Ter: p })

  it('meets the coverage condition on the acceptance that reaches the share, exactly at the threshold', () => {
    const s = evaluateEntryIntoForce(list, rules({ minimumCoverage: 0.7, emissions }), '2015-01-01')
    expect(s.paragraph1Ter!.coverage).toEqual({ met: true, since: '2014-02-10', share: 1 })
    // 40 + 30 = 70 % reached on 10 February; in force on the 90th day after the 4th of 5 (10 March) = 8 June.
    expect(s.entryIntoForce).toBe('2014-06-08')
    expect(s.paragraph1Ter!.commitmentsApplyFrom).toBe('2014-06-08')
    expect(s.paragraph1Ter!.commitmentsApply).toBe(true)
  })

  it('says how much more coverage and how many more Annex I acceptances are missing', () => {
    const s = evaluateEntryIntoForce(
      list.slice(0, 2),
      rules({ minimumCoverage: 0.75, emissions, minimumAnnexIAcceptances: 4 }),
      '2015-01-01',
    )
    expect(s.paragraph1Ter!.coverage).toMatchObject({
      met: false,
      share: 0.7,
      missing: '5.00 percentage points more of the emissions',
    })
    expect(s.paragraph1Ter!.annexIAcceptances).toEqual({
      met: false,
      count: 2,
      missing: '2 more acceptance(s) by Parties included in Annex I',
    })
    expect(s.paragraph1Ter!.commitmentsApply).toBe(false)
    expect(s.paragraph1Ter!.commitmentsApplyFrom).toBeUndefined()
  })

  it('applies the commitments from the latest of entry into force and each condition', () => {
    // Entry into force: 4th of 5 acceptances (10 March) + 90 = 8 June 2014; the 4th Annex I acceptance is 10 April.
    const s = evaluateEntryIntoForce(list, rules({ minimumAnnexIAcceptances: 4 }), '2014-06-07')
    expect(s.paragraph1Ter!.annexIAcceptances).toEqual({ met: true, since: '2014-04-10', count: 4 })
    expect(s.paragraph1Ter!.commitmentsApplyFrom).toBe('2014-06-08')
    expect(s.paragraph1Ter!.commitmentsApply).toBe(false)
  })

  it('holds the commitments back while the AWG-LCA link is unsatisfied', () => {
    const s = evaluateEntryIntoForce(list, rules({ lcaLinkSatisfied: false }), '2020-01-01')
    expect(s.inForce).toBe(true)
    expect(s.paragraph1Ter!.lcaLink!.met).toBe(false)
    expect(s.paragraph1Ter!.commitmentsApply).toBe(false)
  })

  it('asks for the emissions a coverage condition needs', () => {
    expect(() => evaluateEntryIntoForce(list, rules({ minimumCoverage: 0.55 }), '2020-01-01')).toThrow(
      /needs paragraph1Ter.emissions/,
    )
    expect(() => evaluateEntryIntoForce(list, rules({ minimumCoverage: 55, emissions }), '2020-01-01')).toThrow(
      /share in \(0, 1\], got 55/,
    )
  })
})

describe('the acceptance-list file', () => {
  it('reads the documented JSON form', () => {
    const list = parseAcceptanceList({
      partiesToProtocol: 192,
      asOf: '2021-01-01',
      acceptances: [{ party: 'Bahrain', date: '2014-01-31' }],
    })
    expect(list.rules).toEqual({ partiesToProtocol: 192, option: 1 })
    expect(list.asOf).toBe('2021-01-01')
  })

  it('lists each problem with its path', () => {
    expect(() =>
      parseAcceptanceList({ partiesToProtocol: 192, acceptances: [{ party: 'A', date: '31/01/2014' }] }),
    ).toThrow(/acceptances\.0\.date: a date in the form YYYY-MM-DD/)
    expect(() => parseAcceptanceList({ acceptances: [] })).toThrow(/partiesToProtocol/)
  })
})
