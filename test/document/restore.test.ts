// Restoring a revision returns every root of the text room that a restore replaces to
// what the revision held — the test is generated from the owner's list of roots, so a
// root added to the list is checked without a line here.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { writeSharedAcceptances } from '../../shared/document/acceptances.ts'
import { negotiationDocText, seedNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { applyAcceptance } from '../../shared/document/proposal-acceptance.ts'
import { restoreDraft } from '../../shared/document/restore.ts'
import { recordPendingChanges } from '../../shared/pending-changes/decide.ts'
import { ROOM_ROOTS } from '../../shared/document/room-roots.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { template, templateIndex } from '../model/template-model.ts'

const copyOf = (doc: Y.Doc): Y.Doc => {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

/** What a root holds, comparable across documents. */
const contentOf = (doc: Y.Doc, spec: (typeof ROOM_ROOTS.text)[number]): unknown =>
  spec.type === 'xml' ? negotiationDocText(doc) : doc.getMap(spec.name).toJSON()

describe('restoring a revision', () => {
  const restorable = ROOM_ROOTS.text.filter((spec) => spec.restore === 'replace')

  it('lists every root of the text room as restorable (nothing in the text room is a record)', () => {
    expect(restorable.map((spec) => spec.name)).toEqual(ROOM_ROOTS.text.map((spec) => spec.name))
    expect(ROOM_ROOTS.proposals.every((spec) => spec.restore === 'record')).toBe(true)
  })

  it('returns every restorable root to the revision after resolutions, an accepted proposal, acceptances and edits', () => {
    const draft = new Y.Doc()
    seedNegotiationDoc(draft, template.text, template.annotations, template.bindings)
    textRoom(draft).resolutions.set('g40', 'g40.1')
    const revision = copyOf(draft)

    // Everything a session adds after the revision, in every root.
    const room = textRoom(draft)
    room.resolutions.set('g39', 'g39.2')
    room.resolutions.delete('g40')
    room.values.set('X', 25)
    room.inscriptions.set('cp2/Norway', 84)
    const proposal = {
      id: 'p-1',
      party: 'Norway',
      by: 'no',
      kind: 'inscription' as const,
      target: 'cp2/Australia',
      value: 99.5,
      at: '2012-12-07T10:00:00Z',
      status: 'open' as const,
    }
    applyAcceptance(draft, proposal, { by: 'chair', at: '2012-12-08T10:00:00Z' }, templateIndex)
    writeSharedAcceptances(draft, [{ party: 'Norway', date: '2013-06-01', annexI: true }])
    room.bindings.delete([...room.bindings.keys()][0]!)
    room.meta.set('trail', 3)
    recordPendingChanges(draft, [
      {
        id: 's-1',
        kind: 'deletion',
        text: 'shall',
        author: 'chair',
        by: 'chair',
        at: 'now',
        source: 'suggestion',
        from: 40,
        to: 45,
      },
    ])
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('A paragraph added after the revision.')])
    room.text.push([paragraph])
    for (const spec of restorable) {
      expect(contentOf(draft, spec), `${spec.name} changed before the restore`).not.toEqual(contentOf(revision, spec))
    }

    restoreDraft(draft, revision)
    for (const spec of restorable) {
      expect(contentOf(draft, spec), `${spec.name} after the restore`).toEqual(contentOf(revision, spec))
    }
    // Provenance of the accepted proposal went with the acceptance it explained.
    expect(textRoom(draft).provenance.size).toBe(0)
  })
})
