// Who may write which comment, judged on real Y.Doc updates the way the server will judge them.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { writeNegotiationDoc } from '../../shared/document/negotiation-doc.ts'
import { judgeUpdate } from '../../shared/document/judge.ts'
import { proposalsRoom } from '../../shared/document/proposals-room.ts'
import { textRoom } from '../../shared/document/text-room.ts'
import { PositionMapper } from '../../shared/document/relative-positions.ts'
import { anchorRange } from '../../shared/document/text-anchor.ts'
import { MAX_COMMENT_CHARS, type Comment } from '../../shared/comments/comment.ts'
import { importText } from '../../shared/import/index.ts'
import type { Actor } from '../../shared/proposals/rights.ts'
import { readRoster } from '../../server/templates/read-template.ts'

const roster = readRoster()

const text = new Y.Doc()
writeNegotiationDoc(text, importText('The Parties [shall][should] reduce emissions.\n').doc)
const anchor = anchorRange(new PositionMapper(textRoom(text).text), 26, 43)

const norway: Actor = { username: 'norway', role: 'delegation', party: 'Norway' }
const pakistan: Actor = { username: 'pakistan', role: 'delegation', party: 'Pakistan' }
const usa: Actor = { username: 'usa', role: 'delegation', party: 'United States' }
const france: Actor = { username: 'france', role: 'delegation', party: 'France' }
const cochair: Actor = { username: 'cochair', role: 'co-chair' }
const secretariat: Actor = { username: 'secretariat', role: 'secretariat' }
const observer: Actor = { username: 'press', role: 'observer' }

const draft = (actor: Actor, extra: Partial<Comment> = {}): Comment => ({
  id: `c-${actor.username}`,
  anchor,
  quote: 'reduce emissions',
  body: 'Whole section lacks clarity',
  by: actor.username,
  for: actor.party ? { kind: 'party', name: actor.party } : null,
  source: 'accord',
  at: '2024-11-18T10:00:00Z',
  ...extra,
})

/** The proposals room as the server holds it, with `existing` comments. */
function room(...existing: Comment[]): Y.Doc {
  const doc = new Y.Doc()
  for (const c of existing) proposalsRoom(doc).comments.set(c.id, c)
  return doc
}

/** What `actor` sending `write` (done on a synced replica of `server`) is refused with, or null. */
function judge(server: Y.Doc, actor: Actor, write: (comments: Y.Map<Comment>) => void): string | null {
  const replica = new Y.Doc()
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(server))
  const vector = Y.encodeStateVector(replica)
  write(proposalsRoom(replica).comments)
  return (
    judgeUpdate('proposals', server, Y.encodeStateAsUpdate(replica, vector), actor, { roster }).refusal?.message ?? null
  )
}

const add = (c: Comment) => (m: Y.Map<Comment>) => m.set(c.id, c)

describe('writing comments', () => {
  it('a delegation comments for its own Party, or a group its Party belongs to, never for another', () => {
    expect(judge(room(), norway, add(draft(norway)))).toBeNull()
    expect(judge(room(), usa, add(draft(usa, { for: { kind: 'party', name: 'United States of America' } })))).toBeNull()
    expect(judge(room(), norway, add(draft(norway, { for: { kind: 'party', name: 'Pakistan' } })))).toBe(
      'comments.c-norway: a delegation comments for its own Party (Norway), not Pakistan',
    )
    expect(judge(room(), norway, add(draft(norway, { for: null })))).toBe(
      'comments.c-norway: a delegation comments for its Party (Norway)',
    )
    expect(judge(room(), pakistan, add(draft(pakistan, { for: { kind: 'group', name: 'LMDC' } })))).toBeNull()
    expect(judge(room(), pakistan, add(draft(pakistan, { for: { kind: 'group', name: 'G77 and China' } })))).toBeNull()
    expect(judge(room(), pakistan, add(draft(pakistan, { for: { kind: 'group', name: 'AOSIS' } })))).toBe(
      'comments.c-pakistan: Pakistan is not a member of AOSIS',
    )
    expect(judge(room(), france, add(draft(france, { for: { kind: 'group', name: 'EU' } })))).toBeNull()
    expect(judge(room(), norway, add(draft(norway, { by: 'pakistan' })))).toBe(
      'comments.c-norway: a comment is signed by the account that writes it',
    )
  })

  it('co-chairs and the secretariat speak for no one or record what a Party said; observers write nothing', () => {
    expect(judge(room(), cochair, add(draft(cochair)))).toBeNull()
    expect(
      judge(
        room(),
        secretariat,
        add(draft(secretariat, { for: { kind: 'party', name: 'Norway' }, recordedBy: 'Barbara' })),
      ),
    ).toBeNull()
    expect(judge(room(), cochair, add(draft(cochair, { for: { kind: 'party', name: 'Atlantis' } })))).toBe(
      'comments.c-cochair: "Atlantis" is not a Party on the roster',
    )
    expect(judge(room(), norway, add(draft(norway, { recordedBy: 'someone' })))).toBe(
      'comments.c-norway: only co-chairs and the secretariat record comments for others',
    )
    expect(judge(room(), observer, add(draft(observer)))).toBe('observer accounts may not change the proposals room')
    expect(judge(room(), cochair, add(draft(cochair, { source: 'word' })))).toBe(
      'comments.c-cochair: only an import carries comments over from Word',
    )
  })

  it('replies answer a thread; entries are capped in size and well formed', () => {
    const reply = draft(pakistan, {
      id: 'r1',
      anchor: undefined,
      quote: undefined,
      replyTo: 'c-norway',
      body: 'We disagree',
    })
    expect(judge(room(draft(norway)), pakistan, add(reply))).toBeNull()
    expect(judge(room(), pakistan, add({ ...reply, anchor }))).toMatch(
      /malformed comment: replyTo a reply has no range of its own/,
    )
    expect(judge(room(), norway, add(draft(norway, { anchor: undefined })))).toMatch(
      /a thread's first comment is anchored in the text/,
    )
    expect(judge(room(), norway, add(draft(norway, { body: 'x'.repeat(MAX_COMMENT_CHARS + 1) })))).toMatch(
      /^comments\.c-norway: malformed comment: body/,
    )
    expect(judge(room(), norway, add(draft(norway, { id: 'other' })))).toBeNull()
    expect(judge(room(), norway, (m) => m.set('elsewhere', draft(norway)))).toBe(
      'comments.elsewhere: a comment is stored under its own id',
    )
  })
})

describe('changing comments', () => {
  const mine = draft(norway)
  const server = () => room(mine)
  const change = (patch: Partial<Comment>) => (m: Y.Map<Comment>) => m.set(mine.id, { ...m.get(mine.id)!, ...patch })

  it('its author edits or withdraws it; never anyone else, and nothing is deleted', () => {
    expect(judge(server(), norway, change({ body: 'Lacks clarity', editedAt: '2024-11-19T10:00:00Z' }))).toBeNull()
    expect(judge(server(), norway, change({ body: 'Lacks clarity' }))).toBe(
      'comments.c-norway: an edited comment says when it was edited',
    )
    expect(judge(server(), pakistan, change({ body: 'Fine', editedAt: '2024-11-19T10:00:00Z' }))).toBe(
      "comments.c-norway: never edit another's comment",
    )
    expect(judge(server(), cochair, change({ body: 'Fine', editedAt: '2024-11-19T10:00:00Z' }))).toBe(
      "comments.c-norway: never edit another's comment",
    )
    expect(judge(server(), norway, change({ withdrawn: true }))).toBeNull()
    expect(judge(server(), pakistan, change({ withdrawn: true }))).toBe(
      "comments.c-norway: never withdraw another's comment",
    )
    expect(judge(room({ ...mine, withdrawn: true }), norway, (m) => m.set(mine.id, { ...mine }))).toBe(
      'comments.c-norway: a withdrawal is final',
    )
    expect(judge(server(), norway, (m) => m.delete(mine.id))).toBe(
      'comments.c-norway: comments are never deleted; withdraw your own',
    )
    expect(judge(server(), norway, change({ for: { kind: 'party', name: 'Iceland' } }))).toMatch(
      /only the body \(by its author\), withdrawal/,
    )
    expect(judge(server(), norway, change({ anchor: { from: anchor.to, to: anchor.to } }))).toMatch(/only the body/)
  })

  it('only co-chairs and the secretariat resolve or reopen a thread, signing it', () => {
    const resolved = { resolved: { by: 'cochair', at: '2024-11-19T10:00:00Z' } }
    expect(judge(server(), norway, change({ resolved: { by: 'norway', at: 'now' } }))).toBe(
      'comments.c-norway: only co-chairs and the secretariat resolve comments',
    )
    expect(judge(server(), cochair, change(resolved))).toBeNull()
    expect(judge(server(), secretariat, change(resolved))).toBe(
      'comments.c-norway: a resolution is signed by the account that makes it',
    )
    expect(judge(room({ ...mine, ...resolved }), secretariat, change({ resolved: null }))).toBeNull()
    expect(judge(room({ ...mine, ...resolved }), pakistan, change({ resolved: null }))).toBe(
      'comments.c-norway: only co-chairs and the secretariat resolve comments',
    )
  })

  it('an update that touches a map the proposals room does not hold is refused', () => {
    expect(judge(room(), norway, (m) => m.doc!.getMap('resolutions').set('g1', 'g1.1'))).toBe(
      'the proposals room holds no "resolutions"',
    )
  })
})
