// The editor's document log without a browser: a co-chair's acceptance is one undoable
// step over the text room's model; Ctrl+Z (the undo manager) takes it back, logs the
// undo against the entry, and puts the proposal back on the table; redo accepts again.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readNegotiationDoc, seedNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { indexDocument } from '../../shared/model/document-index.ts'
import { applyAcceptance } from '../../shared/document/proposal-acceptance.ts'
import { logEntries } from '../../shared/proposals/log-entry.ts'
import { ProposalRegister } from '../../shared/proposals/register.ts'
import { DocumentLog } from '../../client/streamlining/document-log.ts'
import { createUndoManager, DECISION_ORIGIN } from '../../client/editor/undo-manager.ts'
import { template } from '../model/template-model.ts'
import { textRoom } from '../../shared/document/text-room.ts'

function setting() {
  const text = new Y.Doc()
  seedNegotiationDoc(text, template.text, template.annotations, template.bindings)
  const record = new Y.Doc()
  const norway = new ProposalRegister(record, { username: 'no', role: 'delegation', party: 'Norway' })
  const chair = new ProposalRegister(record, { username: 'chair', role: 'co-chair' })
  const said: string[] = []
  const log = new DocumentLog(
    () => chair,
    (m) => said.push(m),
  )
  const undo = createUndoManager(text)
  log.attach(undo)
  return { text, norway, chair, log, undo, said }
}

describe('the document log', () => {
  it('logs an acceptance as one step; undo reopens the proposal and redo accepts it again, both logged', () => {
    const { text, norway, chair, log, undo, said } = setting()
    const proposal = norway.propose({ kind: 'resolution', target: 'g39', value: 'g39.2' })
    const accepted = chair.accept(proposal.id)
    const entry = log.record(() => {
      applyAcceptance(text, proposal, accepted.decision!, indexDocument(readNegotiationDoc(text)))
      return {
        op: 'accept-proposal',
        ids: ['g39', proposal.id],
        summary: 'accepted Norway’s proposal: choose [2013 to 2020] (g39)',
      }
    })!
    expect(textRoom(text).resolutions.get('g39')).toBe('g39.2')
    expect(entry).toMatchObject({ op: 'accept-proposal', by: 'chair' })

    undo.undo()
    expect(textRoom(text).resolutions.has('g39')).toBe(false)
    expect(text.getMap('provenance').has('g39')).toBe(false)
    expect(chair.get(proposal.id)).toMatchObject({ status: 'open' })
    expect(chair.get(proposal.id)!.decision).toBeUndefined()

    undo.redo()
    expect(textRoom(text).resolutions.get('g39')).toBe('g39.2')
    expect(chair.get(proposal.id)).toMatchObject({ status: 'accepted', decision: { by: 'chair' } })

    const entries = logEntries(chair.state().log)
    expect(entries.map((e) => [e.op, e.of ?? null])).toEqual([
      ['accept-proposal', null],
      ['undo', entry.id],
      ['redo', entry.id],
    ])
    expect(entries[1].summary).toBe('undid: accepted Norway’s proposal: choose [2013 to 2020] (g39)')
    expect(said).toEqual([])
  })

  it('keeps consecutive steps apart: each is undone on its own; a step that changed nothing is not logged', () => {
    const { text, chair, log, undo } = setting()
    const resolutions = textRoom(text).resolutions
    const first = log.record(() => {
      text.transact(() => resolutions.set('g40', 'g40.2'), DECISION_ORIGIN)
      return { op: 'resolve', ids: ['g40'], summary: 'chose alternative g40.2 of bracket group g40' }
    })!
    const second = log.record(() => {
      text.transact(() => resolutions.set('g41', 'kept'), DECISION_ORIGIN)
      return { op: 'resolve', ids: ['g41'], summary: 'kept the optional text g41' }
    })!
    // A step that changed nothing is not logged.
    expect(log.record(() => ({ op: 'resolve', ids: ['g1'], summary: 'nothing' }))).toBeNull()
    undo.undo()
    expect(resolutions.get('g40')).toBe('g40.2')
    expect(resolutions.has('g41')).toBe(false)
    expect(logEntries(chair.state().log).map((e) => [e.op, e.of ?? e.id])).toEqual([
      ['resolve', first.id],
      ['resolve', second.id],
      ['undo', second.id],
    ])
  })

  it('is written only by co-chairs and the secretariat: a delegation’s steps are not logged', () => {
    const text = new Y.Doc()
    const record = new Y.Doc()
    const log = new DocumentLog(
      () => new ProposalRegister(record, { username: 'no', role: 'delegation', party: 'Norway' }),
      () => undefined,
    )
    expect(log.writable).toBe(false)
    expect(
      log.record(() => {
        text.getMap('resolutions').set('g39', 'g39.2')
        return { op: 'resolve', ids: ['g39'], summary: 'chose g39.2' }
      }),
    ).toBeNull()
    expect(record.getMap('log').size).toBe(0)
  })
})
