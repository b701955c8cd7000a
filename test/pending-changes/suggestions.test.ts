// Suggestions on the pending-change model, on real Y.Docs: words typed in suggestion mode are written
// with an insertion record over them, struck words only get a deletion record; the server signs and
// dates them, and through sync a record only ever changes its status, signed by a co-chair.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { updateYFragment } from 'y-prosemirror'
import { negotiationDocText, readNegotiationDoc, writeNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { judgeUpdate } from '../../shared/document/judge.ts'
import { PositionMapper, storePosition } from '../../shared/document/relative-positions.ts'
import { anchorRange } from '../../shared/document/text-anchor.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { TEXT_ROOTS } from '../../shared/document/root-names.ts'
import { importText } from '../../shared/import/index.ts'
import { decidePendingChange, pendingSpans, recordPendingChanges } from '../../shared/pending-changes/decide.ts'
import type { PendingChange } from '../../shared/pending-changes/pending-change.ts'
import { suggestChange, SuggestionSchema, type Suggestion } from '../../shared/pending-changes/suggest.ts'
import { maySuggest } from '../../shared/pending-changes/rights.ts'
import type { Actor } from '../../shared/proposals/rights.ts'
import { serializeText } from '../../shared/serialize/plain.ts'
import { textPositions } from '../../shared/serialize/text-positions.ts'

const cochair: Actor = { username: 'cochair', role: 'co-chair' }
const other: Actor = { username: 'cochair2', role: 'co-chair' }
const delegation: Actor = { username: 'norway', role: 'delegation', party: 'Norway' }
const observer: Actor = { username: 'press', role: 'observer' }
const norway = { by: 'norway', party: 'Norway', at: '2024-11-20T10:00:00.000Z' }

function roomWith(text: string): Y.Doc {
  const ydoc = new Y.Doc()
  writeNegotiationDoc(ydoc, importText(text).doc)
  return ydoc
}

// The document range of `words` in the room's text.
function rangeOf(ydoc: Y.Doc, words: string): { from: number; to: number } {
  const positions = textPositions(readNegotiationDoc(ydoc))
  const at = positions.text.indexOf(words)
  if (at < 0) throw new Error(`no "${words}"`)
  return positions.range(at, at + words.length)
}

// What a client sends: the place before `words` to insert at, or the span of `words` to strike.
const before = (ydoc: Y.Doc, words: string) =>
  storePosition(new PositionMapper(textRoom(ydoc).text).toRelative(rangeOf(ydoc, words).from, 0))
const span = (ydoc: Y.Doc, words: string) => {
  const r = rangeOf(ydoc, words)
  return anchorRange(new PositionMapper(textRoom(ydoc).text), r.from, r.to)
}

function suggest(ydoc: Y.Doc, suggestion: Suggestion): PendingChange[] {
  const made = suggestChange(ydoc, SuggestionSchema.parse(suggestion), norway)
  if (!Array.isArray(made)) throw new Error(made.refused)
  return made
}

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

// Another co-chair's edit of the text through y-prosemirror's diffing writer.
function edit(ydoc: Y.Doc, change: (text: string) => string): void {
  const doc = importText(change(serializeText(readNegotiationDoc(ydoc)))).doc
  ydoc.transact(() => updateYFragment(ydoc, textRoom(ydoc).text, doc, { mapping: new Map(), isOMark: new Map() }))
}

describe('suggestions', () => {
  it('typed words are written with an insertion over them; struck words stay, with a deletion; a co-chair decides', () => {
    const room = roomWith('The Parties shall reduce emissions by X per cent.\n')
    const [ins] = suggest(room, { insert: { at: before(room, 'emissions'), text: 'their ' } })
    expect(ins).toMatchObject({ kind: 'insertion', text: 'their ', author: 'norway', party: 'Norway' })
    expect(ins).toMatchObject({ by: 'norway', at: norway.at, source: 'suggestion', status: 'pending' })
    const [del] = suggest(room, { delete: span(room, ' by X per cent') })
    expect(del).toMatchObject({ kind: 'deletion', text: ' by X per cent', status: 'pending' })
    expect(negotiationDocText(room)).toBe('The Parties shall reduce their emissions by X per cent.\n')
    expect(pendingSpans(room).map((s) => [s.change.kind, spanWords(room, s.range!)])).toEqual([
      ['insertion', 'their '],
      ['deletion', ' by X per cent'],
    ])
    expect(judge(room, other, (r) => decidePendingChange(r, del.id, true, { by: 'cochair2', at: 'now' }))).toBeNull()
    expect(judge(room, other, (r) => decidePendingChange(r, ins.id, false, { by: 'cochair2', at: 'now' }))).toBeNull()
    expect(negotiationDocText(room)).toBe('The Parties shall reduce emissions.\n')
  })

  it('typing over a selection strikes it and inserts after it, in one step, as Word records it', () => {
    const room = roomWith('Parties shall cooperate.\n')
    const made = suggest(room, {
      delete: span(room, 'shall'),
      insert: {
        at: storePosition(new PositionMapper(textRoom(room).text).toRelative(rangeOf(room, 'shall').to, 0)),
        text: 'should',
      },
    })
    expect(made.map((c) => [c.kind, c.text])).toEqual([
      ['deletion', 'shall'],
      ['insertion', 'should'],
    ])
    expect(negotiationDocText(room)).toBe('Parties shallshould cooperate.\n')
    expect(pendingSpans(room).map((s) => spanWords(room, s.range!))).toEqual(['shall', 'should'])
  })

  it('a suggestion sent while another co-chair edits lands on the words it was made on', () => {
    const room = roomWith('Decides that the Parties shall cooperate.\n')
    const at = before(room, 'cooperate')
    const struck = span(room, 'shall ')
    edit(room, (t) => t.replace('Decides', 'Also decides'))
    suggest(room, { insert: { at, text: 'fully ' }, delete: struck })
    expect(negotiationDocText(room)).toBe('Also decides that the Parties shall fully cooperate.\n')
    expect(pendingSpans(room).map((s) => spanWords(room, s.range!))).toEqual(['shall ', 'fully '])
  })

  it('refuses, with the reason, a place or words that are gone, a span across paragraphs, a line break', () => {
    const room = roomWith('First paragraph here.\n\nSecond one.\n\nThird.\n')
    const gone = span(room, 'here')
    const place = before(room, 'here')
    edit(room, (t) => t.replace('First paragraph here.\n\n', ''))
    expect(suggestChange(room, { delete: gone }, norway)).toEqual({
      refused: 'the words to strike are gone: someone changed them meanwhile',
      field: 'delete',
    })
    expect(suggestChange(room, { insert: { at: place, text: 'x' } }, norway)).toEqual({
      refused: 'the place to insert at is gone: someone deleted the words around it',
      field: 'insert',
    })
    expect(suggestChange(room, { delete: span(room, 'one.\n\nThird') }, norway)).toEqual({
      refused: 'strike words within one paragraph, cell or bracket: select them again inside it',
      field: 'delete',
    })
    expect(SuggestionSchema.safeParse({ insert: { at: before(room, 'one'), text: 'a\nb' } }).success).toBe(false)
    expect(SuggestionSchema.safeParse({}).success).toBe(false)
    expect(negotiationDocText(room)).toBe('Second one.\n\nThird.\n')
    expect(textRoom(room).pendingChanges.size).toBe(0)
  })

  it('delegations, co-chairs and the secretariat suggest; observers do not', () => {
    expect(maySuggest(delegation)).toBe(true)
    expect(maySuggest(cochair)).toBe(true)
    expect(maySuggest({ role: 'secretariat' })).toBe(true)
    expect(maySuggest(observer)).toBe(false)
    expect(maySuggest({ role: 'delegation' })).toBe(false)
  })
})

describe('pending changes through sync', () => {
  it('no client makes a record; co-chairs only change its status, signing it; nothing is deleted', () => {
    const server = roomWith('The Parties shall act.\n')
    const [made] = suggest(server, { delete: span(server, 'shall ') })
    const record =
      (id: string, extra: Partial<PendingChange> = {}) =>
      (r: Y.Doc) =>
        recordPendingChanges(r, [{ ...made, id, ...extra, ...rangeOf(r, 'shall ') }])
    expect(judge(server, delegation, record('d1'))).toBe('delegation accounts may not change the text room')
    expect(judge(server, cochair, record('x', { source: 'word' }))).toBe(
      'pendingChanges.x: only an import carries tracked changes over from Word',
    )
    expect(judge(server, cochair, record('x', { author: 'cochair', by: 'cochair' }))).toBe(
      'pendingChanges.x: suggestions are recorded by the server, which signs and dates them (POST /api/documents/:id/suggestions)',
    )
    const set = (patch: Partial<PendingChange>) => (r: Y.Doc) => {
      const m = r.getMap<PendingChange>(TEXT_ROOTS.pendingChanges)
      m.set(made.id, { ...m.get(made.id)!, ...patch })
    }
    const key = `pendingChanges.${made.id}`
    expect(judge(server, other, set({ text: 'should ' }))).toBe(`${key}: only the status of a pending change changes`)
    expect(judge(server, other, set({ at: '2020-01-01T00:00:00.000Z' }))).toBe(
      `${key}: only the status of a pending change changes`,
    )
    expect(judge(server, other, set({ status: 'accepted', decision: { by: 'cochair', at: 'now' } }))).toBe(
      `${key}: a decision is signed by the account that makes it`,
    )
    expect(judge(server, other, (r) => r.getMap(TEXT_ROOTS.pendingChanges).delete(made.id))).toBe(
      `${key}: pending changes are never deleted; reject them`,
    )
    expect(judge(server, other, set({ status: 'rejected', decision: { by: 'cochair2', at: 'now' } }))).toBeNull()
    expect(judge(server, other, set({ status: 'accepted', decision: { by: 'cochair2', at: 'later' } }))).toBe(
      `${key}: the change is already rejected`,
    )
    // Undoing a decision puts the change back, undecided.
    expect(judge(server, cochair, set({ status: 'pending', decision: undefined }))).toBeNull()
  })
})

function spanWords(ydoc: Y.Doc, range: { from: number; to: number }): string {
  return readNegotiationDoc(ydoc).textBetween(range.from, range.to, ' ', (leaf) => leaf.attrs.name ?? '')
}
