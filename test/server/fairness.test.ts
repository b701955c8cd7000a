/**
 * The fairness API against a real server: the yardstick, Frankel's suggestions and
 * ARTICLE 2's entry-into-force status, computed from what the document's text room
 * holds — and recomputed after a co-chair writes through a real WebSocket client.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { daysAfter } from '../../shared/entry-into-force/calendar-date.ts'
import { readRoster } from '../../server/templates/read-template.ts'
import { writeSharedAcceptances } from '../../shared/document/acceptances.ts'
import { readScenario } from '../../shared/model/scenario.ts'
import { writeSharedScenario } from '../../shared/document/model-state.ts'
import { defaultYardstickOptions, incomeCutYardstick } from '../../shared/yardsticks/income-cut.ts'
import { shippedData } from '../yardsticks/shipped-data.ts'
import { connectProvider, repoRoot, testServerSuite } from './server-fixture.ts'

let observer: string
const t = testServerSuite()
beforeAll(async () => {
  observer = await t.account('observer')
})

const doha = () => readScenario(JSON.parse(readFileSync(path.join(repoRoot, 'templates/non-paper/doha.json'), 'utf8')))

/** Writes into the text room as a co-chair's client would, and waits until the server has it. */
async function asCoChair(write: (doc: import('yjs').Doc) => void, landed: () => Promise<boolean>): Promise<void> {
  const { doc, provider } = await connectProvider(t.syncUrl, 'non-paper', await t.account('co-chair'))
  try {
    write(doc)
    const deadline = Date.now() + 5000
    while (!(await landed())) {
      if (Date.now() > deadline) throw new Error('the write did not reach the server')
      await new Promise((r) => setTimeout(r, 50))
    }
  } finally {
    provider.destroy()
    doc.destroy()
  }
}

describe('fairness API', () => {
  it('answers for a document with no inscriptions: no line yet, every Frankel path, nothing accepted', async () => {
    const y = await t.api('GET', '/api/documents/non-paper/yardstick', observer)
    expect(y.status).toBe(200)
    expect(y.body).toMatchObject({ period: 'cp2', n: 0, slope: null, rSquared: null, line: null, rows: [] })
    expect(y.body.reason).toMatch(/needs two/)

    const f = await t.api('GET', '/api/documents/non-paper/frankel', observer)
    expect(f.status).toBe(200)
    expect(f.body.period).toEqual({ start: 2013, end: 2020 })
    const norway = f.body.suggestions.find((s: { party: string }) => s.party === 'Norway')
    expect(norway.inscribed).toBeNull()
    expect(norway.path).toHaveLength(19)
    expect(norway.path[0].year).toBe(2010)
    expect(norway.suggestedQelrc).toBeGreaterThan(0)

    const e = await t.api('GET', '/api/documents/non-paper/entry-into-force?asOf=2020-01-01', observer)
    expect(e.status).toBe(200)
    expect(e.body.article).toEqual({ id: 'a2', options: ['o21', 'o22'], chosenOption: null })
    expect(e.body.option1).toMatchObject({ threshold: 144, accepted: 0, acceptancesMissing: 144, inForce: false })
    // Option 2 applies provisionally from the day after the first period ends.
    expect(e.body.option2).toMatchObject({ provisionalFrom: '2013-01-01', provisionallyApplied: true })
  })

  it('moves the yardstick when a co-chair writes the Doha inscriptions: n and slope as the shipped Doha column gives them', async () => {
    const scenario = doha()
    await asCoChair(
      (doc) => writeSharedScenario(doc, { resolutions: {}, values: {}, inscriptions: scenario.inscriptions }),
      async () => (await t.api('GET', '/api/documents/non-paper/yardstick', observer)).body.n > 0,
    )
    const y = await t.api('GET', '/api/documents/non-paper/yardstick', observer)
    // The oracle: the yardstick module on the data's own Doha column.
    const expected = incomeCutYardstick(shippedData, shippedData.inscriptions, defaultYardstickOptions.cp2)
    expect(y.body.n).toBe(expected.line.n)
    expect(y.body.n).toBe(37)
    expect(y.body.slope).toBeCloseTo(expected.cutPer10PercentIncome, 10)
    expect(y.body.rSquared).toBeCloseTo(expected.line.rSquared, 10)
    expect(y.body.omitted).toContainEqual({
      party: 'European Union',
      reason: 'aggregate of member States already on the chart',
    })

    // Ukraine moves from 76 to 50 % of base year: a deeper cut, a steeper or shallower line, the same n.
    await asCoChair(
      (doc) => writeSharedScenario(doc, { resolutions: {}, values: {}, inscriptions: { 'cp2/Ukraine': 50 } }),
      async () =>
        (await t.api('GET', '/api/documents/non-paper/yardstick', observer)).body.rows.find(
          (r: { party: string }) => r.party === 'Ukraine',
        )?.qelrc === 50,
    )
    const moved = await t.api('GET', '/api/documents/non-paper/yardstick', observer)
    const ukraineMoved = shippedData.inscriptions.map((i) =>
      i.party === 'Ukraine' ? { ...i, qelrc: { ...i.qelrc, cp2: 50 } } : i,
    )
    const expectedMoved = incomeCutYardstick(shippedData, ukraineMoved, defaultYardstickOptions.cp2)
    expect(moved.body.n).toBe(37)
    expect(moved.body.slope).not.toBeCloseTo(y.body.slope, 3)
    expect(moved.body.slope).toBeCloseTo(expectedMoved.cutPer10PercentIncome, 10)

    const f = await t.api('GET', '/api/documents/non-paper/frankel?party=Norway&from=2013&to=2020', observer)
    expect(f.body.suggestions).toHaveLength(1)
    expect(f.body.suggestions[0].inscribed).toBe(84)
  })

  it('reaches three fourths, 144 of 192, when 144 acceptances are written; entry into force on the ninetieth day', async () => {
    const acceptances = Array.from({ length: 144 }, (_, i) => ({
      // Acceptances name Parties as the party table does (the server judges the key).
      party: readRoster().parties.parties[i]!.name,
      date: daysAfter('2019-01-01', i * 5),
      annexI: i < 30,
    }))
    await asCoChair(
      (doc) => writeSharedAcceptances(doc, acceptances),
      async () =>
        (await t.api('GET', '/api/documents/non-paper/entry-into-force?asOf=2030-01-01', observer)).body.option1
          .accepted === 144,
    )
    const e = await t.api('GET', '/api/documents/non-paper/entry-into-force?asOf=2030-01-01', observer)
    const last = acceptances.at(-1)!
    expect(e.body.partiesToProtocol).toBe(192)
    expect(e.body.option1).toMatchObject({
      threshold: 144,
      accepted: 144,
      acceptancesMissing: 0,
      entryIntoForce: daysAfter(last.date, 90),
      inForce: true,
    })
    expect(e.body.option1.thresholdReachedBy.party).toBe(last.party)
    expect(e.body.option2).toMatchObject({ threshold: 144, accepted: 144, inForce: true, provisionallyApplied: false })
    // The day before the last instrument arrived, one is still missing.
    const before = await t.api(
      'GET',
      `/api/documents/non-paper/entry-into-force?asOf=${daysAfter(last.date, -1)}`,
      observer,
    )
    expect(before.body.option1).toMatchObject({ accepted: 143, acceptancesMissing: 1, inForce: false })
  })

  it('refuses a bad query with { error, details } naming the field', async () => {
    const badDate = await t.api('GET', '/api/documents/non-paper/entry-into-force?asOf=2021-02-30', observer)
    expect(badDate.status).toBe(400)
    expect(badDate.body.details.map((d: { field: string }) => d.field)).toEqual(['query.asOf'])
    const badPeriod = await t.api('GET', '/api/documents/non-paper/frankel?from=2020&to=2013', observer)
    expect(badPeriod.status).toBe(400)
    expect(badPeriod.body.details[0].field).toBe('query.to')
    const unknownParam = await t.api('GET', '/api/documents/non-paper/yardstick?period=cp9', observer)
    expect(unknownParam.status).toBe(400)
    expect(unknownParam.body.error).toMatch(/invalid query/)
    const noParty = await t.api('GET', '/api/documents/non-paper/frankel?party=Atlantis', observer)
    expect(noParty.status).toBe(404)
    expect(noParty.body.details[0].field).toBe('query.party')
    expect((await t.api('GET', '/api/documents/no-such/yardstick', observer)).status).toBe(404)
    expect((await t.api('GET', '/api/documents/non-paper/yardstick')).status).toBe(401)
  })
})
