/**
 * Structure review over the wire: a co-chair's correction of the importer's
 * structure (a placeholder read as text, an option unmade) reaches everyone
 * with its model follow-up and its signed log entry; a delegation's same step,
 * in the text room or in the log, is refused and reaches no one. The permitted
 * step after it is the later event that proves the refused one never arrived.
 */
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { readNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { takeStep } from '../../shared/document/streamline-step.ts'
import { proposalsRoom } from '../../shared/document/proposals-room.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { indexDocument } from '../../shared/model/document-index.ts'
import { stepLogDraft, type LogEntry } from '../../shared/proposals/log-entry.ts'
import { ProposalRegister } from '../../shared/proposals/register.ts'
import { markNotPlaceholder, unmakeOption } from '../../shared/streamline/index.ts'
import { eventually, RawClient, testServerSuite } from './server-fixture.ts'

const t = testServerSuite()

const placeholders = (doc: Y.Doc) => [...indexDocument(readNegotiationDoc(doc)).placeholders.keys()]
const options = (doc: Y.Doc) => [...indexDocument(readNegotiationDoc(doc)).options.keys()]

describe('structure review steps', () => {
  it('a delegation’s structure review is refused in the text room; a co-chair’s reaches everyone', async () => {
    const witness = await RawClient.connect(t.syncUrl, 'non-paper', await t.account('observer'))
    const [first, second] = placeholders(witness.doc)
    const option = options(witness.doc)[0]
    const bound = [...textRoom(witness.doc).bindings.entries()].find(
      ([, b]) => 'placeholder' in b && b.placeholder === first,
    )
    expect(bound).toBeDefined()

    const delegation = await RawClient.connect(t.syncUrl, 'non-paper', await t.account('delegation', 'Tuvalu'))
    const refused = takeStep(delegation.doc, (s) => markNotPlaceholder(s, first))
    expect('step' in refused).toBe(true)
    await eventually(() => delegation.denials.length > 0, 5000, 'the refusal')
    expect(delegation.denials[0]).toMatch(/delegation accounts may not change the text room/)
    const unmade = takeStep(delegation.doc, (s) => unmakeOption(s, option))
    expect('step' in unmade).toBe(true)
    await eventually(() => delegation.denials.length > 1, 5000, 'the second refusal')

    const chair = await RawClient.connect(t.syncUrl, 'non-paper', await t.account('co-chair'))
    const taken = takeStep(chair.doc, (s) => markNotPlaceholder(s, second))
    expect('step' in taken && taken.step.op).toBe('not-placeholder')
    await eventually(() => !placeholders(witness.doc).includes(second), 5000, 'the co-chair’s step')
    // The delegation's steps, sent before, never arrived.
    expect(placeholders(witness.doc)).toContain(first)
    expect(options(witness.doc)).toContain(option)
    expect(textRoom(witness.doc).bindings.get(bound![0])).toEqual(bound![1])
    const fresh = await RawClient.connect(t.syncUrl, 'non-paper', await t.account('observer'))
    expect(placeholders(fresh.doc)).toContain(first)
    expect(placeholders(fresh.doc)).not.toContain(second)
    for (const c of [witness, delegation, chair, fresh]) c.close()
  })

  it('a delegation’s log entry for a structure review is refused; a co-chair’s is stored', async () => {
    const token = await t.account('delegation', 'Tuvalu')
    const me = (await t.api('GET', '/api/me', token)).body.username as string
    const witness = await RawClient.connect(t.syncUrl, 'non-paper/proposals', await t.account('observer'))
    const hostile = await RawClient.connect(t.syncUrl, 'non-paper/proposals', token)
    const forged: LogEntry = {
      id: 'l-review-forged',
      op: 'not-placeholder',
      ids: ['p1'],
      summary: 'read X in paragraph 1 bis as text, not a placeholder',
      notes: [],
      by: me,
      at: '2009-11-04T09:00:00Z',
    }
    proposalsRoom(hostile.doc).log.set(forged.id, forged)
    await eventually(() => hostile.denials.length > 0, 5000, 'the refusal')
    expect(hostile.denials[0]).toMatch(/only co-chairs and the secretariat write the log/)

    const chairToken = await t.account('co-chair')
    const chairName = (await t.api('GET', '/api/me', chairToken)).body.username as string
    const chair = await RawClient.connect(t.syncUrl, 'non-paper/proposals', chairToken)
    const register = new ProposalRegister(chair.doc, { username: chairName, role: 'co-chair' })
    const own = register.log(
      stepLogDraft({
        op: 'unmake-option',
        ids: ['o1'],
        by: null,
        words: { option: 'Option 1' },
        removed: ['o1'],
        replaced: {},
        dangling: [],
      }),
    )
    await eventually(() => proposalsRoom(witness.doc).log.has(own.id), 5000, 'the co-chair’s entry')
    expect(proposalsRoom(witness.doc).log.get(own.id)).toMatchObject({ op: 'unmake-option', by: chairName })
    expect(proposalsRoom(witness.doc).log.has(forged.id)).toBe(false)
    for (const c of [witness, hostile, chair]) c.close()
  })
})
