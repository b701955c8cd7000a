// The one roster of Parties and groups: every spelling the files hold finds its Party or group, the way
// a comment's opening words are read; a name nobody answers to is refused, saying so.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readRoster } from '../../server/templates/read-template.ts'
import { parseRoster } from '../../shared/parties/roster.ts'
import { readSpeaker } from '../../shared/parties/speaker.ts'

const roster = readRoster()
const { parties, groups } = roster
const speaker = (opening: string) => readSpeaker(`${opening}: we cannot accept this paragraph`, roster).speaker

describe('the roster', () => {
  it('finds every Party by each of its names, in a lookup and at the start of a comment', () => {
    const groupNames = new Set(groups.groups.flatMap((g) => [g.id, g.name, ...g.aliases]))
    let names = 0
    for (const p of parties.parties)
      for (const name of new Set([p.name, p.unName, ...p.aliases])) {
        names++
        expect(parties.byName(name)?.iso, name).toBe(p.iso)
        // A name of both a Party and a group (the EU's) is read as the group, whose members carry the Party.
        const read = groupNames.has(name)
          ? { kind: 'group', name: groups.byName(name)!.name }
          : { kind: 'party', name: p.name }
        expect(speaker(name), name).toEqual(read)
      }
    expect(names).toBeGreaterThan(parties.parties.length)
  })

  it('finds every group by its id, name and each alias', () => {
    for (const g of groups.groups)
      for (const name of new Set([g.id, g.name, ...g.aliases])) {
        expect(groups.byName(name)?.id, name).toBe(g.id)
        expect(speaker(name), name).toEqual({ kind: 'group', name: g.name })
      }
  })

  it('reads the spellings negotiators write', () => {
    const party = (name: string) => ({ kind: 'party', name })
    const group = (name: string) => ({ kind: 'group', name })
    const cases: [string, object][] = [
      ['Norway', party('Norway')],
      ['US', party('United States of America')],
      ['U.S', party('United States of America')],
      ['United States', party('United States of America')],
      ['UK', party('United Kingdom of Great Britain and Northern Ireland')],
      ['Turkey', party('Türkiye')],
      ['Turkiye', party('Türkiye')],
      ['Cote d’Ivoire', party("Côte d'Ivoire")],
      ['Vietnam', party('Viet Nam')],
      ['Holy See', party('Holy See')],
      ['EU', group('EU')],
      ['European Union', group('EU')],
      ['LMDC', group('LMDC')],
      ['G-77 and China', group('G77 and China')],
      ['African Group', group('AGN')],
      ['Umbrella Group', group('Umbrella Group')],
      ['Grupo Sur', group('ABU (Grupo Sur)')],
      ['Coalition for Rainforest Nations', group('CfRN')],
      ['Arab Group', group('Arab Group')],
    ]
    for (const [opening, expected] of cases) expect(speaker(opening), opening).toEqual(expected)
    // Lower-case short words are words, not Parties.
    expect(speaker('us')).toBeNull()
  })

  it('counts 198 Parties: 197 States (with the Holy See since 2022) and the European Union', () => {
    expect(parties.parties).toHaveLength(198)
    expect(parties.byIso('VA')?.name).toBe('Holy See')
    expect(parties.byIso('EU')?.unName).toBe('European Union')
    // The Union is a Party and a member of its own group, so its delegation speaks for the group.
    expect(groups.byName('EU')!.members).toContain('EU')
  })

  it('refuses a name nobody answers to, with the nearest spellings', () => {
    expect(parties.find('Atlantis')).toEqual({
      error: '"Atlantis" is not a Party to the Convention in the party table',
    })
    expect(parties.find('Norwy')).toEqual({
      error: '"Norwy" is not a Party to the Convention in the party table; did you mean Norway, North Macedonia?',
    })
    expect(groups.byName('G99')).toBeUndefined()
    expect(speaker('Atlantis')).toBeNull()
  })

  it('refuses a groups file whose member is no Party or whose name names two groups', () => {
    const dir = resolve(import.meta.dirname, '../../templates/parties')
    const file = (name: string) => ({ text: readFileSync(resolve(dir, name), 'utf8'), file: name })
    const groupsFile = file('negotiating-groups.csv')
    const with_ = (text: string) => () => parseRoster(file('parties.csv'), { ...groupsFile, text })
    expect(with_(groupsFile.text.replace(';BR;', ';BR;XX;'))).toThrow(
      /negotiating-groups\.csv, row \d+, field "members": "XX" is not a Party of the party table/,
    )
    expect(with_(groupsFile.text.replace('Grupo Sur;ABU', 'Grupo Sur;ABU;LMDCs'))).toThrow(
      /negotiating-groups\.csv, row 15, field "aliases": "LMDCs" already names LMDC/,
    )
  })
})
