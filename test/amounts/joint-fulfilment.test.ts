import { describe, expect, it } from 'vitest'
import { AmountInputError } from '../../shared/amounts/input.ts'
import { firstPeriodBubble, jointFulfilment } from '../../shared/amounts/joint-fulfilment.ts'
import { referenceRows, templatePartyTable } from '../parties/template-table.ts'

const table = templatePartyTable()

describe('first-period joint fulfilment (EU-15 bubble)', () => {
  const bubble = firstPeriodBubble(table.parties)

  it('sets the member States’ official amounts against the Community’s and reports the gap', () => {
    // Decision 2006/944/EC: the fifteen amounts add up to 19,602,023,977 t (summed by hand:
    // 673,995,528 + 273,827,177 + 4,868,096,694 + 314,184,272 + 668,669,806 + 1,666,195,929
    // + 2,819,626,640 + 2,416,277,898 + 47,402,996 + 1,001,262,141 + 343,866,009 + 381,937,527
    // + 355,017,545 + 375,188,561 + 3,396,475,254); the Community's is 19,621,381,509 t.
    expect(bubble.members).toHaveLength(15)
    expect(bubble.memberStatesT).toBe(19_602_023_977)
    expect(bubble.communityT).toBe(19_621_381_509)
    expect(bubble.differenceT).toBe(19_357_532)
    expect(bubble.differencePct).toBeCloseTo(0.09866, 5)
  })

  it('the members’ burden-sharing shares are the ones the EU decision implies', () => {
    // Independent: the crosscheck file's shares, read from the EEA table, not from our build.
    const crosscheck = referenceRows('crosscheck_cp1_implied_base_years.csv').filter((r) =>
      r.qelrc_source!.startsWith('EU burden sharing'),
    )
    expect(crosscheck).toHaveLength(15)
    for (const r of crosscheck) {
      const name = r.party === 'United Kingdom' ? 'United Kingdom of Great Britain and Northern Ireland' : r.party!
      expect(table.get(name).burdenSharingPct, name).toBe(Number(r.qelrc_pct_used))
    }
  })
})

describe('jointFulfilment', () => {
  it('adds the members and compares', () => {
    expect(
      jointFulfilment(100, [
        { party: 'A', amountT: 60 },
        { party: 'B', amountT: 30 },
      ]),
    ).toMatchObject({ memberStatesT: 90, differenceT: 10, differencePct: 10 })
  })

  it('refuses an empty membership or a bad amount', () => {
    expect(() => jointFulfilment(100, [])).toThrowError(AmountInputError)
    expect(() => jointFulfilment(100, [{ party: 'Malta', amountT: 0 }])).toThrow(/Malta\.amountT = 0/)
  })
})
