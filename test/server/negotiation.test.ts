/**
 * A negotiation over the wire: three delegations and a co-chair, each a real
 * y-websocket client of a real server, propose, support, object, withdraw; the
 * co-chair accepts (writing the text room's model and provenance) and sets one
 * aside with a reason. The end state is checked entry by entry and the numbers
 * against the shared computation and hand-worked figures. Then hostile clients
 * that bypass the register: every forbidden write is refused and never reaches
 * anyone else.
 */
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { negotiationDocText, readNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { takeStep } from '../../shared/document/streamline-step.ts'
import { logEntries, stepLogDraft, type LogEntry } from '../../shared/proposals/log-entry.ts'
import { acceptBracketText, mergeOptions, regroupBrackets } from '../../shared/streamline/index.ts'
import { computeScenario } from '../../shared/model/compute.ts'
import { indexDocument } from '../../shared/model/document-index.ts'
import { readSharedBindings, readSharedScenario } from '../../shared/document/model-state.ts'
import { applyAcceptance } from '../../shared/document/proposal-acceptance.ts'
import { stanceKey, type Proposal } from '../../shared/proposals/proposal.ts'
import { ProposalRegister } from '../../shared/proposals/register.ts'
import { readPartyTable } from '../../server/templates/read-template.ts'
import {
  appendedParagraphs,
  appendParagraph,
  connectProvider,
  eventually,
  RawClient,
  testServerSuite,
} from './server-fixture.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { proposalsRoom } from '../../shared/document/proposals-room.ts'

const parties = readPartyTable()
const t = testServerSuite()
const open: { provider: { destroy(): void } }[] = []
// Registered after the suite's own: runs first, before the server closes.
afterAll(() => {
  for (const c of open) c.provider.destroy()
})

/** A delegation's or co-chair's client of the proposals room, with its register. */
async function desk(role: 'delegation' | 'co-chair', username: string, party?: string) {
  const token = await t.account(role, party)
  const me = await t.api('GET', '/api/me', token)
  const client = await connectProvider(t.syncUrl, 'non-paper/proposals', token)
  open.push(client)
  return {
    token,
    doc: client.doc,
    register: new ProposalRegister(client.doc, { username: me.body.username, role, party }),
    username: me.body.username as string,
    label: username,
  }
}

const proposalsOf = (doc: Y.Doc) => proposalsRoom(doc).proposals

describe('a negotiation across three delegations and a co-chair', () => {
  it(
    'ends in the agreed model state and numbers, with every decision traced to its Party',
    { timeout: 30_000 },
    async () => {
      const norway = await desk('delegation', 'Norway', 'Norway')
      const australia = await desk('delegation', 'Australia', 'Australia')
      const tuvalu = await desk('delegation', 'Tuvalu', 'Tuvalu')
      const chair = await desk('co-chair', 'chair')
      const chairText = await connectProvider(t.syncUrl, 'non-paper', chair.token)
      open.push(chairText)
      const everyone = [norway, australia, tuvalu, chair]
      const seenByAll = (predicate: (doc: Y.Doc) => boolean, what: string) =>
        eventually(() => everyone.every((d) => predicate(d.doc)), 5000, what)

      // Norway proposes the eight-year period; Tuvalu supports; Australia objects, then changes its mind.
      const period = norway.register.propose({
        kind: 'resolution',
        target: 'g39',
        value: 'g39.2',
        rationale: 'eight years match the 2020 horizon',
      })
      await seenByAll((d) => proposalsOf(d).has(period.id), 'the period proposal')
      tuvalu.register.takeStance(period.id, 'support')
      australia.register.takeStance(period.id, 'object')
      await seenByAll((d) => proposalsRoom(d).stances.size === 2, 'two stances')
      expect(
        chair.register
          .tally()
          .get('g39')!
          .map((x) => [x.support, x.objection]),
      ).toEqual([[['Tuvalu'], ['Australia']]])
      australia.register.takeStance(period.id, 'support')
      await eventually(() => chair.register.tally().get('g39')![0].support.length === 2, 5000, 'the changed stance')
      expect(chair.register.tally().get('g39')![0]).toMatchObject({ support: ['Australia', 'Tuvalu'], objection: [] })

      // Tuvalu asks for X = 45; Norway objects; the co-chair sets it aside with a reason.
      const x = tuvalu.register.propose({ kind: 'value', target: 'X', value: 45 })
      await eventually(() => norway.register.get(x.id) !== undefined, 5000, 'the X proposal at Norway')
      norway.register.takeStance(x.id, 'object')
      await eventually(() => chair.register.tally().get('X')?.[0].objection.length === 1, 5000, 'Norway objecting')
      chair.register.setAside(x.id, 'X is settled once the inscriptions are known')

      // Australia inscribes 99.5, thinks again: withdraws it and inscribes 98.
      const first = australia.register.propose({ kind: 'inscription', target: 'cp2/Australia', value: 99.5 })
      await seenByAll((d) => proposalsOf(d).has(first.id), 'Australia’s first inscription')
      australia.register.withdraw(first.id)
      const second = australia.register.propose({
        kind: 'inscription',
        target: 'cp2/Australia',
        value: 98,
        rationale: 'with the land-use sentence deleted',
      })
      const own = norway.register.propose({ kind: 'inscription', target: 'cp2/Norway', value: 84 })
      await eventually(
        () => chair.register.get(second.id) !== undefined && chair.register.get(own.id) !== undefined,
        5000,
        'the inscriptions at the chair',
      )

      // The co-chair accepts the period and both inscriptions: model first, then the register.
      for (const id of [period.id, second.id, own.id]) {
        const proposal = chair.register.get(id)!
        const accepted = chair.register.accept(id)
        applyAcceptance(chairText.doc, proposal, accepted.decision!, indexDocument(readNegotiationDoc(chairText.doc)))
      }

      // Everyone sees the same register.
      await seenByAll(
        (d) => [period.id, second.id, own.id].every((id) => proposalsOf(d).get(id)?.status === 'accepted'),
        'the acceptances',
      )
      for (const d of everyone) {
        const p = proposalsOf(d.doc)
        expect(p.get(period.id)).toMatchObject({
          party: 'Norway',
          status: 'accepted',
          decision: { by: chair.username },
        })
        expect(p.get(first.id)!.status).toBe('withdrawn')
        expect(p.get(x.id)).toMatchObject({
          party: 'Tuvalu',
          status: 'set-aside',
          decision: { by: chair.username, reason: 'X is settled once the inscriptions are known' },
        })
        expect(proposalsRoom(d.doc).stances.get(stanceKey(period.id, 'Australia'))).toMatchObject({
          stance: 'support',
        })
      }

      // An observer opening the text room now reads the decisions and where they came from.
      const reader = await connectProvider(t.syncUrl, 'non-paper', await t.account('observer'))
      open.push(reader)
      const scenario = readSharedScenario(reader.doc)
      expect(scenario.resolutions.g39).toBe('g39.2')
      expect(scenario.values.X).toBeUndefined()
      expect(scenario.inscriptions).toEqual({ 'cp2/Australia': 98, 'cp2/Norway': 84 })
      expect(textRoom(reader.doc).provenance.toJSON()).toEqual({
        g39: {
          proposal: period.id,
          party: 'Norway',
          by: chair.username,
          at: proposalsOf(chair.doc).get(period.id)!.decision!.at,
        },
        'cp2/Australia': {
          proposal: second.id,
          party: 'Australia',
          by: chair.username,
          at: proposalsOf(chair.doc).get(second.id)!.decision!.at,
        },
        'cp2/Norway': {
          proposal: own.id,
          party: 'Norway',
          by: chair.username,
          at: proposalsOf(chair.doc).get(own.id)!.decision!.at,
        },
      })

      const computation = computeScenario(
        indexDocument(readNegotiationDoc(reader.doc)),
        readSharedBindings(reader.doc).bindings,
        scenario,
        parties,
      )
      const row = (party: string) => computation.results.rows.find((r) => r.party === party)!
      expect(computation.results.period).toEqual({ start: 2013, end: 2020 })
      expect(computation.results.years).toBe(8)
      // Worked by hand: 84 % × 51,475,106 t (Norway's base year) × 8 = 345,912,712.3 → 345,912,712 t.
      expect(row('Norway').assignedAmountT).toBe(345_912_712)
      // 98 % × 547,699,841.2963 t × 8 = 4,293,966,755.76 → 4,293,966,756 t.
      expect(row('Australia').assignedAmountT).toBe(4_293_966_756)
      const by = row('Norway').baseYearT! + row('Australia').baseYearT!
      const allowed = 0.84 * row('Norway').baseYearT! + 0.98 * row('Australia').baseYearT!
      expect(computation.results.aggregate!.reductionPct).toBeCloseTo((1 - allowed / by) * 100, 9)
      expect(computation.results.aggregate!.parties).toEqual(['Australia', 'Norway'])
    },
  )
})

describe('streamlining over the wire, with revisions and the document log', () => {
  it(
    'merges, regroups, resolves and accepts text in signed, logged steps; two revisions compare with the steps between them',
    { timeout: 30_000 },
    async () => {
      const chair = await desk('co-chair', 'chair')
      const chairText = await connectProvider(t.syncUrl, 'non-paper', chair.token)
      const reader = await connectProvider(t.syncUrl, 'non-paper', await t.account('observer'))
      const readerLog = await connectProvider(t.syncUrl, 'non-paper/proposals', await t.account('observer'))
      open.push(chairText, reader, readerLog)
      const numbers = (doc: Y.Doc) =>
        computeScenario(
          indexDocument(readNegotiationDoc(doc)),
          readSharedBindings(doc).bindings,
          readSharedScenario(doc),
          parties,
        )
      // The chair takes a step on its replica and signs it; the observer must see both before the next.
      const step = async (operation: Parameters<typeof takeStep>[1]) => {
        const taken = takeStep(chairText.doc, operation)
        if ('error' in taken) throw new Error(taken.error)
        const entry = chair.register.log(stepLogDraft(taken.step, taken.followUp.notes))
        await eventually(
          () =>
            negotiationDocText(reader.doc) === negotiationDocText(chairText.doc) &&
            proposalsRoom(readerLog.doc).log.has(entry.id),
          5000,
          `${taken.step.op} at the observer`,
        )
        return entry
      }
      const revision = async (name: string) => {
        const made = await t.api('POST', '/api/documents/non-paper/revisions', chair.token, { name })
        expect(made.status).toBe(201)
      }
      // The period stands resolved (as the negotiation above leaves it) whichever test ran first.
      chairText.doc.transact(() => textRoom(chairText.doc).resolutions.set('g39', 'g39.2'))
      await eventually(() => readSharedScenario(reader.doc).resolutions.g39 === 'g39.2', 5000, 'the period resolved')
      const before = numbers(reader.doc)
      // Rev.0 is the text as tabled; the streamlining starts from this snapshot.
      await revision('Start')

      // Rev.1, streamlined: Annex B Options 1 and 2 become one; G Option 4's two insertions become alternatives.
      const merge = await step((s) => mergeOptions(s, 'o1', 'o2'))
      const regroup = await step((s) => regroupBrackets(s, 'g49', 'g50'))
      const merged = readNegotiationDoc(reader.doc)
      const annexB = indexDocument(merged).sections.get(indexDocument(merged).options.get('o1')!.section!)!
      expect(annexB.map((id) => indexDocument(merged).options.get(id)!.number)).toEqual(['1', '2', '3', '4'])
      const layout = readSharedBindings(reader.doc).bindings['annexB-option']
      expect('section' in layout && Object.keys(layout.values)).toEqual(['o1', 'o3', 'o4', 'o5'])
      expect(numbers(reader.doc).results.rows).toEqual(before.results.rows)
      await revision('Rev.1')

      // Rev.2, partly resolved: the chair resolves the length directly, then accepts the period as clean text.
      chairText.doc.transact(() => textRoom(chairText.doc).resolutions.set('g40', 'g40.2'))
      const resolve = chair.register.log({
        op: 'resolve',
        ids: ['g40'],
        summary: 'chose [eight] in paragraph 7 bis',
      })
      const accept = await step((s) => acceptBracketText(s, 'g39', 'g39.2'))
      expect(negotiationDocText(reader.doc)).toContain('from 2013 to 2020')
      expect(readSharedScenario(reader.doc).values['cp2.period']).toEqual({ start: 2013, end: 2020 })
      const after = numbers(reader.doc)
      expect(after.results.years).toBe(8)
      expect(after.results.rows).toEqual(before.results.rows)
      await revision('Rev.2')

      // The log: every step, in order, signed by the chair, with what followed in the model.
      const log = logEntries(proposalsRoom(readerLog.doc).log.toJSON() as Record<string, LogEntry>)
      expect(log.map((e) => [e.op, e.by, e.summary])).toEqual([
        ['merge-options', chair.username, 'merged Option 2 into Option 1 of section A'],
        [
          'regroup-brackets',
          chair.username,
          'regrouped [the adequacy of commitments and actions under A…] and [further] in paragraph 9 bis as alternatives',
        ],
        ['resolve', chair.username, 'chose [eight] in paragraph 7 bis'],
        ['accept-bracket-text', chair.username, 'accepted [2013 to 2020] in paragraph 7 bis as clean text'],
      ])
      expect(log.map((e) => e.id)).toEqual([merge.id, regroup.id, resolve.id, accept.id])
      expect(log[3].notes).toEqual(['the accepted text [2013 to 2020] fixes the second commitment period at 2013–2020'])

      // Each comparison names the steps taken between its two revisions, and the merge as a merge.
      const one = (await t.api('GET', '/api/documents/non-paper/compare?from=Start&to=Rev.1', chair.token)).body
      expect(one.findings.steps.map((e: LogEntry) => e.id)).toEqual([merge.id, regroup.id])
      expect(one.findings.optionsMerged).toEqual([
        expect.objectContaining({ id: 'o2', into: expect.objectContaining({ id: 'o1' }) }),
      ])
      expect(one.findings.bracketsRemoved).toContainEqual(
        expect.objectContaining({ id: 'g50', reason: 'regrouped with the bracket before it' }),
      )
      const two = (await t.api('GET', '/api/documents/non-paper/compare?from=Rev.1&to=Rev.2', chair.token)).body
      expect(two.findings.steps.map((e: LogEntry) => e.id)).toEqual([resolve.id, accept.id])
      expect(two.findings.bracketsResolved.map((g: { id: string }) => g.id)).toContain('g40')
      expect(two.findings.bracketsRemoved).toContainEqual(
        expect.objectContaining({ id: 'g39', reason: 'accepted as clean text' }),
      )
      // g40 was open and is resolved; g39 was resolved already and is now clean text.
      expect(two.remaining.to.brackets).toBe(two.remaining.from.brackets - 1)
    },
  )
})

describe('hostile clients that bypass the editor', () => {
  const tuvaluProposal = (party: string, by: string): Proposal => ({
    id: 'p-hostile',
    party,
    by,
    kind: 'resolution',
    target: 'g40',
    value: 'g40.1',
    at: new Date().toISOString(),
    status: 'open',
  })

  /**
   * A raw client's write to `room` is refused with `reason`; a permitted write
   * made after it (`permitted`, awaited until the witness has it) overtakes it,
   * and neither the witness nor a client connecting afterwards ever sees `visible` hold.
   */
  async function refusedAndUnseen(
    room: string,
    token: string,
    write: (doc: Y.Doc) => void,
    reason: RegExp,
    visible: (doc: Y.Doc) => boolean,
  ) {
    const witness = await RawClient.connect(t.syncUrl, room, await t.account('observer'))
    const hostile = await RawClient.connect(t.syncUrl, room, token)
    write(hostile.doc)
    await eventually(() => hostile.denials.length > 0, 5000, 'the refusal')
    expect(hostile.denials[0]).toMatch(reason)
    const marker = `m-${Math.random().toString(36).slice(2)}`
    if (room === 'non-paper') {
      const chair = await RawClient.connect(t.syncUrl, room, await t.account('co-chair'))
      appendParagraph(chair.doc, marker)
      await eventually(() => appendedParagraphs(witness.doc).includes(marker), 5000, 'the permitted write')
      chair.close()
    } else {
      const iceland = await desk('delegation', 'Iceland', 'Iceland')
      const probe = iceland.register.propose({ kind: 'value', target: 'V', value: 2020 })
      await eventually(() => proposalsOf(witness.doc).has(probe.id), 5000, 'the permitted write')
    }
    expect(visible(witness.doc)).toBe(false)
    const fresh = await RawClient.connect(t.syncUrl, room, await t.account('observer'))
    expect(visible(fresh.doc)).toBe(false)
    for (const c of [witness, hostile, fresh]) c.close()
  }

  it('a delegation proposing for another Party is refused', async () => {
    const token = await t.account('delegation', 'Tuvalu')
    const me = (await t.api('GET', '/api/me', token)).body.username
    await refusedAndUnseen(
      'non-paper/proposals',
      token,
      (doc) => proposalsOf(doc).set('p-hostile', tuvaluProposal('Norway', me)),
      /own Party \(Tuvalu\), not Norway/,
      (doc) => proposalsOf(doc).has('p-hostile'),
    )
  })

  it('a delegation accepting a proposal, or editing another Party’s, is refused', async () => {
    const norway = await desk('delegation', 'Norway', 'Norway')
    const target = norway.register.propose({ kind: 'resolution', target: 'g40', value: 'g40.2' })
    const tuvaluToken = await t.account('delegation', 'Tuvalu')
    const tuvaluName = (await t.api('GET', '/api/me', tuvaluToken)).body.username
    const until = async () => {
      const c = await RawClient.connect(t.syncUrl, 'non-paper/proposals', await t.account('observer'))
      await eventually(() => proposalsOf(c.doc).has(target.id), 5000, 'Norway’s proposal stored')
      c.close()
    }
    await until()
    await refusedAndUnseen(
      'non-paper/proposals',
      tuvaluToken,
      (doc) =>
        proposalsOf(doc).set(target.id, {
          ...target,
          status: 'accepted',
          decision: { by: tuvaluName, at: new Date().toISOString() },
        }),
      /only co-chairs and the secretariat accept/,
      (doc) => proposalsOf(doc).get(target.id)?.status !== 'open',
    )
    await refusedAndUnseen(
      'non-paper/proposals',
      tuvaluToken,
      (doc) => proposalsOf(doc).set(target.id, { ...target, value: 'g40.1' }),
      /cannot be edited once made/,
      (doc) => proposalsOf(doc).get(target.id)?.value !== 'g40.2',
    )
    await refusedAndUnseen(
      'non-paper/proposals',
      tuvaluToken,
      (doc) => proposalsOf(doc).set(target.id, { ...target, status: 'withdrawn' }),
      /only the proposing delegation can withdraw/,
      (doc) => proposalsOf(doc).get(target.id)?.status !== 'open',
    )
    await refusedAndUnseen(
      'non-paper/proposals',
      tuvaluToken,
      (doc) =>
        proposalsRoom(doc).stances.set(stanceKey(target.id, 'Iceland'), { stance: 'object', by: tuvaluName, at: 'x' }),
      /own Party \(Tuvalu\), not Iceland/,
      (doc) => proposalsRoom(doc).stances.has(stanceKey(target.id, 'Iceland')),
    )
  })

  it('a log entry written by a delegation, signed in another co-chair’s name, or rewritten afterwards is refused', async () => {
    const logOf = (doc: Y.Doc) => proposalsRoom(doc).log
    const entry = (id: string, by: string): LogEntry => ({
      id,
      op: 'drop-option',
      ids: ['o5'],
      summary: 'dropped Option 5 of section A',
      notes: [],
      by,
      at: new Date().toISOString(),
    })
    const tuvaluToken = await t.account('delegation', 'Tuvalu')
    const tuvaluName = (await t.api('GET', '/api/me', tuvaluToken)).body.username
    await refusedAndUnseen(
      'non-paper/proposals',
      tuvaluToken,
      (doc) => logOf(doc).set('l-forged-1', entry('l-forged-1', tuvaluName)),
      /only co-chairs and the secretariat write the log/,
      (doc) => logOf(doc).has('l-forged-1'),
    )
    const chair = await desk('co-chair', 'chair')
    await refusedAndUnseen(
      'non-paper/proposals',
      chair.token,
      (doc) => logOf(doc).set('l-forged-2', entry('l-forged-2', 'another-chair')),
      /signed by the account that writes it/,
      (doc) => logOf(doc).has('l-forged-2'),
    )
    const own = chair.register.log({ op: 'drop-option', ids: ['o5'], summary: 'dropped Option 5 of section A' })
    const stored = await RawClient.connect(t.syncUrl, 'non-paper/proposals', await t.account('observer'))
    await eventually(() => logOf(stored.doc).has(own.id), 5000, 'the chair’s entry stored')
    stored.close()
    await refusedAndUnseen(
      'non-paper/proposals',
      chair.token,
      (doc) => logOf(doc).set(own.id, { ...own, summary: 'did nothing' }),
      /only added to/,
      (doc) => logOf(doc).get(own.id)?.summary !== own.summary,
    )
  })

  it('a delegation writing the text room (accepting its own proposal there) is refused', async () => {
    const token = await t.account('delegation', 'Tuvalu')
    await refusedAndUnseen(
      'non-paper',
      token,
      (doc) =>
        doc.transact(() => {
          textRoom(doc).inscriptions.set('cp2/Tuvalu', 50)
          textRoom(doc).provenance.set('cp2/Tuvalu', { proposal: 'p-x', party: 'Tuvalu', by: 'self', at: 'x' })
        }),
      /delegation accounts may not change the text room/,
      (doc) => textRoom(doc).inscriptions.has('cp2/Tuvalu') || textRoom(doc).provenance.has('cp2/Tuvalu'),
    )
  })
})
