// The pending-change model as issue 15's suggestion mode will use it, on real Y.Docs:
// a co-chair's typed words recorded as an insertion, a delete key as a deletion, and the rules.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { updateYFragment } from 'y-prosemirror'
import { negotiationDocText, readNegotiationDoc, writeNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { judgeUpdate } from '../../shared/document/judge.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { TEXT_ROOTS } from '../../shared/document/root-names.ts'
import { importText } from '../../shared/import/index.ts'
import { decidePendingChange, pendingSpans, recordPendingChanges } from '../../shared/pending-changes/decide.ts'
import type { PendingChange } from '../../shared/pending-changes/pending-change.ts'
import type { Actor } from '../../shared/proposals/rights.ts'
import { serializeText } from '../../shared/serialize/plain.ts'
import { textPositions } from '../../shared/serialize/text-positions.ts'

const cochair: Actor = { username: 'cochair', role: 'co-chair' }
const other: Actor = { username: 'cochair2', role: 'co-chair' }
const delegation: Actor = { username: 'norway', role: 'delegation', party: 'Norway' }

function roomWith(text: string): Y.Doc {
  const ydoc = new Y.Doc()
  writeNegotiationDoc(ydoc, importText(text).doc)
  return ydoc
}

// The document range of `words` in the room's text.
function rangeOf(ydoc: Y.Doc, words: string): { from: number; to: number } {
  const positions = textPositions(readNegotiationDoc(ydoc))
  const at = positions.text.indexOf(words)
  return positions.range(at, at + words.length)
}

const suggestion = (id: string, kind: PendingChange['kind'], range: { from: number; to: number }, by = 'cochair') => ({
  id,
  kind,
  text: '',
  author: by,
  by,
  at: '2024-11-20T10:00:00Z',
  source: 'suggestion' as const,
  ...range,
})

/** What the server would refuse in the pending changes of `write` done by `actor` on a replica. */
function judge(server: Y.Doc, actor: Actor, write: (replica: Y.Doc) => void): string | null {
  const replica = new Y.Doc()
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(server))
  const vector = Y.encodeStateVector(replica)
  write(replica)
  const update = Y.encodeStateAsUpdate(replica, vector)
  const why = judgeUpdate('text', server, update, actor).refusal?.message ?? null
  if (!why) Y.applyUpdate(server, update)
  return why
}

describe('suggestion mode on the pending-change model', () => {
  it('typed words become a pending insertion; a delete key a pending deletion that deletes nothing', () => {
    const server = roomWith('The Parties shall reduce emissions by X per cent.\n')
    const typed = (replica: Y.Doc) => {
      const doc = importText(
        serializeText(readNegotiationDoc(replica)).replace('reduce emissions', 'reduce their emissions'),
      ).doc
      replica.transact(() => {
        updateYFragment(replica, textRoom(replica).text, doc, { mapping: new Map(), isOMark: new Map() })
        recordPendingChanges(replica, [
          { ...suggestion('s1', 'insertion', rangeOf(replica, 'their ')), text: 'their ' },
        ])
      })
    }
    expect(judge(server, cochair, typed)).toBeNull()
    const struck = (replica: Y.Doc) =>
      recordPendingChanges(replica, [
        { ...suggestion('s2', 'deletion', rangeOf(replica, ' by X per cent')), text: ' by X per cent' },
      ])
    expect(judge(server, cochair, struck)).toBeNull()
    expect(negotiationDocText(server)).toBe('The Parties shall reduce their emissions by X per cent.\n')
    expect(pendingSpans(server).map((s) => [s.change.id, s.change.kind])).toEqual([
      ['s1', 'insertion'],
      ['s2', 'deletion'],
    ])
    // Another co-chair decides: accepting the deletion removes the words, rejecting the insertion removes its words.
    expect(judge(server, other, (r) => decidePendingChange(r, 's2', true, { by: 'cochair2', at: 'now' }))).toBeNull()
    expect(judge(server, other, (r) => decidePendingChange(r, 's1', false, { by: 'cochair2', at: 'now' }))).toBeNull()
    expect(negotiationDocText(server)).toBe('The Parties shall reduce emissions.\n')
  })

  it('a pending range follows its words through another co-chair’s concurrent edit', () => {
    const a = roomWith('Decides that the Parties shall cooperate.\n')
    recordPendingChanges(a, [{ ...suggestion('s1', 'deletion', rangeOf(a, 'shall ')), text: 'shall ' }])
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const doc = importText(serializeText(readNegotiationDoc(b)).replace('Decides', 'Also decides')).doc
    b.transact(() => updateYFragment(b, textRoom(b).text, doc, { mapping: new Map(), isOMark: new Map() }))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    decidePendingChange(a, 's1', true, { by: 'cochair', at: 'now' })
    expect(negotiationDocText(a)).toBe('Also decides that the Parties cooperate.\n')
  })

  it('only co-chairs and the secretariat suggest and decide; records only ever change status, signed', () => {
    const server = roomWith('The Parties shall act.\n')
    const record =
      (id: string, extra: Partial<PendingChange> = {}) =>
      (r: Y.Doc) => {
        const [c] = recordPendingChanges(r, [{ ...suggestion(id, 'deletion', rangeOf(r, 'shall ')), text: 'shall ' }])
        if (Object.keys(extra).length) textRoom(r).pendingChanges.set(id, { ...c, ...extra })
      }
    expect(judge(server, delegation, record('d1'))).toBe('delegation accounts may not change the text room')
    expect(judge(server, cochair, record('x', { source: 'word' }))).toBe(
      'pendingChanges.x: only an import carries tracked changes over from Word',
    )
    expect(judge(server, cochair, record('x', { author: 'Ana' }))).toBe(
      'pendingChanges.x: a suggestion is signed by the account that makes it',
    )
    expect(judge(server, cochair, record('x', { status: 'accepted' }))).toBe(
      'pendingChanges.x: a new suggestion is pending and undecided',
    )
    expect(judge(server, cochair, record('s1'))).toBeNull()
    const set = (patch: Partial<PendingChange>) => (r: Y.Doc) => {
      const m = r.getMap<PendingChange>(TEXT_ROOTS.pendingChanges)
      m.set('s1', { ...m.get('s1')!, ...patch })
    }
    expect(judge(server, other, set({ text: 'should ' }))).toBe(
      'pendingChanges.s1: only the status of a pending change changes',
    )
    expect(judge(server, other, set({ status: 'accepted', decision: { by: 'cochair', at: 'now' } }))).toBe(
      'pendingChanges.s1: a decision is signed by the account that makes it',
    )
    expect(judge(server, other, (r) => r.getMap(TEXT_ROOTS.pendingChanges).delete('s1'))).toBe(
      'pendingChanges.s1: pending changes are never deleted; reject them',
    )
    expect(judge(server, other, set({ status: 'rejected', decision: { by: 'cochair2', at: 'now' } }))).toBeNull()
    expect(judge(server, other, set({ status: 'accepted', decision: { by: 'cochair2', at: 'later' } }))).toBe(
      'pendingChanges.s1: the change is already rejected',
    )
    // Undoing a decision puts the change back, undecided.
    expect(judge(server, cochair, set({ status: 'pending', decision: undefined }))).toBeNull()
  })
})
