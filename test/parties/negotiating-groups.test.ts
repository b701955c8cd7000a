// The negotiating groups: members by ISO code, each list with its date and source.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseNegotiatingGroups } from '../../shared/parties/negotiating-groups.ts'
import { readRoster } from '../../server/templates/read-template.ts'

const { groups, parties: table } = readRoster()

describe('the negotiating groups', () => {
  it('have the membership their sources state', () => {
    const size = (id: string) => groups.byName(id)!.members.length
    // g77.org: 134 members; UNFCCC: the African Group's 54 Parties; aosis.org: 39 members;
    // 45 LDCs after Bhutan (13 December 2023); the Union and its 27 member States; the 22 of the Arab League.
    expect([size('G77'), size('AGN'), size('AOSIS'), size('LDC'), size('EU'), size('ARAB')]).toEqual([
      134, 54, 39, 45, 28, 22,
    ])
    expect(groups.byName('EIG')!.members).toEqual(['LI', 'MC', 'CH', 'GE', 'MX', 'KR'])
    expect(groups.byName('BASIC')!.members).toEqual(['BR', 'CN', 'IN', 'ZA'])
    for (const g of groups.groups) expect(g.source, g.id).toMatch(/\S/)
  })

  it('are found by the names texts use, and tell a Party its groups', () => {
    expect(groups.byName('G-77 and China')?.id).toBe('G77')
    expect(groups.byName('alliance of small island states')?.id).toBe('AOSIS')
    expect(groups.byName('LDCs')?.id).toBe('LDC')
    expect(groups.groupsOf('TV').map((g) => g.id)).toEqual(['AOSIS', 'LDC'])
    expect(groups.groupsOf('CN').map((g) => g.id)).toEqual(['G77', 'BASIC', 'LMDC'])
    // Every G-77 member is a Party outside Annex I, bar none.
    for (const iso of groups.byName('G77')!.members) expect(table.byIso(iso)!.annexI, iso).toBe(false)
  })

  it('refuses a member that is not a Party, naming the line', () => {
    const file = resolve(import.meta.dirname, '../../templates/parties/negotiating-groups.csv')
    const text = readFileSync(file, 'utf8').replace(';BR;', ';BR;XX;')
    expect(() => parseNegotiatingGroups(text, 'g.csv', table)).toThrow(
      /g\.csv, row \d+, field "members": "XX" is not a Party/,
    )
  })
})
