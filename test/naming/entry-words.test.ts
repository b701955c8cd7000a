// What a step taken offline is called in the list of steps set aside on reconnect: decisions on
// tracked changes and comments are named by their words, like the model's entries, never "a change".
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { writeNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { proposalsRoom } from '../../shared/document/proposals-room.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { PositionMapper } from '../../shared/document/relative-positions.ts'
import { anchorRange } from '../../shared/document/text-anchor.ts'
import type { Comment } from '../../shared/comments/comment.ts'
import type { PendingChange } from '../../shared/pending-changes/pending-change.ts'
import { importText } from '../../shared/import/index.ts'
import { describeStep, recordOfflineSteps, type OfflineStep } from '../../client/collab/offline-steps.ts'
import { proposalsEntryWords, textEntryWords } from '../../client/naming/entry-words.ts'

const text = new Y.Doc()
writeNegotiationDoc(text, importText('The Parties [shall][should] reduce emissions.\n').doc)
const anchor = anchorRange(new PositionMapper(textRoom(text).text), 26, 43)

/** The steps `write` makes on `doc`, each described as the reconnect list shows it. */
function stepsOf(doc: Y.Doc, name: Parameters<typeof recordOfflineSteps>[2], write: () => void): string[] {
  const steps: OfflineStep[] = []
  const stop = recordOfflineSteps(
    doc,
    () => true,
    name,
    (s) => steps.push(s),
  )
  write()
  stop()
  return steps.map(describeStep)
}

describe('steps taken offline, in words', () => {
  it('names a decision on a tracked change by whose change it was and its words', () => {
    const change: PendingChange = {
      id: 'w1',
      kind: 'insertion',
      anchor,
      text: 'their ',
      author: 'norway-1',
      party: 'Norway',
      by: 'norway-1',
      at: '2024-11-18T10:00:00Z',
      source: 'suggestion',
      status: 'pending',
    }
    const room = textRoom(text).pendingChanges
    room.set(change.id, change)
    const decision = { by: 'cochair', at: '2024-11-18T11:00:00Z' }
    const words = stepsOf(
      text,
      textEntryWords(() => 'unnamed'),
      () => {
        room.set(change.id, { ...change, status: 'accepted', decision })
        room.set(change.id, { ...change, status: 'pending' })
        room.set(change.id, { ...change, kind: 'deletion', text: 'reduce', status: 'rejected', decision })
      },
    )
    expect(words).toEqual([
      'accepted Norway (norway-1)’s insertion of “their ”',
      'reopened Norway (norway-1)’s insertion of “their ”',
      'rejected Norway (norway-1)’s deletion of “reduce”',
    ])
  })

  it('names a comment, a reply, a resolution and a withdrawal by their words', () => {
    const doc = new Y.Doc()
    const comments = proposalsRoom(doc).comments
    const first: Comment = {
      id: 'c1',
      anchor,
      quote: 'reduce emissions',
      body: 'Whole section lacks clarity',
      by: 'norway-1',
      for: { kind: 'party', name: 'Norway' },
      source: 'accord',
      at: '2024-11-18T10:00:00Z',
    }
    const reply: Comment = {
      id: 'c2',
      replyTo: 'c1',
      body: 'x'.repeat(100),
      by: 'cochair',
      for: null,
      source: 'accord',
      at: '2024-11-18T10:05:00Z',
    }
    const words = stepsOf(
      doc,
      proposalsEntryWords(() => null),
      () => {
        comments.set(first.id, first)
        comments.set(reply.id, reply)
        comments.set(first.id, { ...first, resolved: { by: 'cochair', at: '2024-11-18T11:00:00Z' } })
        comments.set(reply.id, { ...reply, withdrawn: true })
      },
    )
    expect(words).toEqual([
      'commented on “reduce emissions”: “Whole section lacks clarity”',
      `replied to a comment: “${'x'.repeat(79)}…”`,
      'resolved the comments on “reduce emissions”',
      'withdrew a reply',
    ])
  })
})
