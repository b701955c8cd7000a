// The judgement of an update before it is applied: the sender's right to the room, the
// roots it writes, and every entry against its root's rule — whoever sends it.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { clientUpdate } from './client-update.ts'
import { judgeUpdate } from '../../shared/document/judge.ts'
import { readNegotiationDoc, seedNegotiationDoc, writeNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { schema } from '../../shared/schema/index.ts'
import type { Actor } from '../../shared/document/roles.ts'
import { resolveNode } from '../../shared/document/model-state.ts'
import { takeStep } from '../../shared/document/streamline-step.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { proposalsRoom } from '../../shared/document/proposals-room.ts'
import { acceptBracketText } from '../../shared/streamline/index.ts'
import { template, templateIndex } from '../model/template-model.ts'

const chair: Actor = { username: 'chair', role: 'co-chair' }
const tuvalu: Actor = { username: 'tv', role: 'delegation', party: 'Tuvalu' }
const observer: Actor = { username: 'obs', role: 'observer' }

/** The template's text room, as the server holds it. */
function templateRoom(): Y.Doc {
  const doc = new Y.Doc()
  seedNegotiationDoc(doc, template.text, template.annotations, template.bindings)
  return doc
}

const server = templateRoom()
const judgeText = (actor: Actor, change: (doc: Y.Doc) => void) =>
  judgeUpdate('text', server, clientUpdate(server, change), actor).refusal

describe('judging the text room', () => {
  it('admits a co-chair’s valid resolution, value, inscription and text edit', () => {
    expect(judgeText(chair, (d) => textRoom(d).resolutions.set('g39', 'g39.2'))).toBeNull()
    expect(judgeText(chair, (d) => textRoom(d).resolutions.set('o1', 'chosen'))).toBeNull()
    expect(judgeText(chair, (d) => textRoom(d).values.set('X', 25))).toBeNull()
    expect(judgeText(chair, (d) => textRoom(d).inscriptions.set('cp2/Australia', 99.5))).toBeNull()
    expect(judgeText(chair, (d) => textRoom(d).text.delete(0, 1))).toBeNull()
    expect(judgeText(chair, (d) => textRoom(d).resolutions.delete('g39'))).toBeNull()
  })

  it('refuses a root the text room does not hold, even from a co-chair', () => {
    expect(judgeText(chair, (d) => d.getMap('secrets').set('a', 1))).toMatchObject({
      code: 'unknown-root',
      message: 'the text room holds no "secrets"',
    })
    expect(judgeText(chair, (d) => d.getText('notes').insert(0, 'x'))).toMatchObject({ code: 'unknown-root' })
    // A proposals-room map written into the text room is unknown there too.
    expect(judgeText(chair, (d) => d.getMap('proposals').set('p', {}))).toMatchObject({ code: 'unknown-root' })
  })

  it('refuses values the roots do not accept, naming the entry', () => {
    expect(judgeText(chair, (d) => textRoom(d).resolutions.set('g39', 'g40.1'))).toEqual({
      code: 'invalid-value',
      message: 'resolutions.g39: resolution of g39 is "g40.1"; expected one of g39.1, g39.2',
    })
    expect(judgeText(chair, (d) => textRoom(d).resolutions.set('o1', 'kept'))?.message).toMatch(/"chosen" or "dropped"/)
    expect(judgeText(chair, (d) => textRoom(d).resolutions.set('nothing', 'kept'))?.message).toMatch(
      /the text has no bracket group, optional bracket or option nothing/,
    )
    expect(judgeText(chair, (d) => textRoom(d).inscriptions.set('cp2/Australia', 'a lot' as never))?.message).toMatch(
      /inscriptions.cp2\/Australia: an inscription in cp2 must be a number greater than zero/,
    )
    expect(judgeText(chair, (d) => textRoom(d).inscriptions.set('cp2/Australia', -5))?.code).toBe('invalid-value')
    expect(judgeText(chair, (d) => textRoom(d).values.set('X', 400))?.message).toMatch(/between 0 and 100/)
    expect(judgeText(chair, (d) => textRoom(d).meta.set('schemaVersion', 'two' as never))?.code).toBe('invalid-value')
    expect(judgeText(chair, (d) => textRoom(d).meta.set('owner', 'me' as never))?.message).toMatch(/unknown key/)
    expect(judgeText(chair, (d) => textRoom(d).bindings.set('g39', { nonsense: true } as never))?.code).toBe(
      'invalid-value',
    )
    expect(judgeText(chair, (d) => textRoom(d).acceptances.set('Tuvalu', { date: 'soon' } as never))?.code).toBe(
      'invalid-value',
    )
    expect(judgeText(chair, (d) => d.getMap('resolutions').set('g39', new Y.Map() as never))?.message).toMatch(
      /values are plain JSON/,
    )
  })

  it('refuses provenance signed in another account’s name', () => {
    const forged = { proposal: 'p-none', party: 'Norway', by: 'chair2', at: '2009-12-01T00:00:00Z' }
    expect(judgeText(chair, (d) => textRoom(d).provenance.set('g39', forged))).toEqual({
      code: 'not-yours',
      message: 'provenance.g39: an acceptance is signed by the account that makes it, not chair2',
    })
    expect(judgeText(chair, (d) => textRoom(d).provenance.set('g39', { ...forged, by: 'chair' }))).toBeNull()
  })

  it('refuses a choice beside another option of its run that stays chosen, and only in its run', () => {
    // The template's first run is o1…o5, its second o6…o9 (runs as `option-runs.ts` reads them).
    const room = templateRoom()
    textRoom(room).resolutions.set('o1', 'chosen')
    const judge = (change: (d: Y.Doc) => void) => judgeUpdate('text', room, clientUpdate(room, change), chair).refusal
    expect(judge((d) => textRoom(d).resolutions.set('o2', 'chosen'))).toEqual({
      code: 'invalid-value',
      message: 'resolutions.o2: o1 of the same run is chosen; exactly one option of a run survives (reopen o1 first)',
    })
    // As the editor chooses (clearing the other choice of the run in the same update): admitted.
    expect(judge((d) => resolveNode(d, templateIndex, 'o2', 'chosen'))).toBeNull()
    // Another run is another choice; dropping beside a choice is no conflict.
    expect(judge((d) => textRoom(d).resolutions.set('o6', 'chosen'))).toBeNull()
    expect(judge((d) => textRoom(d).resolutions.set('o3', 'dropped'))).toBeNull()
    // Two choices of one run in one update are refused too.
    expect(
      judge((d) => d.transact(() => ['o7', 'o8'].forEach((o) => textRoom(d).resolutions.set(o, 'chosen')))),
    ).toMatchObject({ code: 'invalid-value' })
  })
  it('refuses any write from a delegation or an observer, and lets their echoes through', () => {
    expect(judgeText(tuvalu, (d) => textRoom(d).inscriptions.set('cp2/Tuvalu', 50))).toMatchObject({
      code: 'read-only',
    })
    expect(judgeText(observer, (d) => textRoom(d).resolutions.set('g39', 'g39.2'))?.code).toBe('read-only')
    const echo = judgeUpdate('text', server, Y.encodeStateAsUpdate(server), observer)
    expect(echo).toEqual({ refusal: null, changes: false })
  })

  it('judges a streamlining step’s renamed resolutions against the text the step makes', () => {
    const room = templateRoom()
    textRoom(room).resolutions.set('g39', 'g39.2')
    // Accepting [2013 to 2020] as clean text removes group g39 and its resolution in one update.
    const update = clientUpdate(room, (d) => {
      const taken = takeStep(d, (state) => acceptBracketText(state, 'g39', 'g39.2'))
      expect('step' in taken).toBe(true)
    })
    expect(judgeUpdate('text', room, update, chair).refusal).toBeNull()
  })

  it('judges a resolution of a bracket the same update adds against the text it makes', () => {
    const { nodes } = schema
    const alternative = (id: string, words: string) => nodes.alternative.create({ id }, schema.text(words))
    const added = nodes.paragraph.create({}, [
      nodes.bracket_group.create({ id: 'g-new' }, [alternative('g-new.1', 'shall'), alternative('g-new.2', 'should')]),
    ])
    const addAndResolve = (d: Y.Doc) =>
      d.transact(() => {
        const before = readNegotiationDoc(d)
        writeNegotiationDoc(d, before.copy(before.content.addToEnd(added)))
        textRoom(d).resolutions.set('g-new', 'g-new.2')
      })
    expect(judgeText(chair, addAndResolve)).toBeNull()
    // The same resolution alone, on the text as it stands, names nothing.
    expect(judgeText(chair, (d) => textRoom(d).resolutions.set('g-new', 'g-new.2'))?.code).toBe('invalid-value')
  })

  it('accepts any root in a scratch room, and still refuses an observer there', () => {
    const scratch = new Y.Doc()
    const update = clientUpdate(scratch, (d) => d.getText('bench').insert(0, 'load'))
    expect(judgeUpdate('text', scratch, update, chair, { anyShape: true }).refusal).toBeNull()
    expect(judgeUpdate('text', scratch, update, observer, { anyShape: true }).refusal?.code).toBe('read-only')
  })
})

describe('judging the proposals room', () => {
  const room = new Y.Doc()
  const proposal = {
    id: 'p-1',
    party: 'Tuvalu',
    by: 'tv',
    kind: 'resolution',
    target: 'g39',
    value: 'g39.2',
    at: '2009-11-02T10:00:00Z',
    status: 'open',
  }
  const judge = (actor: Actor, change: (doc: Y.Doc) => void) =>
    judgeUpdate('proposals', room, clientUpdate(room, change), actor).refusal

  it('judges each entry against the sender, with a code', () => {
    expect(judge(tuvalu, (d) => proposalsRoom(d).proposals.set('p-1', proposal as never))).toBeNull()
    expect(
      judge(tuvalu, (d) => proposalsRoom(d).proposals.set('p-1', { ...proposal, party: 'Norway' } as never)),
    ).toMatchObject({ code: 'not-yours', message: expect.stringMatching(/own Party \(Tuvalu\), not Norway/) })
    expect(judge(observer, (d) => proposalsRoom(d).stances.set('p-1/Tuvalu', {} as never))?.code).toBe('read-only')
    expect(judge(tuvalu, (d) => d.getMap('resolutions').set('g39', 'g39.2'))).toMatchObject({ code: 'unknown-root' })
  })
})
